export { runGame, nextMove, toMove, AI_VIEW, aiRng, type Player, type Ctx, type GameRun } from './player';
export { historicalPlayer } from './historical';
export { randomPlayer } from './random';
export { makePersona, makeSidePersona, personaFor } from './persona';
import type { Scenario } from '../scenario/schema';
import type { Side } from '../engine/vocab';
import { historicalPlayer } from './historical';
import { randomPlayer } from './random';
import { makeSidePersona } from './persona';
import type { Player } from './player';

export const PLAYER_KINDS = ['historical', 'persona', 'random'] as const;
export type PlayerKind = (typeof PLAYER_KINDS)[number];

export function makePlayer(kind: PlayerKind, sc: Scenario, side: Side): Player {
  if (kind === 'historical') return historicalPlayer;
  if (kind === 'random') return randomPlayer;
  return makeSidePersona(sc, side);
}
export { historicalBaseline, compareWithHistory, verdict, HISTORY_SEED, type Comparison, type Verdict } from './baseline';
export { simulate, withBranches, parseBranches, type SimStats } from './simulate';
