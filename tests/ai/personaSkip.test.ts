// The persona does not work out the cabinet's chance for an order that cannot score above zero
// whatever that chance is (persona.ts, cannotBeat, asked with 0). That is sound only if every
// score such an order could have, at any chance from 0 to 1 and with the persona's own rounding,
// is at most the line it is asked with: checked here over numbers of every size the scores are
// made of, at lines at and below zero, and at bounds just either side of the line, where rounding
// could tip it. (The moves and the nearest miss are checked against the persona's rules worked out
// in full in personaReference.test.ts.)
import { describe, expect, it } from 'vitest';
import { cannotBeat, cannotBeatWithin } from '../../src/ai/persona';
import { openRng, type Rng, seedRng } from '../../src/engine/rng';

/** One order's terms as the persona's orders loop adds them, drawn at random: each a number of random sign and of a size from 1e-6 to 1e4 (some exactly 0). */
function orderCase(rng: Rng) {
  const any = () => (rng.next() < 0.05 ? 0 : (rng.next() < 0.5 ? -1 : 1) * 10 ** (rng.next() * 10 - 6));
  const yes = any(),
    no = rng.next() < 0.1 ? yes : any(),
    lean2 = any(),
    cat = rng.next() < 0.5 ? 0 : any(),
    cost = Math.round(rng.next() * 3) * 0.4,
    dice = rng.next() * 0.6;
  return { yes, no, lean2, cat, cost, dice, rest: lean2 + cat - cost + dice };
}

describe('cannotBeat', () => {
  it('holds only when no chance from 0 to 1 gives a score above the nearest miss', () => {
    const rng = openRng(seedRng('cannot-beat'));
    let skipped = 0;
    for (let n = 0; n < 50000; n++) {
      const { yes, no, lean2, cat, cost, dice, rest } = orderCase(rng);
      const bound = Math.max(yes, no) + rest;
      // The line (never above zero): zero itself, the line the orders loop asks with; anywhere
      // below zero; or just above the bound, by a rounding step or two of numbers this size up to a
      // few times the persona's margin.
      const size = 1 + Math.abs(yes) + Math.abs(no) + Math.abs(rest);
      const r = rng.next();
      const near = r < 0.2 ? 0 : r < 0.4 ? -(10 ** (rng.next() * 8 - 4)) : bound + rng.next() * size * 10 ** -(8 + rng.next() * 8);
      if (near > 0 || !cannotBeat(yes, no, rest, near)) continue;
      skipped++;
      for (const pass of [0, 1, 0.5, rng.next(), rng.next(), 1 - 1e-16, 1e-16]) {
        // The persona's score, term by term in its order (persona.ts, orders).
        const score = yes * pass + no * (1 - pass) + lean2 + cat - cost + dice;
        expect(score, `yes ${yes} no ${no} rest ${rest} pass ${pass} near ${near}`).toBeLessThanOrEqual(near);
      }
    }
    expect(skipped).toBeGreaterThan(5000);
  });

  it('never holds for an order the chance could lift to the nearest miss', () => {
    // Approved worth 2, refused -5, the rest -1: at chance 1 the score is 1, above a miss at -0.5.
    expect(cannotBeat(2, -5, -1, -0.5)).toBe(false);
    expect(cannotBeat(-5, 2, -1, -0.5)).toBe(false);
    // With both worths at most -1 it scores at most -2 whatever the chance: below a miss at -1.5.
    expect(cannotBeat(-1, -3, -1, -1.5)).toBe(true);
    // No miss yet (the first order weighed): nothing is skipped.
    expect(cannotBeat(-100, -100, -100, Number.NEGATIVE_INFINITY)).toBe(false);
  });
});

describe('cannotBeatWithin', () => {
  it('holds only when no chance in its range gives a score above the line, and is cannotBeat over 0 to 1', () => {
    const rng = openRng(seedRng('cannot-beat-within'));
    let skipped = 0,
      onlyWithin = 0;
    for (let n = 0; n < 50000; n++) {
      const { yes, no, lean2, cat, cost, dice, rest } = orderCase(rng);
      // A range of chances: anywhere in 0..1, narrow (as logisticRange gives) or wide, or a point.
      const a = rng.next(),
        w = rng.next() < 0.5 ? 10 ** -(rng.next() * 16) : rng.next();
      const lo = rng.next() < 0.05 ? 0 : a * (1 - w),
        hi = rng.next() < 0.05 ? 1 : Math.min(1, lo + w);
      const size = 1 + Math.abs(yes) + Math.abs(no) + Math.abs(rest);
      const atHi = yes * hi + no * (1 - hi) + rest;
      const r = rng.next();
      const near = r < 0.3 ? 0 : r < 0.5 ? -(10 ** (rng.next() * 8 - 4)) : Math.min(0, atHi + rng.next() * size * 10 ** -(8 + rng.next() * 8));
      expect(cannotBeatWithin(yes, no, rest, 0, 1, near)).toBe(cannotBeat(yes, no, rest, near));
      if (!cannotBeatWithin(yes, no, rest, lo, hi, near)) continue;
      skipped++;
      if (!cannotBeat(yes, no, rest, near)) onlyWithin++;
      for (const t of [0, 1, 0.5, rng.next(), rng.next(), 1e-16, 1 - 1e-16]) {
        const pass = lo + (hi - lo) * t;
        // The persona's score, term by term in its order (persona.ts, orders).
        const score = yes * pass + no * (1 - pass) + lean2 + cat - cost + dice;
        expect(score, `yes ${yes} no ${no} rest ${rest} pass ${pass} in ${lo}..${hi} near ${near}`).toBeLessThanOrEqual(near);
      }
    }
    // It skips orders cannotBeat could not (a narrower range than 0 to 1 bounds the score lower).
    expect(skipped).toBeGreaterThan(5000);
    expect(onlyWithin).toBeGreaterThan(1000);
  });

  it('never holds for an order a chance in its range could lift above the line', () => {
    // Approved worth 2, refused -5, the rest -1: at chance 0.9 the score is 0.3 (above 0), at 0.7 it is -1.1.
    expect(cannotBeatWithin(2, -5, -1, 0.6, 0.9, 0)).toBe(false);
    expect(cannotBeatWithin(2, -5, -1, 0.6, 0.7, 0)).toBe(true);
    // The same with the worths the other way round: the low end of the range is the best.
    expect(cannotBeatWithin(-5, 2, -1, 0.1, 0.4, 0)).toBe(false);
    expect(cannotBeatWithin(-5, 2, -1, 0.3, 0.4, 0)).toBe(true);
  });
});
