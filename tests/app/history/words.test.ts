// A note's terms as history mode writes them inside a sentence (the diff's "Orders given differently",
// the divergence names): names keep their capitals, only a leading article drops its own. The
// computer opponent named at a game's end in the new-game screen's words.
import { describe, expect, it } from 'vitest';
import { opponentWords, termsText } from '../../../src/app/history/index';
import { compile } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';

describe('termsText', () => {
  it('keeps the capitals of names in 1932 term labels and lowers only a leading article', () => {
    const c = compile(loadScenarioFile('1932'));
    const all = Object.fromEntries(c.terms.map(t => [t.id, t.options[0]!.id]));
    const text = termsText(c, all);
    expect(text).toContain('the Lena Goldfields claim: ');
    expect(text).toContain('British shipping: ');
    expect(text).toContain('the balance of trade: ');
    expect(text).not.toMatch(/lena goldfields|british shipping/);
  });
});

describe('opponentWords', () => {
  it('names every kind of computer opponent as the new-game screen does, never a thinking one "at random"', () => {
    expect(opponentWords('persona')).toBe('the computer, playing to win');
    expect(opponentWords('historical')).toBe('the computer, following history');
    expect(opponentWords('negotiator')).toBe('the computer, bargaining');
    expect(opponentWords('search:1')).toBe('the computer, thinking ahead, strength 1');
    expect(opponentWords('search:3@0.5')).toBe('the computer, thinking ahead, strength 3');
    expect(opponentWords('random')).toBe('the computer, at random');
  });
});
