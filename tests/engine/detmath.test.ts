// The engine's exp must agree with Math.exp to within rounding, yet be built only from exactly
// rounded operations, so every JS engine computes the same bits.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dexp, dexpRange, dhalfPow } from '../../src/engine/detmath';

/** dexp as first written, summing all 16 terms of the series: the early stop must give the same bits. */
function dexpFullSeries(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 700) return Infinity;
  if (x < -700) return 0;
  const k = Math.round(x * Math.LOG2E);
  const r = x - k * 0.6931471803691238 - k * 1.9082149292705877e-10;
  let term = 1,
    sum = 1;
  for (let i = 1; i <= 16; i++) {
    term = (term * r) / i;
    sum += term;
  }
  return sum * 2 ** k;
}

describe('deterministic exp', () => {
  it('stopping the series early gives the very bits of the whole series', () => {
    const xs = [0, -0, 1e-300, -1e-300, 1e-17, 5e-17, 1e-16, 0.34657359, -0.34657359, 0.3465736, -0.3465736, 699.9, -699.9, 700, -700];
    // Every r the reduction can give, densely, and random points over the whole range.
    for (let x = -20; x <= 20; x += 0.000731) xs.push(x);
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let j = 0; j < 200_000; j++) xs.push((rand() - 0.5) * 1400, (rand() - 0.5) * 10, (rand() - 0.5) * 1e-6);
    let differ = 0;
    for (const x of xs) if (!Object.is(dexp(x), dexpFullSeries(x))) differ++;
    expect(differ).toBe(0);
  });

  it('matches Math.exp to about 1e-15 relative over the range the engine uses and beyond', () => {
    let worst = 0;
    for (let x = -60; x <= 60; x += 0.0137) worst = Math.max(worst, Math.abs(dexp(x) - Math.exp(x)) / Math.exp(x));
    for (const x of [-700, -300.5, -1e-12, 0, 1e-12, 1, 2.5, 300.25, 700]) worst = Math.max(worst, Math.abs(dexp(x) - Math.exp(x)) / Math.exp(x));
    expect(worst).toBeLessThan(2e-15);
    expect(dexp(0)).toBe(1);
    expect(dexp(800)).toBe(Infinity);
    expect(dexp(-800)).toBe(0);
    expect(dexp(NaN)).toBeNaN();
  });

  it('dexpRange bounds dexp closely, and says nothing beyond 600 either way', () => {
    const out = new Float64Array(2);
    const xs = [0, -0, 1e-300, 0.34657359, -0.34657359, 0.3465736, -0.3465736, 599.9, -599.9];
    // Every r the reduction can give, densely, and random points over the range.
    for (let x = -40; x <= 40; x += 0.000917) xs.push(x);
    let seed = 11;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let j = 0; j < 100_000; j++) xs.push((rand() - 0.5) * 1199.8, (rand() - 0.5) * 30);
    let outside = 0,
      widest = 0;
    for (const x of xs) {
      dexpRange(x, out);
      const e = dexp(x);
      if (!(out[0]! <= e && e <= out[1]!)) outside++;
      widest = Math.max(widest, (out[1]! - out[0]!) / e);
    }
    expect(outside).toBe(0);
    // Close enough to be of use: 2e-5 of the value wide, no more.
    expect(widest).toBeLessThan(2.1e-5);
    for (const x of [600, -600, 1e6, -1e6, Number.NaN]) {
      dexpRange(x, out);
      expect([out[0], out[1]]).toEqual([0, Infinity]);
    }
  });

  it('0.5^y', () => {
    for (const y of [0, 0.1, 1, 2, 7.5, 30]) expect(Math.abs(dhalfPow(y) - 0.5 ** y) / 0.5 ** y).toBeLessThan(2e-15);
  });

  it('the engine uses no Math function whose last bit may differ between JS engines', () => {
    const offenders: string[] = [];
    // Every file under src/engine, its subfolders (the linkers) included.
    for (const f of readdirSync('src/engine', { recursive: true, encoding: 'utf8' }).filter(x => x.endsWith('.ts'))) {
      const src = readFileSync(`src/engine/${f}`, 'utf8');
      if (/Math\.(exp|pow|log|log2|log10|sin|cos|tan|atan|atan2|sqrt|cbrt|hypot|expm1|log1p|sinh|cosh|tanh)\(|[\w)\]] ?\*\* ?[\w(.-]/.test(src)) offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });
});
