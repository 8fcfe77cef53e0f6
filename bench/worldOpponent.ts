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

import { parsePlayerName } from '../src/ai/names';
import type { Ctx, Player } from '../src/ai/player';
import type { SeatView } from '../src/engine/seat';

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
  const ask = (ctx: Ctx): Ctx => {
    current = ctx.view;
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
