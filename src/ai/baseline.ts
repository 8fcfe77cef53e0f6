// History as a baseline: the historical players on both sides, scored by the same rules as any
// game, so a result can be called better than, as, or worse than history. Chance can make even
// the historical players miss what happened (a cabinet vote may fail), so the baseline is the
// first seed "history-0", "history-1", ... whose game reproduces every recorded outcome.

import { compile } from '../engine/compile';
import { createGame } from '../engine/game';
import { type Score, score } from '../engine/scoring';
import type { GameState } from '../engine/types';
import type { BySide, Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { historicalPlayer } from './historical';
import { runGame } from './player';

export const HISTORY_SEED = 'history';
const TRIES = 200;

export interface Baseline {
  seed: string;
  state: GameState;
  scores: BySide<Score>;
  reproduced: boolean;
}

const cache = new WeakMap<Scenario, Baseline>();

export function historicalBaseline(sc: Scenario): Baseline {
  let b = cache.get(sc);
  if (b) return b;
  const c = compile(sc);
  const play = (seed: string) => runGame(sc, createGame(sc, seed), { britain: historicalPlayer, ussr: historicalPlayer }, false).state;
  let seed = `${HISTORY_SEED}-0`,
    state = play(seed),
    reproduced = false;
  for (let k = 0; k < TRIES; k++) {
    const sd = `${HISTORY_SEED}-${k}`;
    const st = k === 0 ? state : play(sd);
    if (c.outcomes.every(o => !o.historical || o.when(st))) {
      seed = sd;
      state = st;
      reproduced = true;
      break;
    }
  }
  b = { seed, state, reproduced, scores: { britain: score(c, state, 'britain'), ussr: score(c, state, 'ussr') } };
  cache.set(sc, b);
  return b;
}

export type Verdict = 'better than history' | 'as history' | 'worse than history';
export const verdict = (yours: number, history: number): Verdict => (Math.abs(yours - history) < 0.005 ? 'as history' : yours > history ? 'better than history' : 'worse than history');

export interface Comparison {
  side: Side;
  total: { yours: number; history: number; verdict: Verdict };
  objectives: { id: string; label: string; weight: number; yours: number; history: number; verdict: Verdict }[];
}

export function compareWithHistory(sc: Scenario, s: GameState, side: Side): Comparison {
  const mine = score(compile(sc), s, side);
  const hist = historicalBaseline(sc).scores[side];
  return {
    side,
    total: { yours: mine.total, history: hist.total, verdict: verdict(mine.total / 100, hist.total / 100) },
    objectives: mine.objectives.map((o, k) => {
      const h = hist.objectives[k]!.achieved;
      return { id: o.id, label: o.label, weight: o.weight, yours: o.achieved, history: h, verdict: verdict(o.achieved, h) };
    }),
  };
}
