// Which lines of the thesis's text (shared/seeds/001_274b6970d5c49cb1.txt, OCR) are footnotes, as
// far as the text lets one tell. Its pages end with three blank lines; a page's notes come at its
// foot, each beginning "N. " (OCR: "N . ", "N, ", "•N. ", and once "to1. " at L7521). A line so numbered is taken as a note
// only where the page's text above it calls note N or N + 1 ("(N)"), so a numbered list in the
// body is not taken for notes. A note runs on from its numbered line to the next blank line ("sure"); the
// lines after a blank that begin no new note are most often the same note running on, but a page
// break the OCR lost would put body text there too, so they are only "maybe" footnote lines.
// Every such line has been read on the page and recorded as note or body
// (tests/fixtures/thesis-footnote-reading.json, a Reading; 16 runs were the next
// page's body, the rest notes running on). The reading overrides the rule, which also lets it mend
// the one place the rule is sure and wrong (L1893-1901, a page break lost right after a note's
// first line).
// tests/scenario/sources.test.ts reads the result, kept in tests/fixtures/thesis-footnotes.json
// (made by scripts/thesis-footnotes.ts, and checked against the thesis where the thesis is at hand).

export interface Footnotes {
  /** Ranges of lines [first, last] (1-based, inclusive) that are footnote lines for certain. */
  readonly sure: [number, number][];
  /** Ranges that may be footnotes running on after a blank line. */
  readonly maybe: [number, number][];
}

/** Lines read by hand: a note's lines or the body's, and what on the page says so. */
export type Reading = readonly { readonly lines: readonly [number, number]; readonly is: 'note' | 'body'; readonly why: string }[];

/** The reading as the JSON file gives it, or an error naming the entry that is not one. */
export function parseReading(json: unknown): Reading {
  if (!Array.isArray(json)) throw new Error('the reading of the thesis must be a list of {lines, is, why}');
  return json.map((r, k) => {
    const { lines, is, why } = (r ?? {}) as Record<string, unknown>;
    const ok = Array.isArray(lines) && lines.length === 2 && lines.every(n => Number.isInteger(n) && n > 0) && lines[0] <= lines[1];
    if (!ok) throw new Error(`reading[${k}].lines: ${JSON.stringify(lines)} is not [first, last] line numbers`);
    if (is !== 'note' && is !== 'body') throw new Error(`reading[${k}].is: ${JSON.stringify(is)} is neither "note" nor "body"`);
    if (typeof why !== 'string' || !why.trim()) throw new Error(`reading[${k}].why: say what on the page decided it`);
    return { lines: [lines[0], lines[1]] as const, is, why };
  });
}

// One or two letters glued to a note's number are OCR noise ("to1." at L7521); L1698's "us1 .", a body
// line's last word and call, is not taken, as nothing follows its dot.
const NOTE = /^\s*(?:[•*]|[a-z]{1,2}(?=\d))?\s*(\d{1,2})\s?[.,„]\s*\S/;
const HEADING = /^\s*(CHAPTER|CONCLUSION|INTRODUCTION|BIBLIOGRAPHY|APPENDIX)\b/;
/** Whether the page's text calls note n, or (its own call lost to the OCR, as "(ljt") the note after it. */
const called = (body: string, n: string) => [n, String(Number(n) + 1)].some(m => new RegExp(`\\(\\s*${m}\\s*\\)`).test(body));

/** Runs of equal marks as line ranges. */
function ranges(marks: readonly (0 | 1 | 2)[], which: 1 | 2): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < marks.length; i++) {
    if (marks[i] !== which) continue;
    let j = i;
    while (j + 1 < marks.length && marks[j + 1] === which) j++;
    out.push([i + 1, j + 1]);
    i = j;
  }
  return out;
}

export function footnotes(text: string, reading: Reading = []): Footnotes {
  const lines = text.split('\n');
  const blank = (i: number) => lines[i]!.trim() === '';
  // 0 body (or blank), 1 sure, 2 maybe.
  const marks: (0 | 1 | 2)[] = lines.map(() => 0);
  let i = 0;
  while (i < lines.length) {
    // One page: up to three blank lines in a row.
    let end = i;
    while (end < lines.length && !(blank(end) && end + 2 < lines.length && blank(end + 1) && blank(end + 2))) end++;
    let body = '';
    let inNotes = false;
    let mark: 0 | 1 | 2 = 0;
    for (let k = i; k < end; k++) {
      const line = lines[k]!;
      if (blank(k)) {
        if (mark === 1) mark = 2;
        continue;
      }
      if (HEADING.test(line)) {
        inNotes = false;
        mark = 0;
        body = '';
      }
      const n = NOTE.exec(line)?.[1];
      if (n !== undefined && k > i && called(body, n)) {
        inNotes = true;
        mark = 1;
      } else if (mark === 1 && /\.\s*$/.test(lines[k - 1]!)) mark = 2; // a note ended: what follows may be the next page's body
      if (inNotes) marks[k] = mark;
      else body += `${line}\n`;
    }
    i = end;
    while (i < lines.length && blank(i)) i++;
  }
  // A blank line between two notes belongs to the notes (a citation of both spans it); between a
  // note and what may be one, to what may be.
  for (let k = 1; k + 1 < lines.length; k++) if (blank(k) && !blank(k - 1) && !blank(k + 1) && marks[k - 1] && marks[k + 1]) marks[k] = marks[k - 1] === 1 && marks[k + 1] === 1 ? 1 : 2;
  for (const {
    lines: [a, b],
    is,
  } of reading)
    marks.fill(is === 'note' ? 1 : 0, a - 1, b);
  return { sure: ranges(marks, 1), maybe: ranges(marks, 2) };
}

/** Where the thesis's text is, beside the repository (THESIS_TEXT in the environment says otherwise). */
export const THESIS_TEXT = process.env.THESIS_TEXT ?? '/work/shared/seeds/001_274b6970d5c49cb1.txt';
