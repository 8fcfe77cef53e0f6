// Terminal rendering helpers: colour (on a TTY or with FORCE_COLOR, never with NO_COLOR), widths that
// ignore colour codes, wrapping, bars, tables, numbers and dates.
import { dayDate } from '../engine/index';

let colour = !('NO_COLOR' in process.env) && (!!process.stdout.isTTY || ('FORCE_COLOR' in process.env && process.env.FORCE_COLOR !== '0'));

/** Turn colour on or off (the commands decide once, from stdout). */
export function setColour(on: boolean): void {
  colour = on;
}
export const colourOn = (): boolean => colour;

const sgr =
  (open: number, close: number) =>
  (t: string | number): string =>
    colour ? `\x1b[${open}m${t}\x1b[${close}m` : String(t);
export const bold = sgr(1, 22);
export const dim = sgr(2, 22);
export const italic = sgr(3, 23);
export const red = sgr(31, 39);
export const green = sgr(32, 39);
export const yellow = sgr(33, 39);
export const blue = sgr(34, 39);
export const magenta = sgr(35, 39);
export const cyan = sgr(36, 39);
export const grey = sgr(90, 39);
export const inverse = sgr(7, 27);

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the escape sequences this module writes
const ANSI = /\x1b\[[0-9;]*m/g;
export const stripAnsi = (t: string): string => t.replace(ANSI, '');
/** Printed width (one column a code point; the game's text has no wide characters). */
export const vlen = (t: string): number => [...stripAnsi(t)].length;

// Control characters (C0, DEL, C1: ESC starts terminal commands that clear the screen, set the
// window title, ...) and the bidirectional overrides that reorder what follows them on screen.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text that came from a file (a save, a scenario, an error quoting one), safe to print: control
 * characters removed, a tab made a space, newlines kept only if `multiline`.
 */
export function printable(text: string, multiline = false): string {
  return text.replace(CONTROL, ch => (ch === '\t' ? ' ' : ch === '\n' && multiline ? ch : ''));
}

/** Terminal width for layout: the TTY's columns, kept within 60-100; 80 when not a terminal. */
export function termWidth(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : Number(process.env.COLUMNS) || 80;
  return Math.max(60, Math.min(100, cols || 80));
}

export const padEnd = (t: string, w: number): string => t + ' '.repeat(Math.max(0, w - vlen(t)));
export const padStart = (t: string, w: number): string => ' '.repeat(Math.max(0, w - vlen(t))) + t;

/** Cut plain text to a width, with an ellipsis. (Use on text without colour codes.) */
export function fit(t: string, w: number): string {
  const chars = [...t];
  return chars.length <= w ? t : chars.slice(0, Math.max(0, w - 1)).join('') + '…';
}

/**
 * Cut a list of items joined by `sep` (an effect line's "a +3 · b −2 · …") to a width between items,
 * never inside a name, with " …" for those left off; an item too long alone is cut between words.
 */
export function fitItems(t: string, w: number, sep = ' · '): string {
  if (vlen(t) <= w) return t;
  const items = t.split(sep);
  let out = '';
  for (const it of items) {
    const next = out ? out + sep + it : it;
    if (vlen(next) + 2 > w) break;
    out = next;
  }
  if (out) return `${out} …`;
  const words = items[0]!.split(' ');
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (vlen(next) + 2 > w) break;
    out = next;
  }
  return out ? `${out} …` : fit(t, w);
}

/** A place inside a word where wrap may break the line (after a hyphen), printed as nothing. */
const SOFT = '\u200b';

