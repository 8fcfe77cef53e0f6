// Weighing candidate moves by playouts, without rewarding noise. Every candidate is tried in the
// same sampled worlds with the same dice (common random numbers), so differences between them are
// paired. Successive halving spends the budget: each screening round every surviving candidate is
// played in a fresh batch of worlds and the worse half is dropped, the default kept to the end. The
// best challenger the screening finds then meets the default in a last round of fresh worlds, which
// played no part in choosing it, and replaces the default only if its paired advantage there clears
// a one-sided confidence bound (Student's t): picking the best of noisy estimates alone would favour
// whichever candidate had the luckiest futures.
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
  /**
   * Each objective's points world by world (world j's at j x objectives + k), where kept: what a
   * reason needs to tell an objective's part from the futures' noise (explain.ts).
   */
  readonly byWorld?: number[];
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
export function fit(c: Compiled, w: World, move: Move): Move {
  if (move.type !== 'orders') return move;
  let out: Order[] | null = null;
  move.orders.forEach((o, j) => {
    if (o.kind === 'action' && !actionAvailable(c, w.state, move.side, c.actions[c.actionIndex.get(o.id)!]!)) out ??= move.orders.slice(0, j);
    else out?.push(o);
  });
  return out ? { ...move, orders: out } : move;
}

