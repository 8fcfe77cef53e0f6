// The key above the cabinet cards (the side's negotiation issue: its label and its two ends) is
// shown all game, and must read right after what it is about has happened: 1929's read "Conditions
// for renewing relations" and "renew relations quickly" after the ambassadors were exchanged, 1927's
// "keep relations" after the break, 1932's "denounce it" after notice was given. Each is taken from
// the board model at the start and after the turn, in a game of the historical players.
import { describe, expect, it } from 'vitest';
import { historicalPlayer, runGame } from '../../src/ai/index';
import { boardModel } from '../../src/app/board';
import { compile, createGame, type GameState, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

/** Each scenario's turning point, a seed whose historical game reaches it, and words that would be stale after it. */
const CASES = [
  { id: '1927', seed: 'history', what: 'relations broken off', after: (_c: unknown, s: GameState) => s.relations === 'ruptured', stale: [/^keep relations$/, /^break relations$/] },
  { id: '1929', seed: '1', what: 'ambassadors exchanged', flag: 'ambassadorsExchanged', stale: [/\brenew/i, /keep the break/] },
  { id: '1932', seed: 'history', what: 'notice given', flag: 'noticeGiven', stale: [/^denounce it$/] },
] as const;

describe("the cabinet key reads right before and after the issue's turning point", () => {
  for (const k of CASES)
    it(`${k.id}: before and after ${k.what}`, () => {
      const sc = loadScenarioFile(k.id);
      const c = compile(sc);
      const turned = (s: GameState) => ('flag' in k ? s.flags[c.flagIndex.get(k.flag)!]! > 0 : k.after(c, s));
      let after: GameState | null = null;
      runGame(sc, createGame(sc, k.seed), { britain: historicalPlayer, ussr: historicalPlayer }, false, s => {
        if (!after && turned(s)) after = s;
      });
      expect(after, `the historical game of seed ${k.seed} reaches it`).not.toBeNull();
      for (const s of [createGame(sc, k.seed), after!]) {
        const key = boardModel(c, seatView(c, s, 'britain')).issues.britain;
        expect(key.label.length).toBeGreaterThan(0);
        for (const words of [key.label, key.low, key.high]) for (const w of k.stale) expect(words).not.toMatch(w);
      }
    });
});
