// The playouts' shortcuts change nothing: a playout player asked through the light view and the
// world's own state makes the very move it makes when asked through its full seat view, with the
// same dice after; and playMove (no legality check) gives the state applyMove gives.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, nextMove, toMove } from '../../src/ai/index';
import { personaPolicy, playoutMove } from '../../src/ai/search/playout';
import { applyMove, compile, createGame, playMove, sampleState, seatView, stateHash } from '../../src/engine/index';
import { openRng, seedRng } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('playouts in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const p = personaPolicy(sc);

  it('ask the personas for the moves, and apply them, exactly as a full game does', () => {
    for (let g = 0; g < 6; g++) {
      // Real games and games from sampled worlds (their states have no ledger, news or seed).
      let s = createGame(sc, `eq-${g}`, { record: g % 2 === 0 });
      if (g >= 4) s = sampleState(c, seatView(c, s, 'britain', AI_VIEW), openRng(seedRng(`w-${g}`)));
      const fast = { britain: openRng(seedRng(`b-${g}`)), ussr: openRng(seedRng(`u-${g}`)) };
      const full = { britain: openRng(seedRng(`b-${g}`)), ussr: openRng(seedRng(`u-${g}`)) };
      let moves = 0;
      while (!s.ended) {
        const side = SIDES.find(x => toMove(s, x))!;
        const m = playoutMove(p, s, side, fast[side]);
        expect(m).toEqual(nextMove(c, seatView(c, s, side, AI_VIEW), p.players[side], full[side]));
        expect(fast[side].state()).toEqual(full[side].state());
        const checked = applyMove(sc, s, m);
        if (!checked.ok) throw new Error(checked.error);
        const next = playMove(sc, s, m);
        expect(stateHash(next)).toBe(stateHash(checked.value));
        s = next;
        moves++;
      }
      expect(moves).toBeGreaterThan(20);
    }
  });
});