/** Play `move` in worlds [from, to) and add the results to `t`. Returns the playout turns spent. */
function tryIn(ps: readonly Policy[], side: Side, move: Move, worlds: readonly World[], from: number, to: number, t: Tally): number {
  let turns = 0;
  for (let j = from; j < to; j++) {
    const w = worlds[j]!;
    const p = ps[j % ps.length]!;
    const end = playout(p, w, fit(p.c, w, move));
    if (!end) throw new Error(`a candidate move was refused in a sampled world: ${JSON.stringify(move)}`);
    turns += end.turns;
    const sc = score(p.c, end.state, side);
    (t.scores as number[]).push(sc.total);
    const all = sc.objectives.reduce((a, o) => a + o.weight, 0) || 1;
    sc.objectives.forEach((o, k) => {
      const x = (100 * o.weight * o.achieved) / all;
      t.objectives[k]! += x;
      t.byWorld?.push(x);
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
  /** For each dropped candidate, the one that went on ranked first in the round that dropped it (-1: not dropped). */
  behind: number[];
  worlds: number;
  turns: number;
  /** The challenger put to the final test against the default (-1 when there was only the default). */
  challenger: number;
  /** Its paired advantage over the default in the final round's fresh worlds, and the bound it had to clear. */
  edge: { diff: number; se: number; n: number; bound: number };
}

/**
 * One-sided confidence the final test asks before the default is left. At 0.95 a challenger no
 * better than the default is taken about once in twenty decisions instead of about once in six
 * (the mean less one standard error, as before): with some forty decisions a game, the old rule
 * left the default half a dozen times a game on nothing.
 */
export const CONFIDENCE = 0.95;

/** Inverse of the standard normal distribution function (Acklam's rational approximation, good to 1e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const cc = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((cc[0]! * q + cc[1]!) * q + cc[2]!) * q + cc[3]!) * q + cc[4]!) * q + cc[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5,
    r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * Student's t quantile with `df` degrees of freedom (Cornish-Fisher expansion about the normal;
 * within 1% for df of 3 or more, which is all the final test uses). A standard error from a dozen
 * paired futures is itself uncertain, and the normal quantile would trust it too much.
 */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  if (!Number.isFinite(df) || df <= 0) return df <= 0 ? Infinity : z;
  const z3 = z * z * z,
    z5 = z3 * z * z,
    z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

/** What the rounds decided: the move chosen, when each candidate fell, and the final test. */
export interface Selection {
  chosen: number;
  dropped: number[];
  behind: number[];
  challenger: number;
  edge: { diff: number; se: number; n: number; bound: number };
}

/**
 * Successive halving over `tallies` (index 0 the default), `rounds` rounds of `perRound` fresh
 * worlds each; `play(j, from, to)` plays candidate j in worlds [from, to) into tallies[j].
 *
 * Screening rounds (all but the last) halve the field; the best challenger by its mean over the
 * screening worlds alone is then played against the default in the last round's fresh worlds, and
 * the default is left only if the challenger's paired advantage there clears its one-sided
 * confidence bound (Student's t at `confidence`). The last round's worlds play no part in choosing
 * the challenger, so the test is not biased by the choice. Before, the best of the last round's two
 * or three survivors was chosen on those same worlds and tested against one standard error, and in
 * 1929's Soviet seat the search left its default some eighteen times a game on edges that fresh
 * worlds put at nothing.
 */
export function select(
  tallies: readonly Tally[],
  rounds: number,
  perRound: number,
  play: (j: number, from: number, to: number) => void,
  keep: readonly number[] = [],
  confidence = CONFIDENCE,
): Selection {
  const dropped = tallies.map(() => -1);
  const behind = tallies.map(() => -1);
  let alive = tallies.map((_, j) => j);
  for (let r = 0; r < rounds; r++) {
    for (const j of alive) play(j, r * perRound, (r + 1) * perRound);
    if (r === rounds - 1) break;
    const ranked = alive.slice().sort((a, b) => mean(tallies[b]!.scores) - mean(tallies[a]!.scores) || a - b);
    // Before the last round only the default, the best challenger and the kept candidates go on.
    const width = r === rounds - 2 ? 1 : Math.ceil(alive.length / 2);
    const next = new Set(ranked.filter(j => j !== 0).slice(0, width));
    next.add(0);
    for (const j of keep) next.add(j);
    // The first-ranked alternative that went on: the reasons name it for a dropped move that beat the default.
    const first = ranked.find(j => j !== 0 && next.has(j)) ?? -1;
    for (const j of alive)
      if (!next.has(j)) {
        dropped[j] = r;
        behind[j] = first;
      }
    alive = alive.filter(j => next.has(j));
  }
  // With one round the challenger is the best other move there (two candidates: the other move);
  // otherwise the best survivor by the screening worlds alone.
  const screen = rounds > 1 ? (rounds - 1) * perRound : perRound;
  let challenger = -1;
  for (const j of alive) if (j !== 0 && (challenger < 0 || mean(tallies[j]!.scores, screen) > mean(tallies[challenger]!.scores, screen))) challenger = j;
  if (challenger < 0) return { chosen: 0, dropped, behind, challenger, edge: { diff: 0, se: Infinity, n: 0, bound: Infinity } };
  const e = paired(tallies[challenger]!, tallies[0]!, (rounds - 1) * perRound);
  const bound = e.n > 1 ? tQuantile(confidence, e.n - 1) * e.se : Infinity;
  return { chosen: e.diff > bound ? challenger : 0, dropped, behind, challenger, edge: { ...e, bound } };
}

/**
 * Weigh `moves` for `side` from its view, spending `budget`; moves[0] is the default. `keep` lists
 * other candidates that are never dropped (the fidelity dial compares with history's move). Given
 * several policies (the other side read two ways), world j is played out by policy j mod their
 * number: every candidate meets each reading in the same worlds.
 */
export function weigh(policies: Policy | readonly Policy[], view: SeatView, moves: readonly Move[], rng: Rng, budget: Budget, keep: readonly number[] = []): Weighed {
  const ps: readonly Policy[] = 'players' in policies ? [policies] : policies;
  const p = ps[0]!;
  const k = moves.length;
  const tallies: Tally[] = moves.map(() => ({ scores: [], objectives: new Float64Array(p.c.objectives[view.side].length), byWorld: [] }));
  if (k === 1) return { chosen: 0, tallies, dropped: [-1], behind: [-1], worlds: 0, turns: 0, challenger: -1, edge: { diff: 0, se: Infinity, n: 0, bound: Infinity } };
  const left = Math.max(1, p.c.days.length - view.turn);
  const rounds = Math.max(1, Math.ceil(Math.log2(k)));
  // Playouts a final survivor gets: the budget in turns, spread over the rounds' candidates (the
  // last round plays only the default, the challenger and any kept candidate).
  let cost = 0;
  for (let r = 0, alive = k; r < rounds; r++, alive = Math.ceil(alive / 2)) cost += r === rounds - 1 ? Math.min(alive, 2 + keep.length) : alive;
  const total = Math.max(budget.minWorlds, Math.min(budget.maxWorlds, Math.floor(budget.turns / left / (cost / rounds))));
  const perRound = Math.max(2, Math.floor(total / rounds));
  const worlds = drawWorlds(p.c, view, rng, perRound * rounds);
  let turns = 0;
  const sel = select(
    tallies,
    rounds,
    perRound,
    (j, from, to) => {
      turns += tryIn(ps, view.side, moves[j]!, worlds, from, to, tallies[j]!);
    },
    keep,
  );
  return { ...sel, tallies, worlds: worlds.length, turns };
}
