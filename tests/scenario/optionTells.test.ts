// The historical option must not give itself away. A player who always takes the longest or the
// most carefully worded option should not be replaying history: the end screen is where history is
// shown. By chance alone the historical option is the longest in about 38% of decisions (most have
// two or three options), so more than 45% is a tell; so is a phrase only historical options use.
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioOption } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

const SCENARIOS = ['1927', '1929', '1932'];
const MAX_SHARE = 0.45;
/** Words that have marked historical options before: "your suggestion", "your compromise" ... */
const TELLING = ['your suggestion', 'your compromise', 'your idea', 'your proposal', 'your last concession', 'your plan', 'compromise', 'historical', 'historically', 'as it happened'];

interface Decision {
  event: string;
  options: ScenarioOption[];
  historical: ScenarioOption;
}

function decisions(sc: Scenario): Decision[] {
  const out: Decision[] = [];
  for (const e of sc.events) {
    const h = e.decision?.options.find(o => o.historical);
    if (e.decision && h) out.push({ event: e.id, options: e.decision.options, historical: h });
  }
  return out;
}

const words = (o: ScenarioOption): string => `${o.label} ${o.text ?? ''}`.toLowerCase();

/** Share of decisions in which the historical option is the longest (a tie counts as longest). */
function longestShare(ds: Decision[], len: (o: ScenarioOption) => number): number {
  const n = ds.filter(d => len(d.historical) >= Math.max(...d.options.map(len))).length;
  return n / ds.length;
}
function shortestShare(ds: Decision[], len: (o: ScenarioOption) => number): number {
  const n = ds.filter(d => len(d.historical) <= Math.min(...d.options.map(len))).length;
  return n / ds.length;
}

const labelLen = (o: ScenarioOption): number => o.label.length;
const fullLen = (o: ScenarioOption): number => o.label.length + (o.text ?? '').length;

describe.each(SCENARIOS)('scenario %s: the historical option does not give itself away', id => {
  const sc = loadScenarioFile(id);
  const ds = decisions(sc);

  it('has branch points to test', () => {
    expect(ds.length).toBeGreaterThan(10);
  });

  it(`the historical option has the longest label in no more than ${MAX_SHARE * 100}% of decisions`, () => {
    expect(longestShare(ds, labelLen)).toBeLessThanOrEqual(MAX_SHARE);
  });

  it(`... nor the longest label and text together`, () => {
    expect(longestShare(ds, fullLen)).toBeLessThanOrEqual(MAX_SHARE);
  });

  it('nor is it the shortest by habit (the tell turned round)', () => {
    expect(shortestShare(ds, labelLen)).toBeLessThanOrEqual(0.5);
    expect(shortestShare(ds, fullLen)).toBeLessThanOrEqual(0.5);
  });

  it('no telling phrase appears only on historical options', () => {
    const hist = ds.map(d => words(d.historical));
    const other = ds.flatMap(d => d.options.filter(o => !o.historical).map(words));
    const onlyHistorical = TELLING.filter(p => hist.some(t => t.includes(p)) && !other.some(t => t.includes(p)));
    expect(onlyHistorical).toEqual([]);
  });

  it('no "your ..." wording is a habit of historical options alone', () => {
    const yours = (t: string): Set<string> => new Set([...t.matchAll(/\byour [a-z']+/g)].map(m => m[0]));
    const count = new Map<string, number>();
    for (const d of ds) for (const p of yours(words(d.historical))) count.set(p, (count.get(p) ?? 0) + 1);
    const other = new Set(ds.flatMap(d => d.options.filter(o => !o.historical).flatMap(o => [...yours(words(o))])));
    const habits = [...count].filter(([p, n]) => n >= 2 && !other.has(p)).map(([p]) => p);
    expect(habits).toEqual([]);
  });
});

describe('the check catches the tell it is for', () => {
  it('a scenario whose historical options are all the longest fails the share', () => {
    const d = (h: string, o: string): Decision => {
      const historical = { id: 'h', label: h, historical: true, effects: [] } as ScenarioOption;
      return { event: 'e', options: [historical, { id: 'o', label: o, effects: [] } as ScenarioOption], historical };
    };
    const ds = [d('A long and careful answer', 'No'), d('Another long answer', 'Yes'), d('Short', 'Much longer than that')];
    expect(longestShare(ds, labelLen)).toBeGreaterThan(MAX_SHARE);
  });
});
