// A note's terms as history mode writes them inside a sentence (the diff's "Orders given differently",
// the divergence names): names keep their capitals, only a leading article drops its own. Each
// computer player named in words (a game's end, the tree's cards), never a thinking one "at random".
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../../src/ai/index';
import { playerText, termsText } from '../../../src/app/history/index';
import { diceText } from '../../../src/app/history/words';
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

describe('playerText', () => {
  it('names every kind of computer player in words, a thinking one by its strength, never "at random"', () => {
    expect(playerText('persona')).toBe('the computer, playing to win with the lead’s known leanings');
    expect(playerText('negotiator')).toBe('the computer, bargaining over every package');
    expect(playerText('search:1')).toBe('the computer, thinking ahead, strength 1');
    expect(playerText('search:3@0.5')).toBe('the computer, thinking ahead, strength 3, held partly to history (fidelity 0.5)');
    expect(playerText('random')).toBe('the computer, at random (any legal move)');
    expect(playerText('human')).toBe('a person');
  });
});

describe('diceText', () => {
  it('names history’s seed as history’s dice, never by its internal name, and any other by its number', () => {
    const sc = loadScenarioFile('1927');
    const seed = historicalBaseline(sc).seed;
    expect(diceText(sc, seed)).toBe('on history’s own dice');
    expect(diceText(sc, '55')).toBe('game number 55');
  });
});
