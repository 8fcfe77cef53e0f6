// The explorer's trusted fast path (fastHistorical.ts) against the reference: game by game,
// playOut must reach exactly the state runGame reaches when every player is asked through its
// seat view, for the historical player on either side and against the others, from the start and
// from re-rolled points part-way; and for the bargaining players, which it makes once and asks in
// every continuation.
import { describe, expect, it } from 'vitest';
import { historicalPlayer, makePlayer, type PlayerKind, runGame } from '../../../src/ai/index';
import { AI_VIEW, aiRng, nextMove } from '../../../src/ai/player';
import { fastHistoricalMove, playOut } from '../../../src/app/history/fastHistorical';
import { reseeded } from '../../../src/app/history/index';
import { compile, createGame, type GameState, SIDES, seatView, stateHash } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';
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

  it('plays the bargaining players (one object per kind, kept across continuations) as runGame plays new ones, from the start and from points in the talks', () => {
    // The fast path makes each player once and asks it in every continuation: a player that kept
    // what it learnt in one game would carry it into the next. 1929, where the talks open.
    const sc = loadScenarioFile('1929');
    const kinds: { britain: PlayerKind; ussr: PlayerKind }[] = [
      { britain: 'conceder', ussr: 'boulware' },
      { britain: 'negotiator', ussr: 'titfortat' },
    ];
    let talks = 0;
    for (const k of kinds) {
      const fresh = () => ({ britain: makePlayer(k.britain, sc, 'britain'), ussr: makePlayer(k.ussr, sc, 'ussr') });
      const whole = runGame(sc, createGame(sc, 'memory/1', { record: false }), fresh(), false);
      expect(stateHash(playOut(sc, createGame(sc, 'memory/1', { record: false }), k))).toBe(stateHash(whole.state));
      // Points part-way through that game, re-rolled: played on by the kept players and by new ones.
      const points: GameState[] = [];
      runGame(sc, createGame(sc, 'memory/1', { record: false }), fresh(), false, st => points.push(st));
      for (const at of [points.length - 30, points.length - 60]) {
        const s0 = reseeded(points[at]!, `fast-talks-${at}`);
        if (s0.offers.length) talks++;
        const ref = runGame(sc, s0, fresh(), false).state;
        expect(stateHash(playOut(sc, s0, k)), `${k.britain} v ${k.ussr} from move ${at}`).toBe(stateHash(ref));
      }
    }
    expect(talks).toBeGreaterThanOrEqual(3);
  }, 300_000);

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
