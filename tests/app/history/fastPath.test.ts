// The explorer's trusted fast path (fastHistorical.ts) against the reference: game by game,
// playOut must reach exactly the state runGame reaches when every player is asked through its
// seat view, for the historical player on either side and against the others, from the start and
// from re-rolled points part-way.
import { describe, expect, it } from 'vitest';
import { historicalPlayer, makePlayer, type PlayerKind, runGame } from '../../../src/ai/index';
import { AI_VIEW, aiRng, nextMove } from '../../../src/ai/player';
import { fastHistoricalMove, playOut } from '../../../src/app/history/fastHistorical';
import { reseeded } from '../../../src/app/history/index';
import { compile, createGame, SIDES, seatView, stateHash } from '../../../src/engine/index';
import { sc1927 } from './helpers';

const make = (k: PlayerKind, side: 'britain' | 'ussr') => makePlayer(k, sc1927, side);

describe('the trusted fast path', () => {
  const pairs: [PlayerKind, PlayerKind][] = [
    ['historical', 'historical'],
    ['historical', 'persona'],
    ['persona', 'historical'],
    ['random', 'historical'],
  ];
  for (const [b, u] of pairs) {
    it(`plays ${b} v ${u} exactly as runGame does`, () => {
      for (let k = 0; k < 25; k++) {
        const s0 = createGame(sc1927, `fast-${b}-${u}-${k}`, { record: false });
        const ref = runGame(sc1927, s0, { britain: make(b, 'britain'), ussr: make(u, 'ussr') }, false).state;
        expect(stateHash(playOut(sc1927, s0, { britain: b, ussr: u }))).toBe(stateHash(ref));
      }
    });
  }

  it('chooses the move the historical player chooses from its view, in every state of many games', () => {
    const c = compile(sc1927);
    let checked = 0;
    for (let k = 0; k < 15; k++) {
      let s = reseeded(createGame(sc1927, 'fast-states', { record: false }), `fast-states-${k}`);
      runGame(sc1927, s, { britain: make('persona', 'britain'), ussr: make('random', 'ussr') }, false, st => {
        s = st;
        for (const side of SIDES) {
          const fast = fastHistoricalMove(c, st, side);
          const ref = st.ended || (!st.pending[side].length && st.orders[side] !== null) ? null : nextMove(c, seatView(c, st, side, AI_VIEW), historicalPlayer, aiRng(st.seed, side));
          expect(fast).toEqual(ref);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
