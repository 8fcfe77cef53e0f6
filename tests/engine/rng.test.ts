import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { openRng, seedRng } from '../../src/engine/rng';

const draw = (seed: string, n: number) => {
  const r = openRng(seedRng(seed));
  return Array.from({ length: n }, () => r.next());
};

describe('seeded stream', () => {
  it('the same seed gives the same stream', () => {
    expect(draw('abc', 200)).toEqual(draw('abc', 200));
    expect(seedRng('abc')).toEqual(seedRng('abc'));
  });

  it("is seedrandom's alea, draw for draw, from a seed and from a stored state", () => {
    for (const seed of ['', 'abc', 'history', '1927', 'a much longer seed string with spaces']) {
      const ref = alea(seed, { state: true });
      const mine = openRng(seedRng(seed));
      for (let k = 0; k < 500; k++) expect(mine.next()).toBe(ref());
      const st = mine.state();
      expect(st).toEqual(ref.state());
      const ref2 = alea('', { state: st });
      const mine2 = openRng(st);
      for (let k = 0; k < 200; k++) expect(mine2.next()).toBe(ref2());
    }
  });

  it('different seeds give different streams', () => {
    expect(draw('abc', 10)).not.toEqual(draw('abd', 10));
    expect(draw('1', 10)).not.toEqual(draw('2', 10));
  });

  it('numbers lie in [0, 1) and look uniform', () => {
    const xs = draw('uniform', 20000);
    expect(xs.every(x => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const buckets = new Array(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    for (const b of buckets) {
      expect(b).toBeGreaterThan(1800);
      expect(b).toBeLessThan(2200);
    }
  });

  it('a state taken mid-stream continues it exactly, also after a JSON round trip', () => {
    const a = openRng(seedRng('round-trip'));
    for (let k = 0; k < 37; k++) a.next();
    const st = a.state();
    const b = openRng(st);
    const c = openRng(JSON.parse(JSON.stringify(st)));
    const fromA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(fromA);
    expect(Array.from({ length: 100 }, () => c.next())).toEqual(fromA);
  });

  it('taking the state does not disturb the stream, and opening a state twice replays it', () => {
    const a = openRng(seedRng('s'));
    const ref = openRng(seedRng('s'));
    const st0 = a.state();
    const x = [a.next(), a.next()];
    a.state();
    x.push(a.next());
    expect(x).toEqual([ref.next(), ref.next(), ref.next()]);
    const again = openRng(st0);
    expect([again.next(), again.next(), again.next()]).toEqual(x);
    // the saved state object is not mutated by drawing from a stream opened on it
    expect(st0).toEqual(seedRng('s'));
  });
});