/** Word-wrap plain text (paragraphs separated by blank lines are kept) to lines of at most `width`. */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const out: string[] = [];
  const paras = text.split(/\n\s*\n/);
  paras.forEach((para, pi) => {
    if (pi > 0) out.push('');
    // Split on single spaces so that runs of spaces (aligned columns) survive; drop them at breaks.
    const words = para
      .replace(/\s*\n\s*/g, ' ')
      .trim()
      .split(' ');
    let line = pi === 0 ? firstIndent : indent;
    let empty = true;
    for (const word of words)
      word.split(SOFT).forEach((w, k) => {
        // A word's later pieces (after a soft break) join it with no space.
        if (empty && w === '') return;
        const cand = empty ? line + w : `${line}${k ? '' : ' '}${w}`;
        if (!empty && w !== '' && vlen(cand) > width) {
          out.push(line.trimEnd());
          line = indent + w;
        } else line = cand;
        empty = false;
      });
    out.push(line.trimEnd());
  });
  return out;
}

/**
 * Lines within `width` columns: a line that is longer is word-wrapped, its continuation indented
 * under its text (past a leading "12." or bullet). The safety net under every screen's own layout.
 */
export function fitWidth(text: string, width: number): string[] {
  return text.split('\n').flatMap(line => {
    if (vlen(line) <= width) return [line];
    const lead = /^\s*(?:\S{1,4}\s+(?=\S))?/.exec(stripAnsi(line))![0];
    const hang = ' '.repeat(Math.min(vlen(lead), Math.floor(width / 3)));
    const indent = /^\s*/.exec(line)![0];
    return wrap(line.slice(indent.length), width, hang, indent);
  });
}

/** A small horizontal bar for a value in [min, max]. */
export function bar(v: number, min: number, max: number, w = 10): string {
  const x = max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0;
  const full = Math.round(x * w);
  return '█'.repeat(full) + dim('░'.repeat(w - full));
}

export { num, pct, signed } from '../app/numbers';
/** Colour a change: good news green, bad news red. */
export const tone = (t: string, good: boolean | null): string => (good === null ? t : good ? green(t) : red(t));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "12 May 1927" */
export const shortDate = dayDate;
/** Month index (year × 12 + month − 1) as "May 1927". */
export const monthName = (mi: number): string => `${MONTHS[((mi % 12) + 12) % 12]!.slice(0, 3)} ${Math.floor(mi / 12)}`;

/** A heavy rule with an optional title: ══ Title ═══════ */
export function rule(width: number, title?: string, ch = '═'): string {
  if (!title) return dim(ch.repeat(width));
  const head = `${ch}${ch} `;
  return dim(head) + bold(title) + ' ' + dim(ch.repeat(Math.max(0, width - vlen(head) - vlen(title) - 1)));
}

/** A section heading: ── Title ──────── */
export const section = (width: number, title: string): string => rule(width, title, '─');

/**
 * Lay rows out in columns; `align` per column, 'l' or 'r'. Cells may hold colour codes, and lines
 * ("a\nb"): a row takes as many lines as its tallest cell, each cell from the top.
 */
export function table(rows: string[][], align: ('l' | 'r')[] = [], gap = 2, indent = ''): string[] {
  const cells = rows.map(r => r.map(cell => cell.split('\n')));
  const widths: number[] = [];
  for (const r of cells)
    r.forEach((lines, k) => {
      widths[k] = Math.max(widths[k] ?? 0, ...lines.map(vlen));
    });
  return cells.flatMap(r =>
    Array.from(
      { length: Math.max(1, ...r.map(lines => lines.length)) },
      (_, n) =>
        indent +
        r
          .map((lines, k) => {
            const cell = lines[n] ?? '';
            const last = k === r.length - 1;
            if (align[k] === 'r') return padStart(cell, widths[k]!);
            return last ? cell : padEnd(cell, widths[k]!);
          })
          .join(' '.repeat(gap))
          .replace(/\s+$/, ''),
    ),
  );
}

/** The width of a cell in lines: its longest line. */
const cellWidth = (cell: string): number => Math.max(...cell.split('\n').map(vlen));

