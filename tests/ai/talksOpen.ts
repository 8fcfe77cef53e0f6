// A game between personas up to the first turn Britain may give orders with talks open: where the
// search player's notes and answers are put to the test (searchNotes).
import { makePlayer, runGame } from '../../src/ai/index';
import { applyMove, compile, createGame, type GameState } from '../../src/engine/index';
import { negotiationOpen } from '../../src/engine/negotiation';
import type { Scenario } from '../../src/scenario/schema';

export function talksOpen(sc: Scenario, seed: string): GameState {
  const c = compile(sc);
  const run = runGame(sc, createGame(sc, seed, { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
  let s = createGame(sc, seed, { record: false });
  for (const m of run.moves) {
    if (negotiationOpen(c, s) && !s.pending.britain.length && s.orders.britain === null) return s;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  throw new Error('talks never opened');
}
