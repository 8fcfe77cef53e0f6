// The live outlook of a side's objectives, from its seat view alone: for each objective whether it is
// on course, at risk or lost (or unknown, where it rests on a figure the seat cannot see), and for a
// measure the fraction of its weight it would score now. Nothing here reads the game state: it runs
// on `seatState(view)`, so two games that differ only in what the seat cannot see give the same
// outlook, and nothing about history's own score is used.
//
// The rule, kept cheap and honest (it never calls an objective lost that the rules could still meet):
// - a measure: its fraction now (zero mark 0, full mark 1, clamped); on course from half-way up,
//   at risk below; lost only once the game has ended with it at 0;
// - a condition: on course if it holds now (as the seat believes), at risk if not, unknown if its
//   truth turns on a hidden figure; lost once it cannot come true again, which is said only where
//   the scenario data proves it:
//   * a flag that must stay unset is set and no effect anywhere in the scenario clears it;
//   * a flag that must be set is unset and its `before` date has passed, or every event that could
//     set it is spent (fired already if it fires once, or dated with its window passed and no effect
//     that schedules it) and no order or negotiated term sets it;
//   * a minister who must be in office is out and no effect appoints him;
//   * an `until` date has passed;
//   * `all` is lost when one part is, `any` when every part is;
//   * once the game has ended, every objective not met is lost.
import type { CObjective, Compiled } from './compiled';
import type { LinkedCondition } from './linked';
import { type SeatState, type SeatView, seatState, seen } from './seat';
import { secrets } from './secrets';
import type { GameState } from './types';
import { ofSide, other, type Side } from './vocab';

export type OutlookStatus = 'on course' | 'at risk' | 'lost' | 'unknown';

export interface ObjectiveOutlook {
  id: string;
  status: OutlookStatus;
  /** A measure's fraction of its weight now (0..1); null for a condition or a hidden figure. */
  fraction: number | null;
  /** A condition: whether it holds now as the seat believes (null: turns on a hidden figure). */
  holds: boolean | null;
}

/** What the scenario data allows to change a flag or an office later: read once per scenario. */
export interface OutlookFacts {
  /** Flags some effect clears. */
  clearable: Set<string>;
  /** Ministers some effect appoints. */
  appointable: Set<string>;
  /** Events some effect schedules. */
  scheduled: Set<string>;
  /** For each flag, who sets it: event indices, or 'open' when an order or a negotiated term can. */
  setters: Map<string, { events: Set<number>; open: boolean }>;
}

/** Every object inside a piece of scenario data, depth first. */
function* objects(x: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(x)) for (const y of x) yield* objects(y);
  else if (x !== null && typeof x === 'object') {
    yield x as Record<string, unknown>;
    for (const v of Object.values(x)) yield* objects(v);
  }
}

/** Read the scenario once for the facts the lost rules need; callers may keep the result (it depends on `c` only). */
export function outlookFacts(c: Compiled): OutlookFacts {
  const f: OutlookFacts = { clearable: new Set(), appointable: new Set(), scheduled: new Set(), setters: new Map() };
  const setter = (flag: string) => {
    let e = f.setters.get(flag);
    if (!e) f.setters.set(flag, (e = { events: new Set(), open: false }));
    return e;
  };
  const scan = (data: unknown, onSet: (flag: string) => void) => {
    for (const o of objects(data)) {
      if (typeof o.clearFlag === 'string') f.clearable.add(o.clearFlag);
      if (typeof o.appoint === 'string') f.appointable.add(o.appoint);
      if (typeof o.setLead === 'string') f.appointable.add(o.setLead);
      if (typeof o.schedule === 'string') f.scheduled.add(o.schedule);
      if (typeof o.setFlag === 'string') onSet(o.setFlag);
    }
  };
  const sc = c.sc;
  c.events.forEach((ev, k) => scan(sc.events[k], flag => setter(flag).events.add(ev.i)));
  // Orders, negotiated terms and anything else: treated as able to set the flag at any time.
  for (const [key, data] of Object.entries(sc))
    if (key !== 'events' && key !== 'objectives' && key !== 'history')
      scan(data, flag => {
        setter(flag).open = true;
      });
  return f;
}

/** Whether an event can still fire, as far as the seat's view and the data tell. */
function eventSpent(c: Compiled, st: Readonly<GameState>, f: OutlookFacts, k: number, today: number): boolean {
  const ev = c.events[k]!;
  if (ev.once && st.fired[k]! >= 0) return true;
  if (f.scheduled.has(ev.id)) return false;
  return ev.day !== null && ev.lastDay! < today && st.fired[k]! < 0;
}

