// What one move is worth over another from a game's true state: both played on in the same futures
// (fresh engine dice, the same for both), the rest of the game by `policy`'s players. Used by the
// benches that measure players by their departures (advantage.ts, ceiling.ts); they read the true
// state, which no player may.
import { type Policy, playout } from '../src/ai/search/playout';
import { type GameState, type Move, score } from '../src/engine/index';
import { openRng, seedRng } from '../src/engine/rng';
import type { Order } from '../src/engine/types';
import type { Side } from '../src/engine/vocab';

/** Mean and standard error of `move` less `base` for `side` from true state `s`, over `n` paired futures drawn from `seed`. */
export function edge(policy: Policy, s: GameState, side: Side, move: Move, base: Move, n: number, seed: string): { d: number; se: number } {
  const rng = openRng(seedRng(seed));
  let t = 0,
    tt = 0;
  for (let k = 0; k < n; k++) {
    const dice = () => ({ c: 1, s0: rng.next(), s1: rng.next(), s2: rng.next() });
    const w = { state: { ...s, rng: dice() }, dice: { britain: dice(), ussr: dice() } };
    const x = score(policy.c, playout(policy, w, move).state, side).total - score(policy.c, playout(policy, w, base).state, side).total;
    t += x;
    tt += x * x;
  }
  const m = t / n;
  return { d: m, se: Math.sqrt(Math.max(0, (tt - n * m * m) / (n - 1)) / n) };
}

/**
 * What kind of departure `move` is from `base`: a decision's other option, a note sent or changed, a
 * note's answer turned, or other actions. A set of orders that differs in more than one way is named
 * by the first of note, answer, actions that differs.
 */
export function departureKind(move: Move, base: Move): 'decision' | 'note' | 'answer' | 'actions' {
  if (move.type === 'decide' || base.type === 'decide') return 'decision';
  const of = (m: Move, k: Order['kind']) =>
    m.type === 'orders'
      ? m.orders
          .filter(o => o.kind === k)
          .map(o => JSON.stringify(o))
          .sort()
          .join('|')
      : '';
  if (of(move, 'offer') !== of(base, 'offer')) return 'note';
  if (of(move, 'reply') !== of(base, 'reply')) return 'answer';
  return 'actions';
}
