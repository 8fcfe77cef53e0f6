// The watched game turn by turn, as each side saw it: for every turn its date, the news each side
// heard (with the cause and the sources it rests on, withheld where the cause was the other side's
// private business), the moves each side made itself, and the figures as each side could read them
// with how far they moved. Built only from seat views: a side's column holds nothing it did not know.

import { type BySide, type Compiled, longDate, type NewsItem, newsDay, noteName, type Order, other, type SeatView, SIDES, type Side, seen } from '../../engine/index';
import { describeCause } from '../../engine/ledger';
import { sourcesLine } from '../citations';
import { Heard } from '../heard';
import { figName, keyFigures } from '../names';
import type { Recording } from './recording';

export interface HeardLine {
  /** The turn's day, when the news reached the side. */
  day: number;
  /** The day to show: history's for an event that fired on its turn (newsDay), else `day`. */
  shown: number;
  text: string;
  /** The cause as this side was told it ("hidden:ussr" when it was the other side's private business). */
  cause: string;
  /** What the cause was, in words, and the sources behind it (none for a withheld cause). */
  label: string;
  sources: string[];
  /** The cause was withheld: this side saw the effect, not the business behind it. */
  withheld: boolean;
  headline: boolean;
  /** The position (moves applied) at which this side first heard it. */
  at: number;
}

/** A move a side made itself: its own knowledge, shown only in its own column. */
export interface OwnMove {
  /** The position before the move: where a branch taking another course starts. */
  pos: number;
  kind: 'decide' | 'orders';
  /** The decision and the option taken, or the orders given, in words. */
  text: string;
  lines: string[];
  /** For a decision: whether the option taken is the one history records. */
  historical: boolean | null;
}

export interface FigureLine {
  fig: number;
  name: string;
  /** Null where this side could not see it. */
  value: number | null;
  delta: number | null;
}

export interface SideFrame {
  heard: HeardLine[];
  moves: OwnMove[];
  figures: FigureLine[];
  seesOther: boolean;
}

export interface Frame {
  index: number;
  turn: number;
  day: number;
  date: string;
  phase: string;
  /** The position at the start of the turn, and the one after it resolved: moves from..to-1 were made in it. */
  from: number;
  to: number;
  sides: BySide<SideFrame>;
  /** Why the game ended, on its last frame. */
  ended: string | null;
}

/** Figures always shown (the rest only when they moved): war danger, both leads' standing, intelligence, trade. */
function headlineFigures(c: Compiled, side: Side): number[] {
  return [c.iTension, c.side.britain.iStanding, c.side.ussr.iStanding, c.side[side].iIntel, c.trade.balance, c.trade.orders];
}

/** How many moving figures a side's column lists beyond the headline ones. */
const MOVED_SHOWN = 8;

export function figureLines(c: Compiled, before: SeatView, after: SeatView, side: Side): FigureLine[] {
  const line = (i: number): FigureLine => {
    const a = seen(after, i);
    const b = seen(before, i);
    return { fig: i, name: figName(c, i, side), value: a, delta: a !== null && b !== null ? a - b : null };
  };
  const fixed = headlineFigures(c, side);
  const moved = keyFigures(c, after, side)
    .filter(i => !fixed.includes(i))
    .map(line)
    .filter(l => l.delta !== null && Math.abs(l.delta) >= 0.05)
    .sort((x, y) => Math.abs(y.delta!) - Math.abs(x.delta!))
    .slice(0, MOVED_SHOWN);
  return [...fixed.map(line), ...moved];
}

function heardLine(c: Compiled, n: NewsItem, at: number): HeardLine {
  const withheld = n.cause.startsWith('hidden:');
  const d = describeCause(c, n.cause);
  return { day: n.day, shown: newsDay(c, n), text: n.text, cause: n.cause, label: d.label, sources: d.sources, withheld, headline: n.headline !== undefined, at };
}

function orderText(c: Compiled, side: Side, o: Order, failedDay: (action: string) => boolean): string {
  if (o.kind === 'action') {
    const a = c.actions[c.actionIndex.get(o.id)!];
    return `${a?.label ?? o.id}${failedDay(o.id) ? ' (refused in cabinet)' : ''}`;
  }
  if (o.kind === 'reply') return `${o.accept ? 'Accept' : 'Reject'} ${noteName(other(side), o.offer)}`;
  const terms = Object.entries(o.terms).map(([t, v]) => {
    const term = c.terms.find(x => x.id === t);
    return `${term?.label ?? t}: ${term?.options.find(x => x.id === v)?.label ?? v}`;
  });
  return `Send a note proposing ${terms.join('; ')}`;
}

