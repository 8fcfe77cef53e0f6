// The search's rule for leaving its default move (src/ai/search/weigh.ts, `select`), on made-up
// playout results where the truth is known: candidates that are no better than the default, seen
// through noise, must rarely displace it; a candidate that is truly better must usually win.
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE, select, type Tally, tQuantile } from '../../src/ai/search/weigh';

/** A standard normal draw (Box-Muller) from a seeded stream. */
const normal = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/**
 * Run the rounds on `k` candidates whose true expected scores are `truth`, each world adding a part
 * shared by every candidate (the same dice) and a part of each candidate's own. Returns how often
 * each candidate was chosen over `trials` decisions.
 */
function simulate(truth: readonly number[], trials: number, seed: string, rounds = 3, perRound = 10): number[] {
  const rnd = alea(seed);
  const chosen = truth.map(() => 0);
  for (let t = 0; t < trials; t++) {
    const shared: number[] = [];
    const tallies: Tally[] = truth.map(() => ({ scores: [], objectives: new Float64Array(1) }));
    const sel = select(tallies, rounds, perRound, (j, from, to) => {
      for (let w = from; w < to; w++) {
        shared[w] ??= 8 * normal(rnd);
        (tallies[j]!.scores as number[]).push(60 + truth[j]! + shared[w]! + 3 * normal(rnd));
      }
    });
    chosen[sel.chosen]!++;
  }
  return chosen;
}

describe('the alternative a dropped candidate fell behind', () => {
  it('is the first-ranked other move that went on from that round, no worse than it there (the reasons name it)', () => {
    const rnd = alea('behind');
    const truth = [0, 1, -1, 2, 0.5, -2, 1.5, 0];
    const tallies: Tally[] = truth.map(() => ({ scores: [], objectives: new Float64Array(1) }));
    const sel = select(tallies, 3, 8, (j, from, to) => {
      for (let w = from; w < to; w++) (tallies[j]!.scores as number[]).push(60 + truth[j]! + 3 * normal(rnd));
    });
    const mean = (j: number, n: number) => tallies[j]!.scores.slice(0, n).reduce((a, x) => a + x, 0) / n;
    const dropped = truth.map((_, j) => j).filter(j => sel.dropped[j]! >= 0);
    expect(dropped.length).toBeGreaterThan(3);
    for (let j = 0; j < truth.length; j++) {
      const k = sel.behind[j]!;
      if (sel.dropped[j]! < 0) {
        expect(k).toBe(-1);
        continue;
      }
      const n = tallies[j]!.scores.length;
      expect(k).toBeGreaterThan(0);
      // It went on past the round that dropped j, and led every other move that did, over j's futures.
      expect(tallies[k]!.scores.length).toBeGreaterThan(n);
      expect(mean(k, n)).toBeGreaterThanOrEqual(mean(j, n));
      for (let i = 1; i < truth.length; i++) if (i !== k && tallies[i]!.scores.length > n) expect(mean(k, n)).toBeGreaterThanOrEqual(mean(i, n));
    }
  });
});

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
});
