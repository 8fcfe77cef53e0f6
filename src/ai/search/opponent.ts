// How the search reads the other side from its moves so far: as the historical player, once every
// move of it this seat has seen is the one the record gives and it has seen enough of them; else
// as the persona. Its playouts then move the other side as it reads it. Only what the seat's view
// shows is read: the other side's public decisions, its public orders carried out and its notes.
import type { Compiled } from '../../engine/compiled';
import type { SeatView } from '../../engine/seat';
import { other } from '../../engine/vocab';
import { sameTerms } from '../historical';

export type Reading = 'historical' | 'persona';

/**
 * Moves of the other side that must agree with the record, none against it, before the search
 * plays it as the historical player. A persona often takes the record's option (it plays its
 * figure's known leanings), but in every scenario and seat it, the Boulware and random play make a
 * move off the record before their third on it (tests/ai/opponent.test.ts; the negotiator, the other
 * bargainers and search:1 were measured so in session 25); and one move off the record says it is
 * not the historical player.
 */
export const RECORD_EVIDENCE = 3;

/** The turn whose days hold `day` (the last turn starting on or before it). */
function turnOf(c: Compiled, day: number): number {
  let t = 0;
  while (t + 1 < c.days.length && c.days[t + 1]! <= day) t++;
  return t;
}

/** Whether `view`'s seat should play the other side as the historical player, from the other side's moves it has seen. */
export function readOpponent(c: Compiled, view: SeatView): Reading {
  const them = other(view.side);
  let agree = 0;
  for (let e = 0; e < c.events.length; e++) {
    const d = c.events[e]!.decision;
    const k = view.chosen[e]!;
    if (!d || d.side !== them || k < 0) continue;
    if (!d.options[k]!.historical) return 'persona';
    agree++;
  }
  for (let a = 0; a < c.actions.length; a++) {
    const act = c.actions[a]!;
    const day = view.taken[a]!;
    if (act.side !== them || !act.public || day < 0) continue;
    // Carried out in a turn whose record has it. (An item forced onto the agenda is carried out
    // unordered: the historical player is then read as the persona, as before this reading.)
    const t = turnOf(c, day);
    const from = c.days[t]!,
      to = c.days[t + 1] ?? from + 1;
    if (!c.historyOrders.some(h => h.side === them && h.action === a && h.day >= from && h.day < to)) return 'persona';
    agree++;
  }
  for (const o of view.offers) {
    if (o.from === them) {
      if (!c.historyNotes.some(n => n.side === them && sameTerms(n.terms, o.terms))) return 'persona';
      agree++;
    } else if (o.status === 'accepted' || o.status === 'ratified' || o.status === 'failed') return 'persona';
  }
  return agree >= RECORD_EVIDENCE ? 'historical' : 'persona';
}
