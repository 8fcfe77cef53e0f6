export { BARGAINERS, makeBargainer } from './bargainers';
export { fidelityMargin, MARGIN_AT_HALF, withFidelity } from './fidelity';
export { historicalPlayer, makeHistoricalPlayer } from './historical';
export { fidelityIdle, isPlayerName, type PlayerName, type PlayerSpec, parsePlayerName, playerFor, playerNameArg, playerNames, playsFromViewAndDice, withFidelityName } from './names';
export { makeNegotiator } from './negotiator';
export { makePersona, makeSidePersona, personaFor } from './persona';
export { AI_VIEW, aiRng, type Ctx, type GameRun, nextMove, type Player, runGame, toMove } from './player';
export { randomPlayer } from './random';
export type { Alternative, Factor, Reasons } from './reasons';
export { LEVEL_BUDGET, makeSearchPlayer, SEARCH_LEVELS, type SearchLevel } from './search/index';

import type { Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { BARGAINERS, makeBargainer } from './bargainers';
import { makeHistoricalPlayer } from './historical';
import { makeNegotiator } from './negotiator';
import { makeSidePersona } from './persona';
import type { Player } from './player';
import { randomPlayer } from './random';

export const PLAYER_KINDS = ['historical', 'persona', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat'] as const;
export type PlayerKind = (typeof PLAYER_KINDS)[number];

export function makePlayer(kind: PlayerKind, sc: Scenario, side: Side): Player {
  if (kind === 'historical') return makeHistoricalPlayer();
  if (kind === 'random') return randomPlayer;
  if (kind === 'negotiator') return makeNegotiator(sc, side);
  if (kind === 'boulware' || kind === 'conceder' || kind === 'hardliner' || kind === 'titfortat') return makeBargainer(sc, side, BARGAINERS[kind]);
  return makeSidePersona(sc, side);
}
export { type Comparison, compareWithHistory, HISTORY_SEED, historicalBaseline, type Verdict, verdict } from './baseline';
export { parseBranches, type SimStats, simulate, withBranches } from './simulate';
