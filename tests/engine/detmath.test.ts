// The engine's exp must agree with Math.exp to within rounding, yet be built only from exactly
// rounded operations, so every JS engine computes the same bits.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dexp, dhalfPow } from '../../src/engine/detmath';

describe('deterministic exp', () => {
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
