// The date a player is shown for an event. A turn covers several days and its events fire at its
// start, but history gave each a day of its own: an event that fires on the turn its date reaches is
// shown on history's day (`historicalDate`, else `date`), and so is a triggered event with a
// `historicalDate` that fires on the turn whose span holds that day; one that fires on another turn
// (a window, a teacher's injection on a later turn, an effect's schedule) on the turn's. Display only: no rule
// of play reads these, and the news keeps the turn's day (the state and its hash are as before).
import type { CEvent, Compiled } from './compiled';

/** The day to show for `ev`, fired (or decided) on the turn dated `day`. */
export const shownDay = (ev: CEvent, day: number): number => (ev.historyDay !== null && day === ev.turnDay ? ev.historyDay : day);

/** The day to show for a decision's event in a seat's view: its firing day's, or today's if it has not fired. */
export const decisionDay = (ev: CEvent, view: { fired: readonly number[]; day: number }): number => shownDay(ev, view.fired[ev.i]! >= 0 ? view.fired[ev.i]! : view.day);

/** The event a news line or ledger cause ("event:ID", "option:EVENT.OPTION") belongs to, if any. */
export function eventOfCause(c: Compiled, cause: string): CEvent | null {
  const m = /^(?:event|option):([^.]+)/.exec(cause);
  const i = m ? c.eventIndex.get(m[1]!) : undefined;
  return i === undefined ? null : c.events[i]!;
}

/** The day to show for a news line: its event's, by shownDay, or its own. */
export function newsDay(c: Compiled, n: { day: number; cause: string }): number {
  const ev = eventOfCause(c, n.cause);
  return ev ? shownDay(ev, n.day) : n.day;
}
