// The computer's reasons in the terminal: a set of orders that answers a note says why it answered
// so (the note's share in the other cabinet and its worth), not only why the orders as a whole won.
import { describe, expect, it } from 'vitest';
import type { Reasons } from '../../src/ai/reasons';
import { stripAnsi } from '../../src/cli/format';
import { reasonsLines } from '../../src/cli/reasons';

const answers: Reasons = {
  summary:
    'The Soviet Union refuses note 1: as its own reading of the note says, and its playouts of the whole turn did not change that. Maxim Litvinov (Soviet Union) refuses note 1: 0% of the Politburo would ratify it.',
  factors: [{ label: 'Worth of note 1 by the terms’ values (it needs 0 or more)', weight: 1, value: -185, sources: ['thesis L14669-14676'] }],
  rejected: [{ label: 'Accept note 1', score: -185, why: '0% of the Politburo would ratify it' }],
};
const plain = (lines: string[]) => lines.map(stripAnsi).join('\n').replace(/\s+/g, ' ');

describe('reasons in the terminal', () => {
  it("print the answer's own reasons after those of the orders it went with", () => {
    const orders: Reasons = {
      summary:
        "Soviet Union's orders: Cut machinery imports and refuse note 1. It played 8 possible futures from here: this move averages 68.7 of 100 (give or take 1.0). The best alternative, dropping “Cut machinery imports”, did as well over the 8 futures both were played in, so this move stands.",
      factors: [],
      rejected: [{ label: 'Dropping “Cut machinery imports”', score: 68.7, why: 'no better or worse than the move made (give or take 1.0) over the 8 futures both were played in' }],
      answers,
    };
    const text = plain(reasonsLines(orders, 100));
    // Shown with ’ whatever quotes the reasons were written with (shownReasons).
    expect(text).toContain('Why: Soviet Union’s orders:');
    expect(text).toContain('Why: The Soviet Union refuses note 1: as its own reading of the note says');
    expect(text).toContain('Worth of note 1 by the terms’ values (it needs 0 or more): −185.0 points [the thesis, line');
    expect(text.indexOf('orders:')).toBeLessThan(text.indexOf('refuses note 1: as'));
  });

  it('say them once when the summary already holds them (the persona and the negotiator)', () => {
    const persona: Reasons = { summary: `Maxim Litvinov (Soviet Union) orders nothing. ${answers.summary}`, factors: answers.factors, rejected: answers.rejected, answers };
    const text = plain(reasonsLines(persona, 100));
    expect(text.split('refuses note 1: as its own reading').length).toBe(2);
  });
});
