// How a figure from playouts and its standard error read, in the browser and the terminal alike (both
// print reasons.ts's strings): the figure to as many places as its error, an error too small to show
// at two places as "<0.01" (never "± 0.00", which reads as a figure known exactly), a figure that rounds
// to nought without a sign, and a figure from one playout saying its noise is unread.
import { describe, expect, it } from 'vitest';
import { err, factorFigure, ptsFine, ptsSe } from '../../src/ai/reasons';
import { stripAnsi } from '../../src/cli/format';
import { reasonsLines } from '../../src/cli/reasons';

describe('a standard error as a reason prints it', () => {
  it('to one place, two under 0.05, and "<0.01" under 0.005 (nought included)', () => {
    expect(err(0.43)).toBe('0.4');
    expect(err(0.05)).toBe('0.1');
    expect(err(0.03)).toBe('0.03');
    expect(err(0.005)).toBe('0.01');
    expect(err(0.004)).toBe('<0.01');
    expect(err(0)).toBe('<0.01');
  });

  it('in a percentage: whole, one place under 0.5, "<0.1" under 0.05', () => {
    expect(err(4.2, 0)).toBe('4');
    expect(err(0.3, 0)).toBe('0.3');
    expect(err(0.04, 0)).toBe('<0.1');
  });
});

describe('a figure with its error', () => {
  it("keeps its error's places: an objective's share beside its total", () => {
    expect(ptsSe(8.46, 0.12, 'points')).toBe('+8.5 ± 0.1 points');
    // The share every future agreed on: not "+7.8 ± 0.00".
    expect(ptsSe(7.8, 0)).toBe('+7.80 ± <0.01');
    expect(ptsSe(-0.214, 0.002, 'points')).toBe('−0.21 ± <0.01 points');
    expect(ptsSe(-0.013, 0.02)).toBe('−0.01 ± 0.02');
  });

  it('rounds to nought without a sign', () => {
    expect(ptsSe(-0.001, 0.001)).toBe('0.00 ± <0.01');
    expect(ptsSe(-0.02, 0.4)).toBe('0.0 ± 0.4');
    expect(ptsFine(0.001)).toBe('0.00');
    expect(ptsFine(-0.03)).toBe('−0.03');
  });

  it('from one playout, says its noise is unread, at one place', () => {
    expect(ptsSe(6.123, Infinity, 'points')).toBe('+6.1 points (one playout: its noise unread)');
    expect(ptsSe(0.004, Infinity)).toBe('0.0 (one playout: its noise unread)');
  });

  it('the same in a factor, as the why panel and the terminal show it', () => {
    const f = { label: 'Keep MacDonald content (objective, weight 4 of 111)', weight: 4, value: -7.21, se: 0, sources: [] };
    expect(factorFigure(f)).toBe('−7.21 points (give or take <0.01)');
    const lines = reasonsLines({ summary: 'Britain on “X”: Y.', factors: [f], rejected: [] }, 1000, 10).map(stripAnsi);
    expect(lines.join('\n')).toContain('Keep MacDonald content (objective, weight 4 of 111): −7.21 points (give or take <0.01)');
  });
});
