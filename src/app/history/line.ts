// A line of play rebuilt from what any machine can hold: scenario, seed, moves, the points where a
// continuation re-rolled the dice, and the events a teacher introduced (engine inject.ts) with
// where each fell. The share codes, the stored tree and the explorer's workers all come through
// here, so they rebuild exactly what the tree built. At a point k (after k moves) the re-roll and
// the injections of that point are part of the state: the next move is made in it.

import { copyState } from '../../engine/draft';
import type { GameOptions } from '../../engine/game';
import { applyMove, createGame, err, type GameState, type Injection, injectEvent, type Move, ok, type Result, SIDE_LABEL } from '../../engine/index';
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

/**
 * The state at point k of a line, from the state its first k moves led to: re-rolled if a re-roll
 * sits there (at 0 only when `first`: the start), with the injections given there queued. A refused
 * injection names itself and why.
 */
export function atPoint(sc: Scenario, line: Line, s: GameState, k: number): Result<GameState> {
  const seed = line.reseeds.find(r => r.at === k)?.seed;
  let out = seed !== undefined ? reseeded(s, seed) : s;
  for (const x of line.injected ?? []) {
    if (x.at !== k) continue;
    const r = injectEvent(sc, out, x.event);
    if (!r.ok) return err(`the teacher's introduction of "${x.event}" after move ${k} is refused: ${r.error}`);
    out = r.value;
  }
  return ok(out);
}

/** The injections of a line at point k (none for most lines). */
export const injectedAt = (line: Line, k: number): Injection[] => (line.injected ?? []).filter(x => x.at === k);

/** The first state of a line (before any move, re-rolled and injected if a re-roll or injection sits at 0). */
export function lineStart(sc: Scenario, line: Line, opts: GameOptions = {}): GameState {
  const r = atPoint(sc, line, createGame(sc, line.seed, opts), 0);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * Replay a line; `each` sees every state after a move (k = move index), before the next point's
 * re-roll or injections. A refusal names the move. The line must be for this scenario and version.
 */
export function replayLine(sc: Scenario, line: Line, opts: GameOptions = {}, each?: (s: GameState, k: number) => void): Result<GameState> {
  if (line.scenario !== sc.id) return err(`the line is for scenario "${line.scenario}", not "${sc.id}"`);
  if (line.scenarioVersion !== sc.version) return err(`the line is for version ${line.scenarioVersion} of scenario "${sc.id}"; this is version ${sc.version}`);
  const bad = checkInjected(line);
  if (bad) return err(bad);
  const first = atPoint(sc, line, createGame(sc, line.seed, opts), 0);
  if (!first.ok) return first;
  let s = first.value;
  for (let k = 0; k < line.moves.length; k++) {
    if (k > 0) {
      const p = atPoint(sc, line, s, k);
      if (!p.ok) return p;
      s = p.value;
    }
    const r = applyMove(sc, s, line.moves[k]!);
    if (!r.ok) return err(`move ${k + 1} (${describeKind(line.moves[k]!)}) is illegal: ${r.error}`);
    s = r.value;
    each?.(s, k);
  }
  return line.moves.length > 0 ? atPoint(sc, line, s, line.moves.length) : ok(s);
}

/** Why a line's injections are malformed (not in order, or off its path), or null. */
export function checkInjected(line: Line): string | null {
  let last = 0;
  for (const [k, x] of (line.injected ?? []).entries()) {
    if (typeof x?.event !== 'string' || !Number.isInteger(x.at)) return `the teacher's introduction ${k + 1} is not an event with a move number`;
    if (x.at < last || x.at > line.moves.length) return `the teacher's introduction ${k + 1} ("${x.event}") is placed after move ${x.at}, out of order or past the ${line.moves.length} moves`;
    last = x.at;
  }
  return null;
}

const describeKind = (m: Move): string => `${m.type === 'decide' ? `decision at ${m.event}` : 'orders'} by ${SIDE_LABEL[m.side]}`;
