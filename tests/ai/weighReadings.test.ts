// The search may weigh its moves against the other side read two ways at once (search/index.ts: a
// side that bargains, whose answers to our notes its notes do not tell): world j of a decision is
// played out by the j-th reading in turn, in the very worlds either reading alone would draw, so
// every candidate meets each reading in the same worlds.
import { describe, expect, it } from 'vitest';
import { aiRng, makeHistoricalPlayer, toMove } from '../../src/ai/index';
import { makeSidePersona } from '../../src/ai/persona';
import { orderCandidates } from '../../src/ai/search/candidates';
import { LEVEL_BUDGET } from '../../src/ai/search/index';
import { type Policy, personaPolicy, playoutMove } from '../../src/ai/search/playout';
import { weigh } from '../../src/ai/search/weigh';
import { compile, createGame, playMove, seatState, seatView } from '../../src/engine/index';
import { openRng, seedRng } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe('weighing against two readings of the other side (1929, Britain)', () => {
  const sc = loadScenarioFile('1929');
  const c = compile(sc);
  const persona = personaPolicy(sc);
  const history: Policy = { ...persona, players: { ...persona.players, ussr: makeHistoricalPlayer() } };
  // A position some moves in, with Britain to give its orders.
  let s = createGame(sc, 'two-readings', { record: false });
  for (let k = 0; k < 10 || !(toMove(s, 'britain') && s.pending.britain.length === 0); k++) {
    const side = SIDES.find(x => toMove(s, x))!;
    s = playMove(sc, s, playoutMove(persona, s, side, openRng(seedRng(`m-${k}`))));
  }
  const view = seatView(c, s, 'britain');
  const ctx = { c, side: 'britain' as const, view, state: seatState(view), rng: aiRng('two-readings', 'britain') };
  const moves = orderCandidates(ctx, makeSidePersona(sc, 'britain'), 4).map(x => x.move);
  const weighed = (p: Policy | readonly Policy[]) => weigh(p, view, moves, openRng(seedRng('two-readings-worlds')), LEVEL_BUDGET[2]);

  it('plays world j by reading j mod 2: the default move meets the persona in the even worlds and history in the odd', () => {
    expect(moves.length).toBeGreaterThan(2);
    const both = weighed([persona, history]).tallies[0]!.scores;
    const byPersona = weighed(persona).tallies[0]!.scores;
    const byHistory = weighed(history).tallies[0]!.scores;
    expect(both.length).toBe(byPersona.length);
    expect(both).toEqual(both.map((_, j) => (j % 2 === 0 ? byPersona : byHistory)[j]));
    // The readings part somewhere, or the test would show nothing.
    expect(byPersona.some((x, j) => x !== byHistory[j])).toBe(true);
  });

  it('weighs with one reading exactly as with that reading alone', () => {
    expect(weighed([persona])).toEqual(weighed(persona));
  });
});
