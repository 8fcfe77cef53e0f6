// What the main screen draws, computed from one side's view only: the map, both cabinets, the
// pressure gauges, standing, trade and relations. Pure data, so the Phaser views hold no rules and
// tests can check it without a browser. Every number carries its figure index, so a click on it
// can open the "why" ledger.

import { dayDate, monthIndexOfDay, shortDate, turnOfDay } from '../engine/calendar';
import {
  type Compiled,
  dayOf,
  longDate,
  officeNow,
  other,
  type Place,
  PRESSURE_LINE,
  RELATION_LABEL,
  type Relations,
  type SeatView,
  type Side,
  seen,
  shownDay,
  type TradeMonth,
} from '../engine/index';
import { groupLines } from './names';

/** A number on the board; `value` null when the side cannot see it. */
export interface Figure {
  fig: number;
  value: number | null;
}

export interface MinisterCard {
  id: string;
  name: string;
  short: string;
  office: string;
  side: Side;
  influence: number;
  isLead: boolean;
  /** Stance on the side's main issue (-100..100, high = the issue's `high` end): null if the scenario gives him none, a null value if hidden. */
  stance: Figure | null;
  /** Every stance the scenario gives the minister, in its issue order. */
  stances: { issue: string; label: string; fig: Figure }[];
  mood: Figure;
  /** Below this mood he resigns; null if he does not (or the seat cannot see his mood). */
  resignBelow: number | null;
  /** What moves the minister, from the scenario (shown on the side's own cards, or with good intelligence). */
  motives: string | null;
}

export interface Gauge {
  id: string;
  name: string;
  kind: string;
  fig: Figure;
  weight: number;
  /** At or above this the group costs the lead standing. */ danger: number;
  /** The scenario's harder lines on this pressure: an item forced onto the agenda, a revolt. */
  lines: { at: number; text: string }[];
}

export interface MapIncident {
  place: Place;
  title: string;
  /** The date the player was shown for it: history's on the turn history fired it, else its turn's (engine shownDay). */
  day: number;
  kind: string;
  severity: number /** Turns ago (0 = this turn). */;
  age: number;
}
export interface MapPower {
  id: string;
  name: string;
  place: Place | null;
  align: Figure;
}

/** The last day of turn `t`: the day before the next turn's, or the calendar's end for the last. */
export function turnEnd(c: Compiled, t: number): number {
  const next = c.days[t + 1];
  return next !== undefined ? next - 1 : Math.max(c.days[t]!, dayOf(c.sc.calendar.end));
}

export interface BoardModel {
  side: Side;
  scenarioTitle: string;
  date: string;
  day: number;
  phase: string;
  /**
   * The last day of the turn, as "21 Feb" (the day before the next turn's, or the calendar's end): a
   * turn spans days, and its reports are dated on history's days within it (shownDay), so a turn
   * dated Monday 25 January can bring a telegram of Wednesday 27 January. Null for a turn of one day.
   */
  until: string | null;
  turn: number;
  turns: number;
  relations: Relations;
  relationsLabel: string;
  warDanger: Figure;
  /** Each side's name, lead and standing. */
  /** `panelTitle`: the scenario's heading for the side's ministers, or null for the board's own. */
  sides: Record<Side, { name: string; lead: string; leadOffice: string; panelTitle: string | null; standing: Figure }>;
  capital: Figure & { max: number; perTurn: number };
  intelligence: Figure;
  /** Whether the side can read the other cabinet (the view says). */
  seesOther: boolean;
  /** The side's main issue and the other's, for the cabinet cards. */
  issues: Record<Side, { id: string; label: string; low: string; high: string }>;
  /** Ministers in office, the lead first, then by influence. */
  cabinets: Record<Side, MinisterCard[]>;
  /** This side's pressure groups. */
  gauges: Gauge[];
  powers: MapPower[];
  incidents: MapIncident[];
  /** Trade months so far, oldest first, with labels ("Jun 1927"); £000 a month. */
  trade: (TradeMonth & { label: string })[];
  /**
   * The month whose figures come next ("February 1929"; `short`, "February"), and the date of the
   * first turn that shows them ("4 March"; null if the game ends first): a month's figures come once
   * it is out, so the first turns of a game have none, then one. Null once the game has ended.
   */
  tradeNext: { month: string; short: string; on: string | null } | null;
  /** The trade figures, for the why ledger. */
  tradeFigs: { exports: number; reExports: number; imports: number; balance: number };
  /** Ratified terms, as text. */
  agreed: string[];
  ended: boolean;
}

/** Incidents stay on the map this many turns. */
const INCIDENT_TURNS = 4;

