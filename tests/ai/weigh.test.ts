// The search's rule for leaving its default move (src/ai/search/weigh.ts, `select`), on made-up
// playout results where the truth is known: candidates that are no better than the default, seen
// through noise, must rarely displace it; a candidate that is truly better must usually win.
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE, LAST_ROUND, roundSizes, select, type Tally, tQuantile } from '../../src/ai/search/weigh';

/** A standard normal draw (Box-Muller) from a seeded stream. */
const normal = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/**
 * Run the rounds on `k` candidates whose true expected scores are `truth`, each world adding a part
 * shared by every candidate (the same dice) and a part of each candidate's own. Returns how often
 * each candidate was chosen over `trials` decisions.
 */
function simulate(truth: readonly number[], trials: number, seed: string, rounds = 3, perRound = 10, lastRound = perRound): number[] {
  const rnd = alea(seed);
  const chosen = truth.map(() => 0);
  for (let t = 0; t < trials; t++) {
    const shared: number[] = [];
    const tallies: Tally[] = truth.map(() => ({ scores: [], objectives: new Float64Array(1) }));
    const sel = select(
      tallies,
      rounds,
      perRound,
      (j, from, to) => {
        for (let w = from; w < to; w++) {
          shared[w] ??= 8 * normal(rnd);
          (tallies[j]!.scores as number[]).push(60 + truth[j]! + shared[w]! + 3 * normal(rnd));
        }
      },
      [],
      CONFIDENCE,
      lastRound,
    );
    chosen[sel.chosen]!++;
  }
  return chosen;
}

describe('leaving the default move', () => {
  it('does not leave it on noise: seven challengers no better than the default rarely displace it', () => {
    const trials = 400;
    const chosen = simulate([0, 0, 0, 0, 0, 0, 0, 0], trials, 'noise');
    const left = trials - chosen[0]!;
    // One-sided 95%: about one decision in twenty; the old rule (best of the last round's survivors,
    // picked on those worlds and tested by one standard error) left it in about a quarter of them.
    expect(left / trials).toBeLessThan(0.09);
  });

  it('does not leave it for a challenger slightly worse than the default', () => {
    const chosen = simulate([0, -0.5, -0.5, -1, -1, -2, -2, -3], 400, 'worse');
    expect(chosen[0]! / 400).toBeGreaterThan(0.95);
  });

  it('leaves it for a challenger that is truly better, once the evidence is clear', () => {
    const trials = 200;
    const chosen = simulate([0, 0, 0, 4, 0, 0, 0, 0], trials, 'signal');
    expect(chosen[3]! / trials).toBeGreaterThan(0.8);
    // and with two candidates alone (one round, as at a two-option decision)
    const two = simulate([0, 4], trials, 'two', 1, 24);
    expect(two[1]! / trials).toBeGreaterThan(0.8);
  });

  it('asks more of an advantage measured on few futures (Student t)', () => {
    expect(CONFIDENCE).toBeGreaterThanOrEqual(0.9);
    expect(tQuantile(0.95, 5)).toBeCloseTo(2.015, 1);
    expect(tQuantile(0.95, 30)).toBeCloseTo(1.697, 2);
    expect(tQuantile(0.95, 1e6)).toBeCloseTo(1.645, 3);
    expect(tQuantile(0.95, 5)).toBeGreaterThan(tQuantile(0.95, 30));
  });

  it('spends more of the same playouts on the last round, which decides', () => {
    for (let k = 2; k <= 12; k++) {
      const s = roundSizes(k, 0, 32);
      // Playouts: the candidates of each screening round, then the default and the challenger.
      let screening = 0;
      for (let r = 0, alive = k; r < s.rounds - 1; r++, alive = Math.ceil(alive / 2)) screening += alive;
      const spent = screening * s.perRound + Math.min(k, 2) * s.lastRound;
      expect(spent).toBeLessThanOrEqual(32 * s.cost);
      expect(spent).toBeGreaterThan(32 * s.cost - 2 * s.cost);
      expect(s.lastRound).toBe(s.rounds > 1 ? Math.floor(LAST_ROUND * s.perRound) : 32);
    }
    expect(LAST_ROUND).toBeGreaterThan(1);
  });

  it('so takes a truly better challenger more often than rounds of one size, and a no better one no more often', () => {
    const s = roundSizes(8, 0, 12);
    const trials = 300;
    const even = simulate([0, 0, 0, 1.5, 0, 0, 0, 0], trials, 'even', 3, 12);
    const shared = simulate([0, 0, 0, 1.5, 0, 0, 0, 0], trials, 'even', 3, s.perRound, s.lastRound);
    expect(shared[3]!).toBeGreaterThan(even[3]! + trials / 20);
    const noise = simulate([0, 0, 0, 0, 0, 0, 0, 0], trials, 'noise', 3, s.perRound, s.lastRound);
    expect((trials - noise[0]!) / trials).toBeLessThan(0.09);
  });
});
