// Every source a shipped scenario cites is a line reference into the thesis that could be real: the
// compact form the citations read (src/app/citations.ts), first line before last, and nothing past
// the thesis's last line (16,095, as shared/seeds/README.md gives it). A typo such as "L14799-1480"
// or "L41840" would otherwise reach a player's "Why?" as a citation of lines that do not exist.
// A citation of lines that are all the thesis's footnotes says so ("thesis fn L..."), and one that
// says so cites footnote lines: which lines are footnotes, tests/fixtures/thesis-footnotes.json
// (made from the thesis by scripts/thesis-footnotes.ts; see tests/scenario/footnotes.ts).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import footnoteFile from '../fixtures/thesis-footnotes.json';
import { loadScenarioFile } from '../loadScenario';
import { type Footnotes, footnotes, THESIS_TEXT } from './footnotes';

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

const footnoteRanges = footnoteFile as Footnotes;
/** Each thesis line: 1 a footnote line, 2 one that may be (a note running on), 0 neither. */
const noteMark = new Uint8Array(THESIS_LINES + 2);
for (const [a, b] of footnoteRanges.sure) noteMark.fill(1, a, b + 1);
for (const [a, b] of footnoteRanges.maybe) noteMark.fill(2, a, b + 1);

/** Why a reference says, or fails to say, that it cites footnotes wrongly, or null. */
function wrongNote(src: string): string | null {
  const m = REF.exec(src);
  if (!m) return null;
  const from = Number(m[1]),
    to = Number(m[2] ?? m[1]);
  const marks = Array.from(noteMark.subarray(from, to + 1));
  const fn = src.startsWith('thesis fn ');
  if (!fn && marks.every(x => x === 1)) return 'every line it cites is a footnote: write "thesis fn L..."';
  if (fn && marks.every(x => x === 0)) return 'it says "fn" but cites no footnote line';
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

    it(`${id}: a citation of footnote lines says fn, and one that says fn cites footnote lines`, () => {
      const all = sourcesIn(sc, id);
      expect(all.map(x => ({ ...x, wrong: wrongNote(x.src) })).filter(x => x.wrong)).toEqual([]);
      // Both kinds are cited.
      expect(all.some(x => x.src.startsWith('thesis fn '))).toBe(true);
      expect(all.some(x => !x.src.startsWith('thesis fn '))).toBe(true);
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

  it('tells footnotes from the body: the notes on Voikov are footnotes, the lines above them on the powers that did not follow Britain are not', () => {
    // L4190-4191: notes 1 and 2 at the foot of the page on the reaction to Voikov's murder.
    expect(wrongNote('thesis L4190-4191')).toMatch(/write "thesis fn/);
    expect(wrongNote('thesis fn L4190-4191')).toBeNull();
    expect(wrongNote('thesis L4184-4186')).toBeNull();
    expect(wrongNote('thesis fn L4184-4186')).toMatch(/cites no footnote line/);
  });

  it.skipIf(!existsSync(THESIS_TEXT))('the footnote lines kept are those the thesis gives (where the thesis is at hand)', () => {
    const f = footnotes(readFileSync(THESIS_TEXT, 'utf8'));
    expect({ sure: f.sure, maybe: f.maybe }).toEqual(footnoteRanges);
  });
});
