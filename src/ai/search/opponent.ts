// How the search reads the other side from its moves so far: as the historical player, once every
// move of it this seat has seen is the one the record gives and it has seen enough of them; as the
// negotiator, once it has sent notes its persona would not and has never held out on one we refused
// (its answers to our notes then played two ways, search/index.ts); else as the persona, which also
// refuses the search's notes as its refusals so far say (refusalBar, WaryPlayer). Its playouts then
// move the other side as it reads it. Only what the seat's view
// shows is read: the other side's public decisions, its public orders carried out and its notes.
import { turnOfDay } from '../../engine/calendar';
import type { CEvent, Compiled } from '../../engine/compiled';
import { acceptanceShare, packageValue } from '../../engine/negotiation';
import type { SeatView } from '../../engine/seat';
import type { GameState, Order } from '../../engine/types';
import { other, type Side } from '../../engine/vocab';
import { sameTerms } from '../historical';
import { personaNote, personaTakes } from '../persona';
import type { Ctx, Player } from '../player';

export type Reading = 'historical' | 'persona' | 'negotiator';

/**
 * Moves of the other side that must agree with the record, none against it, before the search
 * plays it as the historical player. A persona often takes the record's option (it plays its
 * figure's known leanings), but in every scenario and seat it, the Boulware and random play make a
 * move off the record before their third on it (tests/ai/opponent.test.ts; the negotiator, the other
 * bargainers and search:1 were measured so in session 25); and one move off the record says it is
 * not the historical player.
 */
export const RECORD_EVIDENCE = 3;

/** How `view`'s seat should play the other side in its futures, from the other side's moves it has seen. */
export function readOpponent(c: Compiled, view: SeatView, believed: GameState): Reading {
  const base = readByRecord(c, view);
  return base === 'persona' && givesGround(c, view, believed) ? 'negotiator' : base;
}

/**
 * Whether the other side bargains as one that gives ground when refused: it has sent a note its
 * persona would not (the persona only ever proposes the package best for itself among those on
 * offer, as the seat believes them on offer now), and it has never answered our refusal of a note
 * by sending the same note again. A side that has held out so even once (a Hardliner, a Boulware
 * waiting on the clock, a Tit-for-Tat mirroring us) is played as the persona, whose note never moves:
 * read as the negotiator, its futures would have it concede after every refusal, and the search would
 * refuse notes in the hope of better ones that do not come.
 */
function givesGround(c: Compiled, view: SeatView, believed: GameState): boolean {
  const theirs = view.offers.filter(o => o.from === other(view.side));
  const persona = personaNote(c, other(view.side), believed);
  if (theirs.every(o => persona !== null && sameTerms(o.terms, persona))) return false;
  for (let k = 1; k < theirs.length; k++) if (theirs[k - 1]!.status === 'rejected' && sameTerms(theirs[k - 1]!.terms, theirs[k]!.terms)) return false;
  return true;
}

function readByRecord(c: Compiled, view: SeatView): Reading {
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
    const t = turnOfDay(c, day);
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

/**
 * What the other side's refusals of our notes say of the bar a note of ours must clear with it:
 * the most any note of ours it refused was worth to it (by the terms' values, packageValue), among
 * those the persona's rule would have taken (worth something to it, and its cabinet would ratify
 * it as far as the seat can tell: a refusal the persona would make too says nothing new), and the
 * turn the last of them reached it. Null while it has refused none such.
 */
export interface RefusalBar {
  readonly worth: number;
  readonly turn: number;
}

export function refusalBar(c: Compiled, view: SeatView, believed: GameState): RefusalBar | null {
  const them = other(view.side);
  let worth = -Infinity,
    turn = -1;
  for (const o of view.offers) {
    if (o.from !== view.side || o.status !== 'rejected') continue;
    const v = packageValue(c, o.terms, them);
    if (!personaTakes(acceptanceShare(c, believed, them, o.terms), v)) continue;
    worth = Math.max(worth, v);
    turn = Math.max(turn, turnOfDay(c, o.arrivesDay));
  }
  return turn < 0 ? null : { worth, turn };
}

/**
 * The bar at turn `t`: the refused worth, falling in a straight line to nothing at the last turn
 * (a time-dependent bargainer concedes as its clock runs out; which curve it concedes on the seat
 * cannot tell, and the straight line lies between the Boulware's and the Conceder's).
 */
export function barAt(c: Compiled, bar: RefusalBar, t: number): number {
  const last = c.days.length - 1;
  if (t >= last || bar.turn >= last) return 0;
  return bar.worth * Math.min(1, Math.max(0, (last - t) / (last - bar.turn)));
}

/**
 * The other side's player in the futures, as its refusals read it: `inner` (the persona, or the
 * negotiator), which further refuses every note of ours worth no more to it than the bar of its turn
 * (barAt). With `persona` answers, every note of ours is answered by the persona's rule (personaTakes)
 * rather than `inner`'s: a side read as the negotiator from its notes may be a search player, which
 * answers by its own playouts, not by weighing our note against a counter of its own as the
 * negotiator does; the persona's rule, with the bar its refusals set, says what its answers have
 * shown. The bar is set before each weighing (null: it has refused nothing the persona would take,
 * and the rule's answers stand); a playout asks nothing of it but moves.
 */
export class WaryPlayer implements Player {
  bar: RefusalBar | null = null;
  constructor(
    private readonly c: Compiled,
    private readonly inner: Player,
    private readonly us: Side,
    private readonly answers: 'inner' | 'persona' = 'inner',
  ) {}
  get kind(): string {
    return this.inner.kind;
  }
  decide(ctx: Ctx, ev: CEvent): string {
    return this.inner.decide(ctx, ev);
  }
  orders(ctx: Ctx): Order[] {
    const out = this.inner.orders(ctx);
    const bar = this.bar;
    if (!bar && this.answers === 'inner') return out;
    const them = other(this.us);
    for (let j = 0; j < out.length; j++) {
      const o = out[j]!;
      if (o.kind !== 'reply') continue;
      const note = ctx.state.offers.find(x => x.from === this.us && x.n === o.offer);
      if (!note) continue;
      const value = packageValue(this.c, note.terms, them);
      const takes = this.answers === 'persona' ? personaTakes(acceptanceShare(this.c, ctx.state, them, note.terms), value) : o.accept;
      const accept = takes && !(bar && value <= barAt(this.c, bar, ctx.state.turn));
      if (accept !== o.accept) out[j] = { kind: 'reply', offer: o.offer, accept };
    }
    return out;
  }
}
