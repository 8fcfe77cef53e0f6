// The teacher's injection: one of the scenario's own events, not yet fired and not past its date,
// queued to fire at the start of the next turn (when both sides' orders have resolved), whatever its
// trigger says. It is not a side's move: the authority (a classroom server's match) applies it
// between moves and records where in the move log it fell (`Injection.at`), so a save replays it at
// the same place and the game comes out the same to the last number (save.ts, replay).
import { compile } from './compile';
import type { CEvent, Compiled } from './compiled';
import { copyState } from './draft';
import type { ScenarioSetup as Scenario } from './setup';
import { err, type GameState, ok, type Result } from './types';

/** An injection as a log records it: the event's id, and how many moves had been made when it was given. */
export interface Injection {
  event: string;
  at: number;
}

/** Why the teacher may not inject `ev` now, or null if they may. */
function refusal(c: Compiled, s: GameState, ev: CEvent): string | null {
  if (s.ended) return `the game is over (${s.ended.reason})`;
  if (s.fired[ev.i]! >= 0) return `"${ev.title}" has already happened in this game`;
  if (s.scheduled.some(x => x.ev === ev.i && x.by === 'teacher')) return `"${ev.title}" is already introduced for the next turn`;
  // A dated event not fired by its date did not happen then; introducing it later would rewrite history's calendar.
  if (ev.day !== null && ev.day <= c.days[s.turn]!) return `the date of "${ev.title}" has passed`;
  return null;
}

/** The events the teacher may introduce now, in scenario order. */
export function injectableEvents(c: Compiled, s: GameState): CEvent[] {
  return c.events.filter(ev => refusal(c, s, ev) === null);
}

/** Why injecting event `id` now is refused, or null if it is allowed. */
export function checkInjection(c: Compiled, s: GameState, id: string): string | null {
  const k = c.eventIndex.get(id);
  if (k === undefined) return `the scenario has no event "${id}"`;
  return refusal(c, s, c.events[k]!);
}

/** The state with event `id` queued to fire at the start of the next turn; refused with the reason. */
export function injectEvent(sc: Scenario, s: GameState, id: string): Result<GameState> {
  const c = compile(sc);
  const why = checkInjection(c, s, id);
  if (why) return err(why);
  const next = copyState(s);
  // Due on today's date, so the next turn's start (a later day) finds it due.
  next.scheduled = [...s.scheduled, { ev: c.eventIndex.get(id)!, day: c.days[s.turn]!, by: 'teacher' }];
  return ok(next);
}
