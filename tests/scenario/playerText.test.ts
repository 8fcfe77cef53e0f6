// What a player reads in a scenario speaks the period's language, not the engine's: no prose field
// names a figure by its internal id ("trade.baseImports" reached the why ledger through an estimate
// in 1932), every objective has its "Historically …" line for the end report (1932's "Keep the
// hardliners quiet" and "Keep Stalin's confidence" had none), and no calendar phase is named for an
// outcome the player may avert ("The notice runs" in a game where no notice was given).
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index';
import type { Side } from '../../src/engine/vocab';
import { paperFor } from '../../src/ui/dom/papers';
import { loadScenarioFile } from '../loadScenario';

const IDS = ['1927', '1929', '1932'] as const;

/** Fields whose strings a player reads (the why ledger shows `estimate` too). */
const PROSE = new Set([
  'text',
  'description',
  'estimate',
  'why',
  'news',
  'title',
  'label',
  'name',
  'prompt',
  'briefing',
  'history',
  'note',
  'short',
  'body',
  'summary',
  'secretAim',
  'motives',
  'response',
  'closedNote',
  'subtitle',
  'inSentence',
]);

function proseIn(x: unknown, path: string, key: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  if (Array.isArray(x)) x.forEach((y, k) => proseIn(y, `${path}[${k}]`, key, out));
  else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) proseIn(v, `${path}.${k}`, k, out);
  else if (typeof x === 'string' && PROSE.has(key)) out.push({ path, text: x });
  return out;
}

describe.each(IDS)('scenario %s: player-visible text', id => {
  const raw = loadScenarioFile(id) as unknown as Record<string, unknown>;
  const c = compile(loadScenarioFile(id));

  it('names no figure by its internal id', () => {
    const figIds = c.figs.map(f => f.id).filter(x => /[.A-Z]/.test(x));
    const dotted = /\b(?:fig|trade|stance|mood|align|pressure|intel|standing|capital)\.[a-z][\w-]*/;
    const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    const named = new RegExp(`(?<![\\w.-])(?:${figIds.map(quote).join('|')})(?![\\w-])`);
    const bad = proseIn(raw, id, '').filter(p => dotted.test(p.text) || named.test(p.text));
    expect(bad.map(b => `${b.path}: ${b.text.slice(0, 120)}`)).toEqual([]);
  });

  it('gives every objective its historical line', () => {
    const missing = (['britain', 'ussr'] as Side[]).flatMap(s => c.sc.objectives[s].filter(o => !/^Historically\b/.test(o.history ?? '')).map(o => `${s}.${o.id}`));
    expect(missing).toEqual([]);
  });

  it('names no calendar phase for an outcome the players may avert', () => {
    const outcome = /\b(?:notice|raid|rupture|break|breakdown|departures|stalemate|ratification|protocol|exchange|first round|new government)\b/i;
    expect(c.sc.calendar.phases.map(p => p.name).filter(n => outcome.test(n))).toEqual([]);
  });
});

describe('1932: the spring fall in Soviet exports', () => {
  const c = compile(loadScenarioFile('1932'));
  const ev = c.sc.events.find(e => e.id === 'famine-spring')!;
  it('is not printed under Pravda’s masthead, and speaks to no player about the game', () => {
    expect(paperFor('ussr', ev.place ?? null).id).not.toBe('ussr');
    expect(ev.text).not.toMatch(/\bgame\b|\(/);
  });
});

describe('1929: putting the Russian question to the Cabinet', () => {
  const c = compile(loadScenarioFile('1929'));
  it('tells no date still ahead when it is first open', () => {
    const a = c.sc.actions.find(x => x.id === 'report-talks')!;
    expect(a.description).not.toMatch(/September 1929/);
  });
});
