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
    for (const w of words) {
      if (empty && w === '') continue;
      const cand = empty ? line + w : `${line} ${w}`;
      if (!empty && w !== '' && vlen(cand) > width) {
        out.push(line.trimEnd());
        line = indent + w;
      } else line = cand;
      empty = false;
    }
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

/** Lay rows out in columns; `align` per column, 'l' or 'r'. Cells may hold colour codes. */
export function table(rows: string[][], align: ('l' | 'r')[] = [], gap = 2, indent = ''): string[] {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((cell, k) => {
      widths[k] = Math.max(widths[k] ?? 0, vlen(cell));
    });
  return rows.map(
    r =>
      indent +
      r
        .map((cell, k) => {
          const last = k === r.length - 1;
          if (align[k] === 'r') return padStart(cell, widths[k]!);
          return last ? cell : padEnd(cell, widths[k]!);
        })
        .join(' '.repeat(gap))
        .replace(/\s+$/, ''),
  );
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
  const widths = specs.map(sq => Math.max(0, ...rows.map(r => vlen(r[sq.col] ?? ''))));
  const layout = () =>
    table(
      rows.map(r =>
        r.map((cell, k) => {
          const j = specs.findIndex(sq => sq.col === k);
          return j >= 0 && vlen(cell) > widths[j]! ? fit(stripAnsi(cell), widths[j]!) : cell;
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
