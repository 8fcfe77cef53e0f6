// Which lines of the thesis's text (shared/seeds/001_274b6970d5c49cb1.txt, OCR) are footnotes, as
// far as the text lets one tell. Its pages end with three blank lines; a page's notes come at its
// foot, each beginning "N. " (OCR: "N . ", "N, ", "•N. "). A line so numbered is taken as a note
// only where the page's text above it calls note N or N + 1 ("(N)"), so a numbered list in the
// body is not taken for notes. A note runs on from its numbered line to the next blank line ("sure"); the
// lines after a blank that begin no new note are most often the same note running on, but a page
// break the OCR lost would put body text there too, so they are only "maybe" footnote lines.
// tests/scenario/sources.test.ts reads the result, kept in tests/fixtures/thesis-footnotes.json
// (made by scripts/thesis-footnotes.ts, and checked against the thesis where the thesis is at hand).

export interface Footnotes {
  /** Ranges of lines [first, last] (1-based, inclusive) that are footnote lines for certain. */
  readonly sure: [number, number][];
  /** Ranges that may be footnotes running on after a blank line. */
  readonly maybe: [number, number][];
}

const NOTE = /^\s*[•*]?\s*(\d{1,2})\s?[.,„]\s*\S/;
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

export function footnotes(text: string): Footnotes {
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
  return { sure: ranges(marks, 1), maybe: ranges(marks, 2) };
}

/** Where the thesis's text is, beside the repository (THESIS_TEXT in the environment says otherwise). */
export const THESIS_TEXT = process.env.THESIS_TEXT ?? '/work/shared/seeds/001_274b6970d5c49cb1.txt';
