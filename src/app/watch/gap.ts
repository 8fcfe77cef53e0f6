// The knowledge gap: the same game as London saw it and as Moscow saw it, line by line, marking
// when each side learned what. Built from the two sides' timelines (themselves built only from seat
// views), so it can show nothing a side did not know; where one side knew something the other never
// heard, the other's cell is empty and the line says so. Three kinds of late or partial knowledge
// are marked: a line one side heard after the other did (a leak, a report arriving); a note in
// transit (sent on one day, read on another); and an effect seen without its cause (the other
// side's private business, such as a secret cabinet decision, felt only in what it moved).

import { type BySide, longDate, noteName, noteOfCause, other, type Side } from '../../engine/index';
import type { Frame, HeardLine } from './timeline';

export type GapKind =
  /** Both heard it at the same point, with its cause. */
  | 'shared'
  /** Only one side ever heard it in this game. */
  | 'only'
  /** Both heard it, one later than the other. */
  | 'later'
  /** Both heard it at once, but one side was not told the cause. */
  | 'effect'
  /** A note: read by its sender when sent, by the other side when it arrived. */
  | 'note';

export interface GapCell {
  /** The frame (turn) in which this side learned it. */
  frame: number;
  date: string;
  text: string;
  label: string;
  sources: string[];
  withheld: boolean;
}

export interface GapRow {
  /** The turn's day the line was heard on (lines of both sides are paired by it). */
  day: number;
  /** The day shown for it, history's for an event fired on its own turn (HeardLine.shown), as the turn's column shows it. */
  shown: number;
  date: string;
  kind: GapKind;
  /** Who knew first (or alone); null when both knew at once. */
  first: Side | null;
  cells: BySide<GapCell | null>;
  /** The mark in words: "Moscow never heard of this", "London learned it 7 days later". */
  note: string;
}

export interface GapModel {
  rows: GapRow[];
  /** Turns at which a side began (true) or stopped (false) reading the other cabinet. */
  sight: { side: Side; frame: number; date: string; sees: boolean }[];
  counts: Record<GapKind, number>;
}

const CITY: Record<Side, string> = { britain: 'London', ussr: 'Moscow' };
export const cityOf = (s: Side): string => CITY[s];

const cell = (frame: Frame, x: HeardLine): GapCell => ({ frame: frame.index, date: frame.date, text: x.text, label: x.label, sources: x.sources, withheld: x.withheld });

/** The note a line is about, from its cause ("offer:ussr:3"), as the news names it, or null. */
const noteOf = (x: HeardLine) => {
  const n = noteOfCause(x.cause);
  return n && noteName(n.from, n.n);
};

export function knowledgeGap(frames: readonly Frame[]): GapModel {
  // Each side's lines in the order heard, with the frame they were heard in.
  const frameAt = (pos: number) => {
    let k = 0;
    for (const f of frames) if (f.from <= pos) k = f.index;
    return frames[k]!;
  };
  type Heard = { f: Frame; x: HeardLine; used: boolean };
  const lines: BySide<Heard[]> = { britain: [], ussr: [] };
  for (const f of frames) for (const side of ['britain', 'ussr'] as const) for (const x of f.sides[side].heard) lines[side].push({ f: frameAt(x.at), x, used: false });
  const rows: GapRow[] = [];
  const days = (a: number, b: number) => `${Math.abs(b - a)} day${Math.abs(b - a) === 1 ? '' : 's'}`;
  for (const a of lines.britain) {
    // The same line (same date and words) heard by Moscow; causes may differ (one withheld).
    const b = lines.ussr.find(y => !y.used && y.x.day === a.x.day && y.x.text === a.x.text);
    a.used = true;
    if (!b) {
      rows.push(single('britain', a.f, a.x));
      continue;
    }
    b.used = true;
    const cells = { britain: cell(a.f, a.x), ussr: cell(b.f, b.x) };
    if (a.x.at !== b.x.at) {
      const first: Side = a.x.at < b.x.at ? 'britain' : 'ussr';
      const late = first === 'britain' ? b : a;
      const early = first === 'britain' ? a : b;
      rows.push({
        day: a.x.day,
        shown: a.x.shown,
        date: longDate(a.x.shown),
        kind: 'later',
        first,
        cells,
        note: `${CITY[other(first)]} learned it ${early.f.day === late.f.day ? 'later the same day' : `${days(early.f.day, late.f.day)} later, on ${late.f.date}`}`,
      });
    } else if (a.x.withheld !== b.x.withheld) {
      const blind: Side = a.x.withheld ? 'britain' : 'ussr';
      rows.push({ day: a.x.day, shown: a.x.shown, date: longDate(a.x.shown), kind: 'effect', first: other(blind), cells, note: `${CITY[blind]} saw the effect but was not told the cause` });
    } else rows.push({ day: a.x.day, shown: a.x.shown, date: longDate(a.x.shown), kind: 'shared', first: null, cells, note: '' });
  }
  for (const b of lines.ussr) if (!b.used) rows.push(single('ussr', b.f, b.x));
  // Notes: the sender's line and the receiver's are different words, so they are paired by number.
  for (const r of rows) {
    const who: Side | null = r.cells.britain && !r.cells.ussr ? 'britain' : r.cells.ussr && !r.cells.britain ? 'ussr' : null;
    if (!who) continue;
    const src = lines[who].find(y => y.x.text === r.cells[who]!.text && y.x.day === r.day);
    const n = src ? noteOf(src.x) : null;
    if (n === null) continue;
    const text = r.cells[who]!.text;
    r.kind = 'note';
    r.note = /sends proposals/.test(text)
      ? `${n} is on its way: ${CITY[other(who)]} reads it only when it arrives`
      : /before it arrives/.test(text)
        ? `${n} lapsed on its way: ${CITY[other(who)]} never reads it`
        : `${n} arrives in ${CITY[who]}`;
  }
  // By the date shown: an event of 23 January heard on the turn of 4 February stands under 23 January.
  rows.sort((x, y) => x.shown - y.shown || x.day - y.day || order(x) - order(y));
  const sight: GapModel['sight'] = [];
  for (const side of ['britain', 'ussr'] as const) {
    let was = false;
    for (const f of frames) {
      const now = f.sides[side].seesOther;
      if (now !== was) sight.push({ side, frame: f.index, date: f.date, sees: now });
      was = now;
    }
  }
  const counts: Record<GapKind, number> = { shared: 0, only: 0, later: 0, effect: 0, note: 0 };
  for (const r of rows) counts[r.kind]++;
  return { rows, sight, counts };

  function single(side: Side, f: Frame, x: HeardLine): GapRow {
    const cells = { britain: null, ussr: null, [side]: cell(f, x) } as BySide<GapCell | null>;
    return { day: x.day, shown: x.shown, date: longDate(x.shown), kind: 'only', first: side, cells, note: `${CITY[other(side)]} never heard of this` };
  }
  function order(r: GapRow): number {
    const cl = r.cells.britain ?? r.cells.ussr!;
    return cl.frame;
  }
}
