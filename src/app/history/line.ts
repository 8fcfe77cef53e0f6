// A line of play rebuilt from what any machine can hold: scenario, seed, moves, and the points
// where a continuation re-rolled the dice. The share codes, the stored tree and the explorer's
// workers all come through here, so they rebuild exactly what the tree built.

import { copyState } from '../../engine/draft';
import type { GameOptions } from '../../engine/game';
import { applyMove, createGame, err, type GameState, type Move, ok, type Result, SIDE_LABEL } from '../../engine/index';
import { seedRng } from '../../engine/rng';
import type { Scenario } from '../../scenario/schema';
import type { Line } from './types';

/**
 * A state whose future dice are a new seed's: the seed and the rng are both replaced, so the
 * computer players seeded from the game's seed re-roll too. Nothing of the past changes.
 */
export function reseeded(s: GameState, seed: string): GameState {
  // copyState, not a spread: every state keeps the one object shape the engine is fast with.
  const next = copyState(s);
  next.seed = seed;
  next.rng = seedRng(seed);
  return next;
}

/** The first state of a line (before any move, re-rolled if a re-roll sits at 0). */
export function lineStart(sc: Scenario, line: Line, opts: GameOptions = {}): GameState {
  const s = createGame(sc, line.seed, opts);
  const r0 = line.reseeds.find(r => r.at === 0);
  return r0 ? reseeded(s, r0.seed) : s;
}

/**
 * Replay a line; `each` sees every state after a move (k = move index). A refusal names the move.
 * The line must be for this scenario and version.
 */
export function replayLine(sc: Scenario, line: Line, opts: GameOptions = {}, each?: (s: GameState, k: number) => void): Result<GameState> {
  if (line.scenario !== sc.id) return err(`the line is for scenario "${line.scenario}", not "${sc.id}"`);
  if (line.scenarioVersion !== sc.version) return err(`the line is for version ${line.scenarioVersion} of scenario "${sc.id}"; this is version ${sc.version}`);
  let s = lineStart(sc, line, opts);
  const at = new Map(line.reseeds.map(r => [r.at, r.seed]));
  for (let k = 0; k < line.moves.length; k++) {
    const seed = k > 0 ? at.get(k) : undefined;
    if (seed !== undefined) s = reseeded(s, seed);
    const r = applyMove(sc, s, line.moves[k]!);
    if (!r.ok) return err(`move ${k + 1} (${describeKind(line.moves[k]!)}) is illegal: ${r.error}`);
    s = r.value;
    each?.(s, k);
  }
  const end = at.get(line.moves.length);
  if (end !== undefined && line.moves.length > 0) s = reseeded(s, end);
  return ok(s);
}

const describeKind = (m: Move): string => `${m.type === 'decide' ? `decision at ${m.event}` : 'orders'} by ${SIDE_LABEL[m.side]}`;