function ownMove(rec: Recording, pos: number, after: SeatView): OwnMove {
  const c = rec.c;
  const m = rec.moves[pos]!;
  if (m.type === 'decide') {
    const ev = c.events[c.eventIndex.get(m.event)!]!;
    const o = ev.decision!.options.find(x => x.id === m.option)!;
    return { pos, kind: 'decide', text: `${ev.title}: ${o.label}`, lines: [], historical: o.historical };
  }
  const failed = (id: string) => after.failed[c.actionIndex.get(id)!] === c.days[rec.turnAt(pos)];
  const lines = m.orders.map(o => orderText(c, m.side, o, failed));
  return { pos, kind: 'orders', text: lines.length ? `${lines.length === 1 ? 'One order' : `${lines.length} orders`} given:` : 'No orders this turn', lines, historical: null };
}

/** Every turn of the recording, each side's column built from its own views. */
export function timeline(rec: Recording): Frame[] {
  const c = rec.c;
  // When each side first heard each item: walk every position, as the match hands news out.
  const heard: BySide<HeardLine[]> = { britain: [], ussr: [] };
  for (const side of SIDES) {
    const h = new Heard();
    for (let p = 0; p <= rec.end; p++) for (const n of h.fresh(rec.view(p, side).news)) heard[side].push(heardLine(c, n, p));
  }
  const frames: Frame[] = [];
  let from = 0;
  while (from <= rec.end) {
    const turn = rec.turnAt(from);
    let to = from;
    while (to < rec.end && rec.turnAt(to + 1) === turn && !rec.endedAt(to)) to++;
    // `to` is the last position inside the turn; the move from it resolves the turn.
    if (to < rec.end) to++;
    const day = c.days[turn]!;
    const next = c.days[turn + 1] ?? Number.POSITIVE_INFINITY;
    const last = to === rec.end;
    // A game's end may come with news dated after its last turn (an event of the next turn ending
    // it): the last frame keeps it. A game not over ends its watch on its last resolved turn, and the
    // news heard at the start of the open one is that turn's, shown on the game screen, not here.
    const rest = last && rec.endedAt(to);
    const side = (sd: Side): SideFrame => {
      // The turn's figures run from the close of the one before (0: before the first opened) to its
      // own close: its opening counts, the next turn's (capital renewed, events fired) does not.
      const after = rec.closedView(to, sd);
      const moves: OwnMove[] = [];
      for (let p = from; p < to; p++) if (rec.moves[p]!.side === sd) moves.push(ownMove(rec, p, after));
      return {
        // Items dated within this turn; on a finished game's last frame, everything left.
        heard: heard[sd].filter(x => x.day >= day && (x.day < next || rest)),
        moves,
        figures: figureLines(c, rec.closedView(from, sd), after, sd),
        seesOther: after.seesOther,
      };
    };
    const endState = rec.view(to, 'britain').ended;
    frames.push({
      index: frames.length,
      turn,
      day,
      date: longDate(day),
      phase: c.sc.calendar.phases[c.phaseOf[turn]!]?.name ?? '',
      from,
      to,
      sides: { britain: side('britain'), ussr: side('ussr') },
      ended: last && endState ? endState.reason : null,
    });
    if (to === from || last) break;
    from = to;
  }
  return frames;
}

/** The frame a date falls in (the last turn starting on or before it). */
export function frameOfDay(frames: readonly Frame[], day: number): number {
  let k = 0;
  for (const f of frames) if (f.day <= day) k = f.index;
  return k;
}

/** A heard line as the watch shows it: the cause and the sources to print after it, if any. */
export interface HeardShown {
  line: HeardLine;
  /** The next line has the same cause: this one names nothing, the last of them does. */
  grouped: boolean;
  /** Its cause in words, when the reader has not just read it (null: said already, or the line is the cause's own title). */
  cause: string | null;
  /** "Sources: the thesis, lines …" (sourcesLine), or null. */
  sources: string | null;
}

/**
 * A turn's heard lines as a reader takes them in. Lines with one cause (an event and what followed
 * from it) name the cause and its sources once, after the last of them; and an event's cause
 * ("event: May 1927: after the February note") is not named at all when one of the lines is that
 * event's own title: the reader has read the title, and the label would only repeat it.
 */
export function heardShown(heard: readonly HeardLine[]): HeardShown[] {
  const titled = new Set(heard.map(x => `event: ${x.text}`));
  return heard.map((x, k) => {
    const next = heard[k + 1];
    const sameAsNext = next !== undefined && next.label === x.label && next.sources.join() === x.sources.join();
    return {
      line: x,
      grouped: sameAsNext,
      cause: sameAsNext || titled.has(x.label) ? null : x.label,
      sources: sameAsNext || !x.sources.length ? null : sourcesLine(x.sources),
    };
  });
}
