// The game's chance is keyed by what is rolled, not drawn in turn (src/engine/dice.ts): a roll is
// the same in every game with the same seed, turn and roll, whatever else was rolled before it.
// So games that part by a move keep their luck for the rest: what a player compares (paired games,
// a history branch against the trunk, the search's candidate moves) differs by the moves, not by
// the dice reshuffled.
import { describe, expect, it } from 'vitest';
import { Dice, ROLL } from '../../src/engine/dice';

import { seedRng } from '../../src/engine/rng';

describe('keyed dice', () => {
  const key = seedRng('dice');

  it('gives numbers in [0, 1) spread evenly over rolls and turns', () => {
    const d = new Dice(key);
    const tenths = new Array(10).fill(0);
    let sum = 0;
    for (let turn = 0; turn < 50; turn++)
      for (let k = 0; k < 400; k++) {
        const u = d.roll(turn, ROLL.linked | k);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        tenths[Math.floor(u * 10)]++;
        sum += u;
      }
    expect(sum / 20000).toBeGreaterThan(0.49);
    expect(sum / 20000).toBeLessThan(0.51);
    for (const n of tenths) expect(Math.abs(n - 2000)).toBeLessThan(150);
  });

  it('rolls the same for the same game, turn and roll, whatever was rolled before it in the move', () => {
    const first = new Dice(key).roll(7, ROLL.incident | 12);
    const other = new Dice(key);
    other.roll(7, ROLL.linked | 3);
    other.roll(7, ROLL.ratify | 0);
    expect(other.roll(7, ROLL.incident | 12)).toBe(first);
    // A roll made twice in one move takes the next number of its own sequence.
    expect(other.roll(7, ROLL.incident | 12)).not.toBe(first);
    // Another turn, another roll, another game's key: another number.
    expect(new Dice(key).roll(8, ROLL.incident | 12)).not.toBe(first);
    expect(new Dice(key).roll(7, ROLL.incident | 13)).not.toBe(first);
    expect(new Dice(seedRng('dice2')).roll(7, ROLL.incident | 12)).not.toBe(first);
  });
});
