// The title screen's saved games say who played: the side in a sentence ("the Soviet Union") and the
// opponent by the name the new-game screen gave it, not "the computer" whatever it was.
import { describe, expect, it } from 'vitest';
import { describeSides, opponentText } from '../../src/ui/dom/title';

describe('describeSides', () => {
  it('names the side in a sentence and the opponent as the new-game screen did', () => {
    expect(describeSides({ sides: { britain: 'search:2', ussr: 'human' } })).toBe('as the Soviet Union against the computer, thinking ahead, strength 2');
    expect(describeSides({ sides: { britain: 'human', ussr: 'historical' } })).toBe('as Britain against the computer, as history');
    expect(describeSides({ sides: { britain: 'human', ussr: 'persona' } })).toBe('as Britain against the computer');
    expect(describeSides({ sides: { britain: 'human', ussr: 'human' } })).toBe('two players');
  });
  it('adds how far a computer is held to history, and words other players as the explorer does', () => {
    expect(opponentText('negotiator@0.5')).toBe('the computer, bargaining, held partly to history');
    expect(opponentText('random')).toBe('the computer, at random (any legal move)');
  });
});
