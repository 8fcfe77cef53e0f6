// The other seat in the oracle's worlds (bench/ceiling.ts): the real opponent's own policy, played
// from each world's state, so that the oracle weighs its moves against the player it actually
// meets and not against the persona its search assumes. Two departures from the real opponent, both
// for cost, and both printed by the bench:
// - a player that weighs its moves by playouts (search:N, or any name held to history by a fidelity
//   below 1) would run a search at every move of every world; it is played there by what it falls
//   back on, the persona for search:N (whose move the search keeps unless a departure clears its
//   test) and its own kind, free, for NAME@F;
// - a bargainer (boulware, conceder, hardliner, titfortat) and the negotiator make a table of what
//   every package is worth at every move, a few dozen playouts each; in the worlds of one decision
//   each makes it once, from its view at the first move it needs it, and keeps it for the rest of
//   that decision's worlds (it reads the notes, the answers and the clock off each world's view at
//   every move as it always does). The real player re-makes the table at each move, so its bids
//   also move with the table's noise; a world's do not.

import { playerFor } from '../src/ai/index';
import { parsePlayerName } from '../src/ai/names';
import { makeSidePersona } from '../src/ai/persona';
import type { Ctx, Player } from '../src/ai/player';
import type { Policy } from '../src/ai/search/playout';
import { compile } from '../src/engine/compile';
import type { SeatView } from '../src/engine/seat';
import { type BySide, other, type Side } from '../src/engine/vocab';
import type { Scenario } from '../src/scenario/schema';

/** The name of the player that holds the seat of `name` in the oracle's worlds, and why it differs from `name`. */
export function worldName(name: string): { name: string; why: string | null } {
  const r = parsePlayerName(name);
  if (!r.ok) throw new Error(`--opponent: ${r.error}`);
  const { kind, level, fidelity } = r.value;
  const base = kind === 'search' ? 'persona' : kind;
  if (base === name) return { name, why: null };
  const searches = kind === 'search' ? `search:${level} searches at every move` : `${name} weighs history's move against its own by playouts at every move`;
  return { name: base, why: `${searches}, which a world cannot afford: in the worlds it is played by ${base}${fidelity < 1 ? ', free' : ''}` };
}

/**
 * `inner` as the other seat of one decision's worlds: every move it is asked for is put to it with
 * one view object for the whole decision, which reads through to the world's view of that move. A
 * player's work kept for the view it was last asked with (a bargainer's table of packages) is thus
 * kept across the decision's worlds instead of being re-made at every move of every world. Make one
 * for each decision (a fresh `inner` too), so that no table outlives the decision it was made in.
 */
export function oneViewADecision(inner: Player): Player {
  let current: SeatView | null = null;
  const view = new Proxy({} as SeatView, {
    get: (_, k) => {
      if (current === null) throw new Error("a world opponent's view was read before its first move");
      return Reflect.get(current, k);
    },
  });
  return askedWith(inner, ctx => {
    current = ctx.view;
    return view;
  });
}

/** `inner` asked at each move with the view `viewOf` gives for that move's context, the rest of the context as it is. */
function askedWith(inner: Player, viewOf: (ctx: Ctx) => SeatView): Player {
  const ask = (ctx: Ctx): Ctx => {
    const view = viewOf(ctx);
    return {
      c: ctx.c,
      side: ctx.side,
      rng: ctx.rng,
      view,
      get state() {
        return ctx.state;
      },
    };
  };
  return {
    kind: inner.kind,
    decide: (ctx, ev) => inner.decide(ask(ctx), ev),
    orders: ctx => inner.orders(ask(ctx)),
  };
}

/**
 * `inner` as the other seat of the futures that weigh one move against another (bench/advantage.ts,
 * edge.ts), asked with a view object of its own at every move, as the real opponent is asked in
 * the game. A playout keeps one view object per side for the whole future and points it at each
 * move's state (search/playout.ts, PlayoutView), so a player that keeps work for the view it was
 * last asked with (a bargainer's table of packages) would otherwise keep its first table for the
 * whole future while the notes, the clock and its beliefs moved on.
 */
export function freshViewEachMove(inner: Player): Player {
  return askedWith(inner, ctx => {
    const seen = ctx.view;
    // A new object each move, reading through to that move's view.
    return new Proxy({} as SeatView, { get: (_, k) => Reflect.get(seen, k) });
  });
}

/** The players of advantage.ts's futures: `side` played on by its persona, the other seat by `opponent`, asked with fresh views. */
export function futuresPolicy(sc: Scenario, side: Side, opponent: string): Policy {
  const players = { [side]: makeSidePersona(sc, side), [other(side)]: freshViewEachMove(playerFor(opponent, sc, other(side))) } as BySide<Player>;
  return { sc, c: compile(sc), players };
}
