export { BARGAINERS, makeBargainer } from './bargainers';
export { historicalPlayer } from './historical';
export { makeNegotiator } from './negotiator';
export { makePersona, makeSidePersona, personaFor } from './persona';
export { AI_VIEW, aiRng, type Ctx, type GameRun, nextMove, type Player, runGame, toMove } from './player';
export { randomPlayer } from './random';
export type { Alternative, Factor, Reasons } from './reasons';

import type { Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { BARGAINERS, makeBargainer } from './bargainers';
import { historicalPlayer } from './historical';
import { makeNegotiator } from './negotiator';
import { makeSidePersona } from './persona';
import type { Player } from './player';
import { randomPlayer } from './random';

export const PLAYER_KINDS = ['historical', 'persona', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat'] as const;
export type PlayerKind = (typeof PLAYER_KINDS)[number];

export function makePlayer(kind: PlayerKind, sc: Scenario, side: Side): Player {
  if (kind === 'historical') return historicalPlayer;
  if (kind === 'random') return randomPlayer;
  if (kind === 'negotiator') return makeNegotiator(sc, side);
  if (kind === 'boulware' || kind === 'conceder' || kind === 'hardliner' || kind === 'titfortat') return makeBargainer(sc, side, BARGAINERS[kind]);
  return makeSidePersona(sc, side);
}
export { type Comparison, compareWithHistory, HISTORY_SEED, historicalBaseline, type Verdict, verdict } from './baseline';
export { parseBranches, type SimStats, simulate, withBranches } from './simulate';
