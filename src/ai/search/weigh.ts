// Weighing candidate moves by playouts, without rewarding noise. Every candidate is tried in the
// same sampled worlds with the same dice (common random numbers), so differences between them are
// paired. Successive halving spends the budget: each round every surviving candidate is played in
// a fresh batch of worlds and the worse half is dropped, the default kept to the end. The best
// survivor replaces the default only if its paired advantage in the last round's worlds, which
// played no part in choosing the survivors, stands clear of the noise (its mean less one standard
// error is above zero): picking the best of noisy estimates alone would favour whichever candidate
// had the luckiest futures.
import type { Compiled } from '../../engine/compile';
import { actionAvailable } from '../../engine/legal';
import type { Rng } from '../../engine/rng';
import { score } from '../../engine/scoring';
import type { SeatView } from '../../engine/seat';
import type { Move, Order } from '../../engine/types';
import type { Side } from '../../engine/vocab';
import { drawWorlds, type Policy, playout, type World } from './playout';

/** What a search may spend on one move. */
export interface Budget {
  /** Turns of playout in all (a playout from early in a game is longer, so fewer are run). */
  turns: number;
  /** Fewest and most playouts per candidate that survives to the end. */
  minWorlds: number;
  maxWorlds: number;
}

/** One candidate's results: its final score in each world it was played in, and each objective's points. */
export interface Tally {
  /** Score out of 100 in worlds 0 .. n-1. */
  readonly scores: number[];
  /** Sum over those worlds of each objective's points (weight x achieved, scaled to 100). */
  readonly objectives: Float64Array;
}

export const mean = (xs: readonly number[], n = xs.length): number => {
  let t = 0;
  for (let j = 0; j < n; j++) t += xs[j]!;
  return n ? t / n : 0;
};

/** Mean and standard error of a's scores less b's, over the worlds both were played in (from world `from` on). */
export function paired(a: Tally, b: Tally, from = 0): { diff: number; se: number; n: number } {
  const to = Math.min(a.scores.length, b.scores.length);
  const n = Math.max(0, to - from);
  if (n === 0) return { diff: 0, se: Infinity, n };
  let t = 0,
    tt = 0;
  for (let j = from; j < to; j++) {
    const d = a.scores[j]! - b.scores[j]!;
    t += d;
    tt += d * d;
  }
  const m = t / n;
  const v = n > 1 ? Math.max(0, (tt - n * m * m) / (n - 1)) : Infinity;
  return { diff: m, se: Math.sqrt(v / n), n };
}

/**
 * A candidate's orders as far as the sampled world allows: an order whose condition reads a figure
 * the seat cannot see may be closed in a world drawn for it, and is then left out there.
 */
function fit(c: Compiled, w: World, move: Move): Move {
  if (move.type !== 'orders') return move;
  let out: Order[] | null = null;
  move.orders.forEach((o, j) => {
    if (o.kind === 'action' && !actionAvailable(c, w.state, move.side, c.actions[c.actionIndex.get(o.id)!]!)) out ??= move.orders.slice(0, j);
    else out?.push(o);
  });
  return out ? { ...move, orders: out } : move;
}

/** Play `move` in worlds [from, to) and add the results to `t`. Returns the playout turns spent. */
function tryIn(p: Policy, side: Side, move: Move, worlds: readonly World[], from: number, to: number, t: Tally): number {
  let turns = 0;
  for (let j = from; j < to; j++) {
    const w = worlds[j]!;
    const end = playout(p, w, fit(p.c, w, move));
    if (!end) throw new Error(`a candidate move was refused in a sampled world: ${JSON.stringify(move)}`);
    turns += end.turns;
    const sc = score(p.c, end.state, side);
    (t.scores as number[]).push(sc.total);
    const all = sc.objectives.reduce((a, o) => a + o.weight, 0) || 1;
    sc.objectives.forEach((o, k) => {
      t.objectives[k]! += (100 * o.weight * o.achieved) / all;
    });
  }
  return turns;
}

export interface Weighed {
  /** Index of the chosen candidate. */
  chosen: number;
  tallies: Tally[];
  /** Round in which each candidate was dropped (-1: it survived). */
  dropped: number[];
  worlds: number;
  turns: number;
}

/**
 * Weigh `moves` for `side` from its view, spending `budget`; moves[0] is the default. `keep` lists
 * other candidates that are never dropped (the fidelity dial compares with history's move).
 */
export function weigh(p: Policy, view: SeatView, moves: readonly Move[], rng: Rng, budget: Budget, keep: readonly number[] = []): Weighed {
  const k = moves.length;
  const tallies: Tally[] = moves.map(() => ({ scores: [], objectives: new Float64Array(p.c.objectives[view.side].length) }));
  const dropped = moves.map(() => -1);
  if (k === 1) return { chosen: 0, tallies, dropped, worlds: 0, turns: 0 };
  const left = Math.max(1, p.c.days.length - view.turn);
  const rounds = Math.max(1, Math.ceil(Math.log2(k)));
  // Playouts a final survivor gets: the budget in turns, spread over the rounds' candidates.
  let cost = 0;
  for (let r = 0, alive = k; r < rounds; r++, alive = Math.ceil(alive / 2)) cost += alive;
  const total = Math.max(budget.minWorlds, Math.min(budget.maxWorlds, Math.floor(budget.turns / left / (cost / rounds))));
  const perRound = Math.max(1, Math.floor(total / rounds));
  const worlds = drawWorlds(p.c, view, rng, perRound * rounds);
  let alive = moves.map((_, j) => j);
  let turns = 0;
  for (let r = 0; r < rounds; r++) {
    const from = r * perRound,
      to = from + perRound;
    for (const j of alive) turns += tryIn(p, view.side, moves[j]!, worlds, from, to, tallies[j]!);
    if (r === rounds - 1) break;
    const ranked = alive.slice().sort((a, b) => mean(tallies[b]!.scores) - mean(tallies[a]!.scores) || a - b);
    const next = new Set(ranked.slice(0, Math.ceil(alive.length / 2)));
    next.add(0);
    for (const j of keep) next.add(j);
    for (const j of alive) if (!next.has(j)) dropped[j] = r;
    alive = alive.filter(j => next.has(j));
  }
  let best = 0;
  for (const j of alive) if (mean(tallies[j]!.scores) > mean(tallies[best]!.scores)) best = j;
  // The test is made on the last round's worlds alone: the earlier ones chose the survivors, and a
  // candidate that survived them is, by that very choice, one whose luck there was good.
  const edge = paired(tallies[best]!, tallies[0]!, rounds > 1 ? (rounds - 1) * perRound : 0);
  const chosen = best !== 0 && edge.diff - edge.se > 0 ? best : 0;
  return { chosen, tallies, dropped, worlds: worlds.length, turns };
}