export function boardModel(c: Compiled, v: SeatView): BoardModel {
  const me = v.side;
  const fig = (i: number): Figure => ({ fig: i, value: seen(v, i) ?? null });
  const issue = (s: Side) => {
    const id = c.issues[c.negotiation.issue[s]]!;
    const d = c.sc.issues.find(x => x.id === id)!;
    return { id, label: d.label, low: d.low, high: d.high };
  };
  const declared = (id: string) => c.sc.ministers.find(x => x.id === id)!.stances;
  const seesOther = v.seesOther;
  const cabinet = (s: Side): MinisterCard[] => {
    const leadIdx = v.lead[s];
    const main = c.negotiation.issue[s];
    return c.side[s].ministers
      .map(i => c.ministers[i]!)
      .filter(m => (seen(v, m.iOffice) ?? 0) > 0)
      .sort((a, b) => Number(b.i === leadIdx) - Number(a.i === leadIdx) || b.influence - a.influence || a.i - b.i)
      .map(m => ({
        id: m.id,
        name: m.name,
        short: m.short,
        office: officeNow(m, v.fired),
        side: s,
        influence: m.influence,
        isLead: m.i === leadIdx,
        stance: m.iStance[main]! >= 0 && c.issues[main]! in declared(m.id) ? fig(m.iStance[main]!) : null,
        stances: m.iStance.flatMap((f, k) => (f >= 0 && c.issues[k]! in declared(m.id) ? [{ issue: c.issues[k]!, label: c.sc.issues[k]!.label, fig: fig(f) }] : [])),
        mood: fig(m.iMood),
        resignBelow: m.canResign && seen(v, m.iMood) !== null ? m.resignBelow : null,
        motives: s === me || seesOther ? m.motives : null,
      }));
  };
  const today = v.day;
  const incidents: MapIncident[] = [];
  for (const ev of c.events) {
    const fired = v.fired[ev.i]!;
    if (ev.place === null || fired < 0) continue;
    // Its age counts turns from the one it fired on; its date is the one its reports gave (shownDay).
    const age = v.turn - turnOfDay(c, fired);
    if (age < INCIDENT_TURNS) incidents.push({ place: ev.place, title: ev.title, day: shownDay(ev, fired), kind: ev.kind, severity: ev.severity, age });
  }
  incidents.sort((a, b) => b.day - a.day);
  const sideInfo = (s: Side) => {
    const l = c.ministers[v.lead[s]]!;
    return { name: c.sc.sides[s].name, lead: l.name, leadOffice: officeNow(l, v.fired), panelTitle: c.sc.sides[s].panelTitle ?? null, standing: fig(c.side[s].iStanding) };
  };
  const cs = c.side[me];
  return {
    side: me,
    scenarioTitle: c.sc.title,
    date: longDate(today),
    day: today,
    phase: c.sc.calendar.phases[c.phaseOf[v.turn]!]!.name,
    until: turnEnd(c, v.turn) > today ? shortDate(turnEnd(c, v.turn)) : null,
    turn: v.turn,
    turns: c.days.length,
    relations: v.relations,
    relationsLabel: RELATION_LABEL[v.relations],
    warDanger: fig(c.iTension),
    sides: { britain: sideInfo('britain'), ussr: sideInfo('ussr') },
    capital: { ...fig(cs.iCapital), max: cs.capitalMax, perTurn: cs.capitalPerTurn },
    intelligence: fig(cs.iIntel),
    seesOther,
    issues: { britain: issue('britain'), ussr: issue('ussr') },
    cabinets: { [me]: cabinet(me), [other(me)]: cabinet(other(me)) } as Record<Side, MinisterCard[]>,
    gauges: cs.groups.map(g => c.groups[g]!).map(g => ({ id: g.id, name: g.name, kind: g.kind, fig: fig(g.iPressure), weight: g.weight, danger: PRESSURE_LINE, lines: groupLines(c, g.i) })),
    powers: c.parties.map(p => ({ id: p.id, name: p.name, place: p.place, align: fig(p.iAlign) })),
    incidents,
    trade: v.trade.map(t => ({ ...t, label: shortMonth(t.month) })),
    tradeNext: v.ended === null ? tradeNext(c, v) : null,
    tradeFigs: { exports: c.trade.exports, reExports: c.trade.reExports, imports: c.trade.imports, balance: c.trade.balance },
    agreed: Object.entries(v.agreed).map(([t, o]) => {
      const term = c.terms.find(x => x.id === t);
      return `${term?.label ?? t}: ${term?.options.find(x => x.id === o)?.label ?? o}`;
    }),
    ended: v.ended !== null,
  };
}

// The turn whose span contains a day: the engine's calendar rule, read by the board and the report book.
export { turnOfDay };

/** The month whose trade figures come next, and when (BoardModel.tradeNext). */
function tradeNext(c: Compiled, v: SeatView): NonNullable<BoardModel['tradeNext']> {
  // Before any month is out, the next is the scenario's first (trade.startMonth is the one before it).
  const month = (v.trade.at(-1)?.month ?? c.trade.startMonth) + 1;
  // A turn shows every month that ended before its date (engine/trade.ts, tradeStep).
  const day = c.days.slice(v.turn + 1).find(d => monthIndexOfDay(d) > month);
  const short = LONG_MONTHS[month % 12]!;
  return { month: `${short} ${Math.floor(month / 12)}`, short, on: day === undefined ? null : dayDate(day).replace(/ \d+$/, '') };
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Jun 1927" for a month index (calendar.ts). */
export const shortMonth = (mi: number): string => `${MONTHS[mi % 12]} ${Math.floor(mi / 12)}`;

/**
 * A stance (-100..100) at least this far from 0 leans to one end; nearer, the minister is undecided.
 * One rule for the card's tooltip and the minister's dialog: they used 10 and 20, and of Rosengolts
 * at 14 (May 1932) the card said he leaned and the dialog that he was undecided.
 */
export const LEAN = 10;

/** The end of the issue a stance leans to, or null if undecided. */
export const leanOf = (v: number, issue: { readonly low: string; readonly high: string }): string | null => (v >= LEAN ? issue.high : v <= -LEAN ? issue.low : null);