/** Three-valued truth of a condition in the believed state: null where a hidden figure decides it. */
function truth(c: Compiled, v: SeatView, st: SeatState, x: LinkedCondition): boolean | null {
  switch (x.k) {
    case 'fig':
      if (seen(v, x.fig) === null) return null;
      break;
    case 'inOffice':
      if (seen(v, c.ministers[x.minister]!.iOffice) === null) return null;
      break;
    case 'all': {
      let unknown = false;
      for (const y of x.of) {
        const t = truth(c, v, st, y);
        if (t === false) return false;
        if (t === null) unknown = true;
      }
      return unknown ? null : true;
    }
    case 'any': {
      let unknown = false;
      for (const y of x.of) {
        const t = truth(c, v, st, y);
        if (t === true) return true;
        if (t === null) unknown = true;
      }
      return unknown ? null : false;
    }
    case 'not': {
      const t = truth(c, v, st, x.cond);
      return t === null ? null : !t;
    }
    default:
      break;
  }
  return c.condOf.get(x)!(st);
}

/** Whether a condition that does not hold now can never hold again (see the header for the rules). */
function lost(c: Compiled, st: Readonly<GameState>, f: OutlookFacts, x: LinkedCondition, today: number): boolean {
  const flagName = (k: number) => (k < 0 ? null : c.flags[k]!);
  switch (x.k) {
    case 'noFlag': {
      const name = flagName(x.flag);
      return name !== null && st.flags[x.flag]! >= 0 && !f.clearable.has(name);
    }
    case 'not':
      // `not flag` reads as noFlag; any other negation is left open.
      return x.cond.k === 'flag' && x.cond.before === null && x.cond.after === null ? lost(c, st, f, { k: 'noFlag', flag: x.cond.flag }, today) : false;
    case 'flag': {
      const name = flagName(x.flag);
      if (name === null) return true;
      if (st.flags[x.flag]! >= 0) return false;
      if (x.before !== null && today >= x.before) return true;
      const who = f.setters.get(name);
      if (!who) return true;
      if (who.open) return false;
      for (const k of who.events) if (!eventSpent(c, st, f, k, today)) return false;
      return true;
    }
    case 'inOffice': {
      const m = c.ministers[x.minister]!;
      return st.fig[m.iOffice] !== 1 && !f.appointable.has(m.id);
    }
    case 'until':
      return today > x.day;
    case 'all':
      return x.of.some(y => lost(c, st, f, y, today));
    case 'any':
      return x.of.every(y => lost(c, st, f, y, today));
    default:
      return false;
  }
}

/**
 * Whether a condition that holds now must still hold at the end, whatever is played: a flag no
 * effect clears, an event fired, an action taken, a once-only decision taken, a date passed; a flag
 * that must stay unset and can no longer be set; the negation of a lost one.
 */
function kept(c: Compiled, st: Readonly<GameState>, f: OutlookFacts, x: LinkedCondition, today: number): boolean {
  switch (x.k) {
    case 'flag':
    case 'flagAge':
    case 'fired':
    case 'took':
    case 'from':
    case 'chose':
      return staysOnceMet(c, f, x);
    case 'noFlag':
      return lost(c, st, f, { k: 'flag', flag: x.flag, before: null, after: null }, today);
    case 'all':
      return x.of.every(y => kept(c, st, f, y, today));
    case 'any':
      // Which branch holds is not known here: settled only if whichever holds must stay (a branch that
      // stays but does not hold says nothing of one that holds and can turn back).
      return x.of.every(y => kept(c, st, f, y, today));
    case 'not':
      return lostFor(c, st, f, x.cond, today);
    default:
      return false;
  }
}

/** `lost`, with a negation read through `kept` (lost keeps its own narrower rule for the objectives' outlook). */
function lostFor(c: Compiled, st: Readonly<GameState>, f: OutlookFacts, x: LinkedCondition, today: number): boolean {
  switch (x.k) {
    case 'not':
      return kept(c, st, f, x.cond, today);
    case 'all':
      return x.of.some(y => lostFor(c, st, f, y, today));
    case 'any':
      return x.of.every(y => lostFor(c, st, f, y, today));
    default:
      return lost(c, st, f, x, today);
  }
}

/**
 * Whether a scenario outcome's truth in a game still going on is already its truth at the end: it
 * holds and must go on holding, or it does not and never can. Otherwise ("no war", "relations
 * broken at the year's end", a figure's level) it is decided only at the end. A finished game's
 * outcomes are all settled.
 */
