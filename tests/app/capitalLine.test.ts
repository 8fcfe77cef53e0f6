// The top bar's political capital: the ceiling named ("3 (max 6)", not an unexplained "3/6"), and,
// once orders are ticked, what they leave, as the orders desk counts it.
import { describe, expect, it } from 'vitest';
import { capitalLine } from '../../src/app/selection';

describe('capitalLine', () => {
  it('names the ceiling when nothing is ticked', () => {
    expect(capitalLine(3, 0, 6, 3)).toEqual({ value: '3 (max\u00a06)', title: 'Political capital: 3 in hand, at most 6 (+3 a turn). Why did it move?' });
  });
  // On a phone (390 px) in 1929, with "× Protecting powers" beside it, the box wrapped "3 (max" over "6)".
  it('keeps the ceiling whole: a line may break only before "(max 6)"', () => {
    const { value } = capitalLine(3, 0, 6, 3);
    expect(value.split(' ')).toEqual(['3', '(max\u00a06)']);
  });
  it('gives what the ticked orders leave', () => {
    const l = capitalLine(3, 2, 6, 3);
    expect(l.value).toBe('1 left of 3');
    expect(l.title).toContain('the orders ticked cost 2, leaving 1');
  });
  it('never says less than nothing left, and counts whole points', () => {
    expect(capitalLine(2.6, 3, 6, 3).value).toBe('0 left of 2');
  });
});
