// A persona keeps the numbers behind its last orders or decision in records and lists it fills in
// again at every move, and builds its reasons from them only when asked (persona.ts, `held`). A persona
// that has played a whole game must give, at every move, the very move and reasons a fresh
// persona gives at that move: nothing left from an earlier turn (its scored list, its ranking,
// its remembered worths of tested orders) may leak into a later one, and the reasons asked after
// a decision are the decision's.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePersona, nextMove, personaFor, toMove } from '../../src/ai/index';
import { applyMove, compile, createGame, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('a persona reused through a game of %s', id => {
  it('moves and explains itself as a fresh one would, move by move', () => {
    const sc = loadScenarioFile(id);
    const c = compile(sc);
    const kept = { britain: makePersona(personaFor(sc, 'britain')), ussr: makePersona(personaFor(sc, 'ussr')) };
    let s = createGame(sc, `held-${id}`);
    let moves = 0,
      orders = 0;
    for (let guard = 0; !s.ended && guard < 5000; guard++) {
      const side = SIDES.find(x => toMove(s, x))!;
      const view = seatView(c, s, side, AI_VIEW);
      const dice = aiRng(`held-${id}-${moves}`, side).state();
      const fresh = makePersona(personaFor(sc, side));
      const want = nextMove(c, view, fresh, openRng(dice))!;
      const got = nextMove(c, view, kept[side], openRng(dice))!;
      expect(got).toEqual(want);
      expect(kept[side].why!()).toEqual(fresh.why!());
      if (got.type === 'orders') orders++;
      const r = applyMove(sc, s, got);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
      moves++;
    }
    expect(s.ended).not.toBeNull();
    expect(orders).toBeGreaterThan(20);
  });
});
