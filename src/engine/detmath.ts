// Deterministic exp. ECMAScript does not fix Math.exp or Math.pow to the last bit, so two JS
// engines may round them differently; +, -, * and / are exactly rounded everywhere. This exp uses
// only those, so a game plays to the same last number in Node and in any browser.

const LN2_HI = 0.6931471803691238; // ln 2 split so that k * LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const LIMIT = 700;

/** Powers of two built by doubling and halving, which are exact. */
const POW2: number[] = [];
const POW2_NEG: number[] = [];
for (let k = 0, p = 1, q = 1; k <= 1024; k++, p *= 2, q /= 2) {
  POW2.push(p);
  POW2_NEG.push(q);
}

/** e^x, accurate to about 2 ulp on [-700, 700] (0 and Infinity beyond). */
export function dexp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > LIMIT) return Infinity;
  if (x < -LIMIT) return 0;
  // x = k ln2 + r with |r| <= ln2/2; e^r by its Taylor series, then scale by 2^k.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let term = 1,
    sum = 1;
  for (let i = 1; i <= 16; i++) {
    term = (term * r) / i;
    // The rest of the series cannot change the sum: e^r lies in [0.7, 1.42], where half the gap
    // between two doubles is at least 2^-54, and every later term is smaller than this one, so
    // adding it (or any after it) rounds back to `sum`. Stopping gives the same bits, sooner.
    if (term < SERIES_END && term > -SERIES_END) break;
    sum += term;
  }
  return k >= 0 ? sum * POW2[k]! : sum * POW2_NEG[-k]!;
}

/** 2^-54: a term smaller than this leaves a sum in [0.5, 2) as it is (see dexp). */
const SERIES_END = 5.551115123125783e-17;

/** 0.5^y for y >= 0. */
export const dhalfPow = (y: number): number => dexp(-y * 0.6931471805599453);

/**
 * Bounds on dexp(x) without its series, for a caller that needs only to know where e^x lies (the
 * persona skips an order whose score is below zero anywhere in the range its chance can take):
 * e^x = 2^k e^r as dexp splits it, and e^r by five terms of its series, whose error (under
 * r^6/720 e^|r|, 5e-6 of e^r) is widened to 1e-5 either way, which also covers dexp's own rounding.
 * Writes the least into out[0] and the most into out[1]; for |x| of 600 or more (or NaN), 0 and
 * Infinity. tests/engine/detmath.test.ts checks dexp lies within them.
 */
export function dexpRange(x: number, out: Float64Array): void {
  if (!(x > -600 && x < 600)) {
    out[0] = 0;
    out[1] = Infinity;
    return;
  }
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  const er = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r / 120))));
  const e = k >= 0 ? er * POW2[k]! : er * POW2_NEG[-k]!;
  out[0] = e * (1 - 1e-5);
  out[1] = e * (1 + 1e-5);
}
