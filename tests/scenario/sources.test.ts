// Every source a shipped scenario cites is a line reference into the thesis that could be real: the
// compact form the citations read (src/app/citations.ts), first line before last, and nothing past
// the thesis's last line (16,095, as shared/seeds/README.md gives it). A typo such as "L14799-1480"
// or "L41840" would otherwise reach a player's "Why?" as a citation of lines that do not exist.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../loadScenario';

const THESIS_LINES = 16_095;
const REF = /^thesis (?:fn )?L(\d+)(?:-(\d+))?$/;

/** Every `sources` entry in a scenario, with the path to it. */
function sourcesIn(x: unknown, path: string, out: { path: string; src: string }[] = []): { path: string; src: string }[] {
  if (Array.isArray(x)) x.forEach((y, k) => sourcesIn(y, `${path}[${k}]`, out));
  else if (typeof x === 'object' && x !== null)
    for (const [k, v] of Object.entries(x)) {
      if (k === 'sources' && Array.isArray(v)) v.forEach((s, j) => out.push({ path: `${path}.sources[${j}]`, src: String(s) }));
      else sourcesIn(v, `${path}.${k}`, out);
    }
  return out;
}

/** Why a reference is not one the thesis could hold, or null. */
function wrong(src: string): string | null {
  const m = REF.exec(src);
  if (!m) return 'not of the form "thesis L123-456" or "thesis fn L123-456"';
  const from = Number(m[1]),
    to = Number(m[2] ?? m[1]);
  if (from < 1 || to > THESIS_LINES) return `outside the thesis's lines 1-${THESIS_LINES}`;
  if (to < from) return 'last line before the first';
  return null;
}

describe('scenario sources', () => {
  for (const id of ['1927', '1929', '1932'] as const) {
    const sc = loadScenarioFile(id);

    it(`${id}: every source cited is a thesis line reference within the thesis`, () => {
      const all = sourcesIn(sc, id);
      expect(all.length).toBeGreaterThan(100);
      expect(all.map(x => ({ ...x, wrong: wrong(x.src) })).filter(x => x.wrong)).toEqual([]);
    });

    it(`${id}: every objective of both sides cites its sources, and the references in its texts are well formed`, () => {
      for (const side of ['britain', 'ussr'] as const)
        for (const o of sc.objectives[side]) {
          expect(o.sources.length, `${side} ${o.id}`).toBeGreaterThan(0);
          for (const s of o.sources) expect(wrong(s), `${side} ${o.id}: ${s}`).toBeNull();
          const inText = [...`${o.description ?? ''} ${o.history ?? ''}`.matchAll(/thesis (?:fn )?L\d+(?:-\d+)?/g)].map(m => m[0]);
          for (const s of inText) expect(wrong(s), `${side} ${o.id}: ${s}`).toBeNull();
        }
    });
  }

  it('refuses what it should: a reference past the end, backwards, or in another form', () => {
    expect(wrong('thesis L41840')).toMatch(/outside/);
    expect(wrong('thesis L14799-1480')).toMatch(/before the first/);
    expect(wrong('Thesis l12')).toMatch(/not of the form/);
    expect(wrong('thesis fn L8966-8971')).toBeNull();
  });
});
