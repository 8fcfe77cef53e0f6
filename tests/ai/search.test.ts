// The search player: whole games of legal moves in every scenario and seat, the same game from the
// same seed, and moves that depend on nothing its seat may not know (every hidden thing altered).
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove, runGame, toMove } from '../../src/ai/index';
import { compile, createGame, type GameState, seatView, stateHash } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { SIDES, type Side } from '../../src/engine/vocab';
import { perturb, playTo } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('the search player in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const seatOf: Side = id === '1929' ? 'ussr' : 'britain';
  const other: Side = seatOf === 'britain' ? 'ussr' : 'britain';

  it('plays a whole game of legal moves, and the same game again from the same seed', () => {
    const play = () =>
      runGame(sc, createGame(sc, `search-${id}`, { record: false }), { [seatOf]: makeSearchPlayer(sc, seatOf, 1), [other]: makePlayer('persona', sc, other) } as Record<
        Side,
        ReturnType<typeof makePlayer>
      >);
    const a = play(); // runGame throws on an illegal move
    expect(a.state.ended).not.toBeNull();
    expect(a.moves.filter(m => m.side === seatOf).length).toBeGreaterThan(10);
    const b = play();
    expect(b.moves).toEqual(a.moves);
    expect(stateHash(b.state)).toBe(stateHash(a.state));
  }, 120_000);

  it('makes the same move, for the same reasons, whatever its seat may not know', () => {
    const rnd = alea(`hidden-${id}`);
    const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') };
    let asked = 0;
    for (const stop of [0, 9, 40, 90]) {
      const s: GameState = playTo(sc, `hidden-${stop}`, players, stop);
      for (const seat of SIDES) {
        if (!toMove(s, seat)) continue;
        const ask = (st: GameState) => {
          const p = makeSearchPlayer(sc, seat, 1);
          return { move: nextMove(c, seatView(c, st, seat, AI_VIEW), p, openRng(aiRng('hidden', seat).state())), why: p.why?.() };
        };
        const mine = ask(s);
        for (let k = 0; k < 2; k++) expect(ask(perturb(c, s, seat, rnd))).toEqual(mine);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(2);
  }, 120_000);
});
