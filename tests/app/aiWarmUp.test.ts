// The worker's warm-up (src/app/aiWarmUp.ts) changes no move: the same game, played by the same
// computer players with and without the warm-up run first, gives the same moves, dice and reasons,
// to the last number. Each run gets its own copy of the scenario, so that no per-scenario table one
// run built is shared with the other. Also: the warm-up's steps alternate the seats, a search seat
// gets its short slices, and a bad name is skipped rather than thrown (the real request says why).
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, type PlayerName, toMove } from '../../src/ai/index';
import { SEARCH_WARM_UP_STEPS, warmUpSteps } from '../../src/app/aiWarmUp';
import { type AiAnswer, AiPlayers } from '../../src/app/transport';
import { applyMove, compile, createGame, SIDES, seatView } from '../../src/engine/index';
import type { Side } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

const original = loadScenarioFile('1927');
const SEATS: Record<Side, PlayerName> = { britain: 'search:1', ussr: 'negotiator' };
const MOVES = 8;

/** The first MOVES answers of a game the players at SEATS play against each other, warmed up first or not. */
function play(warm: boolean): AiAnswer[] {
  const sc = structuredClone(original) as Scenario;
  if (warm) for (const step of warmUpSteps(sc, SEATS)) step();
  const c = compile(sc);
  const players = new AiPlayers(sc, SEATS);
  const dice = { britain: aiRng('7', 'britain').state(), ussr: aiRng('7', 'ussr').state() };
  let s = createGame(sc, '7');
  const answers: AiAnswer[] = [];
  while (answers.length < MOVES && !s.ended) {
    for (const side of SIDES) {
      if (!toMove(s, side)) continue;
      const r = players.ask(seatView(c, s, side, AI_VIEW), dice[side]);
      if (!r.ok) throw new Error(r.error);
      answers.push(r.value);
      dice[side] = r.value.rng;
      const next = applyMove(sc, s, r.value.move!);
      if (!next.ok) throw new Error(next.error);
      s = next.value;
    }
  }
  return answers;
}

describe('the computer players’ warm-up', () => {
  it('leaves every move, die and reason as it was', () => {
    const cold = play(false);
    const warm = play(true);
    expect(cold.length).toBeGreaterThanOrEqual(MOVES);
    // Reasons and notes are compared too, not only orders.
    expect(cold.filter(a => a.why).length).toBeGreaterThan(0);
    expect(warm).toEqual(cold);
  }, 120_000);

  it('takes the seats in turn, a search seat in several steps, and skips a name it does not know', () => {
    expect(warmUpSteps(original, { britain: 'search:4', ussr: 'persona' })).toHaveLength(SEARCH_WARM_UP_STEPS + 1);
    expect(warmUpSteps(original, { ussr: 'search:2@0.5' })).toHaveLength(SEARCH_WARM_UP_STEPS);
    expect(warmUpSteps(original, { britain: 'no such player' })).toHaveLength(0);
  });
});
