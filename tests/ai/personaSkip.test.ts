// The persona does not work out the cabinet's chance for an order that cannot score above zero
// whatever that chance is (persona.ts, cannotBeat, asked with 0). That is sound only if every
// score such an order could have, at any chance from 0 to 1 and with the persona's own rounding,
// is at most the line it is asked with: checked here over numbers of every size the scores are
// made of, at lines at and below zero, and at bounds just either side of the line, where rounding
// could tip it. (The moves and the nearest miss are checked against the persona's rules worked out
// in full in personaReference.test.ts.)
import { describe, expect, it } from 'vitest';
import { cannotBeat } from '../../src/ai/persona';
import { openRng, seedRng } from '../../src/engine/rng';

describe('cannotBeat', () => {
  it('holds only when no chance from 0 to 1 gives a score above the nearest miss', () => {
    const rng = openRng(seedRng('cannot-beat'));
    // A number of random sign and of a size from 1e-6 to 1e4 (some exactly 0).
    const any = () => (rng.next() < 0.05 ? 0 : (rng.next() < 0.5 ? -1 : 1) * 10 ** (rng.next() * 10 - 6));
    let skipped = 0;
    for (let n = 0; n < 50000; n++) {
      const yes = any(),
        no = rng.next() < 0.1 ? yes : any(),
        lean2 = any(),
        cat = rng.next() < 0.5 ? 0 : any(),
        cost = Math.round(rng.next() * 3) * 0.4,
        dice = rng.next() * 0.6;
      const rest = lean2 + cat - cost + dice;
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