// A cell in one colour: its opening code, its text and its closing code.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the escape sequences this module writes
const STYLED = /^(\x1b\[[0-9;]*m)([^\x1b]*)(\x1b\[[0-9;]*m)$/;

/**
 * A cell's text word-wrapped to a width, as lines joined by "\n" (a word longer than the width
 * stands alone), each line after the first indented by `hang`. A cell in one colour keeps it on
 * every line; any other colour is dropped.
 */
export function wrapCell(cell: string, width: number, hang = ''): string {
  const m = STYLED.exec(cell);
  // A word too long for the width breaks after a hyphen in it ("most-favoured-nation").
  const breakLong = (l: string) => l.replace(/\S+/g, word => (word.length > width - hang.length ? word.replace(/-(?=[^-])/g, `-${SOFT}`) : word));
  const lines = (m ? m[2]! : stripAnsi(cell)).split('\n').flatMap(l => wrap(breakLong(l), width, hang, ''));
  return (m ? lines.map(l => (l ? m[1] + l + m[3] : l)) : lines).join('\n');
}

/** Cells in lines pushed down to end on the same line: a table's heads over their columns. */
export function alignBottom(cells: readonly string[]): string[] {
  const n = Math.max(...cells.map(c => c.split('\n').length));
  return cells.map(c => '\n'.repeat(n - c.split('\n').length) + c);
}

/** Join items with " · ", breaking lines only between items. */
export function joinWrap(items: readonly string[], width: number, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const it of items) {
    const cand = line ? `${line} · ${it}` : indent + it;
    if (line && vlen(cand) > width) {
      out.push(line);
      line = indent + it;
    } else line = cand;
  }
  if (line) out.push(line);
  return out;
}

/**
 * Lay a table out, cutting columns down (with an ellipsis) until it fits the width: the columns
 * named in `squeeze`, in that order, each to no less than its minimum (default 8).
 */
export function fitTable(rows: string[][], align: ('l' | 'r')[], squeeze: number | { col: number; min: number }[], w: number, indent = '  '): string[] {
  const specs = typeof squeeze === 'number' ? [{ col: squeeze, min: 8 }] : squeeze;
  const widths = specs.map(sq => Math.max(0, ...rows.map(r => cellWidth(r[sq.col] ?? ''))));
  const layout = () =>
    table(
      rows.map(r =>
        r.map((cell, k) => {
          const j = specs.findIndex(sq => sq.col === k);
          return j >= 0 && cellWidth(cell) > widths[j]!
            ? cell
                .split('\n')
                .map(l => (vlen(l) > widths[j]! ? fit(stripAnsi(l), widths[j]!) : l))
                .join('\n')
            : cell;
        }),
      ),
      align,
      2,
      indent,
    );
  let lines = layout();
  for (let j = 0; j < specs.length; j++) {
    while (Math.max(...lines.map(vlen)) > w && widths[j]! > specs[j]!.min) {
      widths[j]!--;
      lines = layout();
    }
  }
  return lines;
}

/**
 * Lay a table out, word-wrapping columns (each row as many lines as it needs) until it fits the
 * width: the columns named in `squeeze`, in that order, each to no less than its minimum (a column
 * may be named twice: down to one width, then after the others down to a second). Nothing is cut,
 * so a label is read whole where fitTable would end it with "…".
 */
export function wrapTable(rows: string[][], align: ('l' | 'r')[], squeeze: { col: number; min: number; hang?: string }[], w: number, indent = '  '): string[] {
  const widths = new Map(squeeze.map(sq => [sq.col, Math.max(0, ...rows.map(r => cellWidth(r[sq.col] ?? '')))]));
  // A wrapped cell's later lines stand in by two unless told (so that a wrapped label reads as one).
  const hangs = new Map(squeeze.map(sq => [sq.col, sq.hang ?? '  ']));
  const layout = () =>
    table(
      rows.map(r => r.map((cell, k) => (widths.has(k) ? wrapCell(cell, widths.get(k)!, hangs.get(k)) : cell))),
      align,
      2,
      indent,
    );
  let lines = layout();
  for (const sq of squeeze) {
    while (Math.max(...lines.map(vlen)) > w && widths.get(sq.col)! > sq.min) {
      widths.set(sq.col, widths.get(sq.col)! - 1);
      lines = layout();
    }
  }
  return lines;
}
