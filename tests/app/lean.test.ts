// Whether a minister leans on an issue: one rule for the board card's tooltip and the minister's
// dialog. They used 10 and 20, and in May 1932 the card said Rosengolts (stance 14 on the Soviet
// line toward London) leaned to "defy London" while his dialog called him undecided.
import { describe, expect, it } from 'vitest';
import { LEAN, leanOf } from '../../src/app/board';

const issue = { low: 'conciliate London', high: 'defy London' };

describe('leanOf', () => {
  it('gives the end a stance of 10 or more from the middle leans to, as the card always did', () => {
    expect(LEAN).toBe(10);
    expect(leanOf(14, issue)).toBe('defy London');
    expect(leanOf(-10, issue)).toBe('conciliate London');
    expect(leanOf(9.9, issue)).toBeNull();
    expect(leanOf(-9, issue)).toBeNull();
  });
});
