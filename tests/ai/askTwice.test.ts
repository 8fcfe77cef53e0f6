// A computer player asked twice at the same moment, with the same view and the same dice, makes
// the same move. Players learn as a game goes on (the negotiator's model of the other cabinet),
// but what they have learned must be a function of the views they were shown, not of how many
// times they were asked: the secrecy property asks each player twice, and a share code remakes the
// computer's moves by asking again. Found by the secrecy property: the negotiator's model forgot
// the replies it had taken in when intelligence read the other cabinet a second time in one turn.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, PLAYER_KINDS, toMove } from '../../src/ai/index';
import { compile, type GameState, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { playTo } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

describe('a computer player asked twice', () => {
  it('gives the same move (1927, the negotiator against the Conceder, where it once did not)', () => {
    const sc = loadScenarioFile('1927');
    const c = compile(sc);
    const seed = 'SEED<%y xv#>';
    const players = { britain: makePlayer('negotiator', sc, 'britain'), ussr: makePlayer('conceder', sc, 'ussr') };
    const s = playTo(sc, seed, players, 64);
    expect(toMove(s, 'britain')).toBe(true);
    const ask = (st: GameState) => nextMove(c, seatView(c, st, 'britain', AI_VIEW), players.britain, openRng(aiRng(seed, 'britain').state()));
    const first = ask(s);
    expect(ask(s)).toEqual(first);
    expect(ask(s)).toEqual(first);
  }, 120_000);

  it.each(['1929', '1932'])(
    'gives the same move, every kind of player in every seat, in %s',
    id => {
      const sc = loadScenarioFile(id);
      const c = compile(sc);
      for (const kind of PLAYER_KINDS) {
        for (const stop of [30, 70]) {
          const players = { britain: makePlayer(kind, sc, 'britain'), ussr: makePlayer(kind, sc, 'ussr') };
          const seed = `twice/${kind}/${stop}`;
          const s = playTo(sc, seed, players, stop);
          for (const side of SIDES) {
            if (!toMove(s, side)) continue;
            const ask = () => nextMove(c, seatView(c, s, side, AI_VIEW), players[side], openRng(aiRng(seed, side).state()));
            const first = ask();
            expect(ask(), `${kind} as ${side} at move ${stop}`).toEqual(first);
          }
        }
      }
    },
    300_000,
  );
});
