// The opponents history mode's branch dialogs offer are the new-game screen's, by its names: the
// bargainer and the search player too, the search player's strength making its name ('search:2'),
// and a saved game names that opponent as the new-game screen did.
import { describe, expect, it } from 'vitest';
import { SEARCH_LEVELS } from '../../src/ai/search/index';
import { opponentOptions } from '../../src/ui/dom/history/opponent';
import { DEFAULT_STRENGTH, OPPONENT_SUBS, OPPONENT_TITLES, opponentChoice, opponentName } from '../../src/ui/dom/opponents';
import { describeSides } from '../../src/ui/dom/title';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');

describe('the branch dialogs’ opponents', () => {
  it('are the new-game screen’s, titled as it titles them', () => {
    const options = opponentOptions(sc, 'ussr');
    expect(options.map(o => o[0])).toEqual(['persona', 'negotiator', 'search', 'historical', 'hotseat']);
    for (const [kind, title] of options) expect(title).toBe(OPPONENT_TITLES[kind]);
    expect(options.find(o => o[0] === 'negotiator')![2]).toBe(OPPONENT_SUBS.negotiator);
    expect(options.find(o => o[0] === 'search')![2]).toBe(OPPONENT_SUBS.search);
    // The persona's line names the side it plays.
    expect(options[0]![2]).toMatch(/^plays the Soviet Union to win/);
  });

  it('name the player picked, the search player by its strength, and read a name back', () => {
    for (const level of SEARCH_LEVELS) {
      expect(opponentName('search', level)).toBe(`search:${level}`);
      expect(opponentChoice(`search:${level}`)).toEqual({ kind: 'search', level });
    }
    // The strength belongs to the search player alone.
    expect(opponentName('negotiator', 2)).toBe('negotiator');
    expect(opponentName('hotseat', 4)).toBe('human');
    expect(opponentChoice('human')).toEqual({ kind: 'hotseat', level: DEFAULT_STRENGTH });
    expect(opponentChoice('historical')).toEqual({ kind: 'historical', level: DEFAULT_STRENGTH });
    // A fidelity does not change which opponent it is; a player no screen offers reads as the persona.
    expect(opponentChoice('search:1@0.5')).toEqual({ kind: 'search', level: 1 });
    expect(opponentChoice('random')).toEqual({ kind: 'persona', level: DEFAULT_STRENGTH });
  });

  it('are named in the saved games’ list as the new-game screen names them', () => {
    expect(describeSides({ sides: { britain: 'human', ussr: opponentName('search', 2) } })).toBe(`as Britain against ${OPPONENT_TITLES.search.replace(/^T/, 't')}, strength 2`);
    expect(describeSides({ sides: { britain: opponentName('negotiator', 3), ussr: 'human' } })).toBe('as the Soviet Union against the computer, bargaining');
  });
});
