// Every source a shipped scenario cites is a line reference into the thesis that could be real: the
// compact form the citations read (src/app/citations.ts), first line before last, and nothing past
// the thesis's last line (16,095, as shared/seeds/README.md gives it). A typo such as "L14799-1480"
// or "L41840" would otherwise reach a player's "Why?" as a citation of lines that do not exist.
// A citation of lines that are all the thesis's footnotes says so ("thesis fn L..."), and one that
// says so cites only footnote lines: which lines are footnotes, tests/fixtures/thesis-footnotes.json
// (made from the thesis by scripts/thesis-footnotes.ts; see tests/scenario/footnotes.ts). Lines the
// rule can only say "may be" notes are cited only once someone has read the page and recorded what
// they are (tests/fixtures/thesis-footnote-reading.json).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import readingFile from '../fixtures/thesis-footnote-reading.json';
import footnoteFile from '../fixtures/thesis-footnotes.json';
import { loadScenarioFile } from '../loadScenario';
import { type Footnotes, footnotes, parseReading, THESIS_TEXT } from './footnotes';

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

const footnoteRanges: Footnotes = { sure: footnoteFile.sure as [number, number][], maybe: footnoteFile.maybe as [number, number][] };
const reading = parseReading(readingFile);
/** Each thesis line: 1 a footnote line, 2 one that may be (a note running on), 0 neither. */
function lineMarks(f: Footnotes): Uint8Array {
  const marks = new Uint8Array(THESIS_LINES + 2);
  for (const [a, b] of f.sure) marks.fill(1, a, b + 1);
  for (const [a, b] of f.maybe) marks.fill(2, a, b + 1);
  return marks;
}
const noteMark = lineMarks(footnoteRanges);

/** Why a reference says, or fails to say, that it cites footnotes wrongly, or null. */
function wrongNote(src: string, noteMarks: Uint8Array = noteMark): string | null {
  const m = REF.exec(src);
  if (!m) return null;
  const from = Number(m[1]),
    to = Number(m[2] ?? m[1]);
  const marks = Array.from(noteMarks.subarray(from, to + 1));
  const fn = src.startsWith('thesis fn ');
  const unread = marks.indexOf(2);
  if (unread >= 0) return `L${from + unread} may be a footnote running on or the next page's body: read the page and record it in tests/fixtures/thesis-footnote-reading.json`;
  if (!fn && marks.every(x => x === 1)) return 'every line it cites is a footnote: write "thesis fn L..."';
  const body = marks.indexOf(0);
  if (fn && body >= 0) return `it says "fn" but L${from + body} is the body's: cite the notes alone, or write "thesis L..."`;
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
    expect(wrongNote('thesis fn L4184-4186')).toMatch(/L4184 is the body's/);
    // A citation of notes with the body's lines around them is plain; one that says fn is not.
    expect(wrongNote('thesis L4184-4191')).toBeNull();
    expect(wrongNote('thesis fn L4184-4191')).toMatch(/L4184 is the body's/);
  });

  it('holds citations to the reading of the pages: a note running on is a footnote, a lost page break is the body', () => {
    // L3393-3398: note 1 on the Cabinet's drafts of 19 May runs on after a line ending in a full stop.
    expect(wrongNote('thesis L3393-3398')).toMatch(/write "thesis fn/);
    expect(wrongNote('thesis fn L3393-3398')).toBeNull();
    // L5512-5516: Cushendun at the Preparatory Commission, the next page's body after notes whose page break the OCR lost.
    expect(wrongNote('thesis L5512-5516')).toBeNull();
    expect(wrongNote('thesis fn L5512-5516')).toMatch(/L5512 is the body's/);
    // L1893-1901: Radek's article, the body right after note 1's first line, which the rule alone takes for the note.
    expect(wrongNote('thesis fn L1894-1901')).toMatch(/L1894 is the body's/);
    // L7521-7526: note 1 on the Soviet note of July 1929, its number read "to1." by the OCR.
    expect(wrongNote('thesis L7521-7526')).toMatch(/write "thesis fn/);
    // Lines no one has read yet (none are left, but a change to the rule could leave some) are refused either way, with where to record them.
    const unread = lineMarks({ sure: [[3392, 3392]], maybe: [[3393, 3399]] });
    expect(wrongNote('thesis L3393-3398', unread)).toMatch(/L3393 may be a footnote.*thesis-footnote-reading\.json/);
    expect(wrongNote('thesis fn L3392-3398', unread)).toMatch(/L3393 may be a footnote/);
  });

  it('every line the rule could only say may be a footnote has been read', () => {
    expect(footnoteRanges.maybe).toEqual([]);
  });

  it('refuses a reading that is not one, naming the entry', () => {
    expect(() =>
      parseReading([
        { lines: [10, 12], is: 'note', why: 'note 1 runs on' },
        { lines: [20, 18], is: 'body', why: 'x' },
      ]),
    ).toThrow(/reading\[1\]\.lines/);
    expect(() => parseReading([{ lines: [10, 12], is: 'notes', why: 'note 1 runs on' }])).toThrow(/reading\[0\]\.is/);
    expect(() => parseReading([{ lines: [10, 12], is: 'body', why: ' ' }])).toThrow(/reading\[0\]\.why/);
    expect(() => parseReading({})).toThrow(/must be a list/);
  });

  it('the reading of the pages is well formed: ranges in order, not overlapping, each with what on the page decided it', () => {
    for (const [k, r] of reading.entries()) {
      const [a, b] = r.lines;
      expect(a <= b && a >= 1 && b <= THESIS_LINES, `${a}-${b}`).toBe(true);
      expect(r.why.length, `${a}-${b}`).toBeGreaterThan(10);
      if (k > 0) expect(reading[k - 1]!.lines[1], `${a}-${b} overlaps the range before it`).toBeLessThan(a);
    }
  });

  it.skipIf(!existsSync(THESIS_TEXT))('the footnote lines kept are those the thesis and its reading give (where the thesis is at hand)', () => {
    const text = readFileSync(THESIS_TEXT, 'utf8');
    const f = footnotes(text, reading);
    expect({ sure: f.sure, maybe: f.maybe }).toEqual(footnoteRanges);
    // Every line read by hand was one the rule could not settle, or (L1893-1901) one it settled wrongly: none is read for nothing.
    const rule = footnotes(text);
    const mark = (r: Footnotes, n: number) => (r.sure.some(([a, b]) => a <= n && n <= b) ? 1 : r.maybe.some(([a, b]) => a <= n && n <= b) ? 2 : 0);
    for (const { lines, is } of reading) {
      const want = is === 'note' ? 1 : 0;
      const changed = Array.from({ length: lines[1] - lines[0] + 1 }, (_, k) => lines[0] + k).filter(n => mark(rule, n) !== want);
      expect(changed.length, `${lines.join('-')}, read as ${is}, is what the rule says already`).toBeGreaterThan(0);
    }
  });
});