export function outcomeSettled(c: Compiled, s: GameState, o: Compiled['outcomes'][number], facts: OutlookFacts = outlookFacts(c)): boolean {
  if (s.ended) return true;
  const today = c.days[s.turn]!;
  return o.when(s) ? kept(c, s, facts, o.cond, today) : lostFor(c, s, facts, o.cond, today);
}

/**
 * Whether a scenario outcome, once it holds, holds for good (an event, a flag no effect clears, a
 * date): met along the way, so a game that has not met it by the date another did can be said to
 * differ. One that can turn back ("no war", relations, a figure) is decided only at the end.
 */
export function outcomeStays(c: Compiled, o: Compiled['outcomes'][number], facts: OutlookFacts = outlookFacts(c)): boolean {
  return staysOnceMet(c, facts, o.cond);
}

/** Whether a condition, once it holds, holds for good (see outcomeStays). */
function staysOnceMet(c: Compiled, f: OutlookFacts, x: LinkedCondition): boolean {
  switch (x.k) {
    case 'flag':
      return x.flag >= 0 && !f.clearable.has(c.flags[x.flag]!);
    case 'flagAge':
      // Its age only grows: an upper bound can still fail.
      return x.lt === undefined && x.flag >= 0 && !f.clearable.has(c.flags[x.flag]!);
    case 'fired':
    case 'took':
    case 'from':
      return true;
    case 'chose':
      // An event that fires again is decided again.
      return c.events[x.event]!.once;
    case 'all':
    case 'any':
      return x.of.every(y => staysOnceMet(c, f, y));
    default:
      return false;
  }
}

/** A measure objective's fraction of its weight at a figure's value. */
export function measureFraction(m: NonNullable<CObjective['measure']>, value: number): number {
  const x = (value - m.zero) / (m.full - m.zero);
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * A condition's truth as a seat can tell it: null where it turns on a figure the seat cannot see, or
 * on a flag, decision or order that is the other side's private business (the view reads those as
 * never set, which would pass a guess for a fact). For a screen that holds a game in play against
 * history from its person's seat (history mode's "So far, against history").
 */
export function seenTruth(c: Compiled, v: SeatView, cond: LinkedCondition): boolean | null {
  return restsOnTheirs(c, v.side, cond) ? null : truth(c, v, seatState(v), cond);
}

/** Whether any part of a condition reads the other side's private business. */
function restsOnTheirs(c: Compiled, side: Side, x: LinkedCondition): boolean {
  const sec = secrets(c);
  const them = other(side);
  switch (x.k) {
    case 'flag':
    case 'noFlag':
    case 'flagAge':
      return ofSide(sec.flags, them).includes(x.flag);
    case 'fired':
    case 'chose':
      return ofSide(sec.events, them).includes(x.event);
    case 'took':
      return ofSide(sec.actions, them).includes(x.action);
    case 'all':
    case 'any':
      return x.of.some(y => restsOnTheirs(c, side, y));
    case 'not':
      return restsOnTheirs(c, side, x.cond);
    default:
      return false;
  }
}

/** From half-way up a measure counts as on course. */
export const ON_COURSE_FRACTION = 0.5;

/**
 * The outlook of each of `side`'s objectives, in scenario order, from the seat's view alone. `side`
 * is normally the view's own; `facts` may be passed in to save reading the scenario again.
 */
export function objectiveOutlook(c: Compiled, view: SeatView, side: Side = view.side, facts: OutlookFacts = outlookFacts(c)): ObjectiveOutlook[] {
  const st = seatState(view);
  const today = view.day;
  const ended = view.ended !== null;
  return c.objectives[side].map(o => {
    if (o.measure) {
      const v = seen(view, o.measure.fig);
      if (v === null || v === undefined) return { id: o.id, status: 'unknown', fraction: null, holds: null };
      const fraction = measureFraction(o.measure, v);
      const status: OutlookStatus = fraction >= ON_COURSE_FRACTION ? 'on course' : ended && fraction === 0 ? 'lost' : 'at risk';
      return { id: o.id, status, fraction, holds: null };
    }
    const holds = truth(c, view, st, o.cond!);
    const status: OutlookStatus =
      holds === true ? 'on course' : ended || (holds === false && lost(c, st, facts, o.cond!, today)) ? (holds === null ? 'unknown' : 'lost') : holds === null ? 'unknown' : 'at risk';
    return { id: o.id, status, fraction: null, holds };
  });
}
