// A save is the scenario id and version, the seed and the move log, with the hash of the state
// it leads to. Loading replays every move; a save for another scenario or version, one with an
// illegal move, or one whose replay does not reach the recorded hash is refused with a reason.

import { applyMove, createGame } from './game';
import { stateHash } from './hash';
import type { ScenarioSetup as Scenario } from './setup';
import { err, type GameState, type Move, ok, type Result } from './types';

export const SAVE_FORMAT = 'anglo-soviet-diplomacy/save';

export interface Save {
  format: typeof SAVE_FORMAT;
  formatVersion: 1;
  scenario: string;
  scenarioVersion: number;
  seed: string;
  moves: Move[];
  /** Hash of the final state; replay must reach it. */
  hash: string;
}

export function makeSave(sc: Scenario, seed: string, moves: readonly Move[], final: GameState): Save {
  return { format: SAVE_FORMAT, formatVersion: 1, scenario: sc.id, scenarioVersion: sc.version, seed, moves: [...moves], hash: stateHash(final) };
}

/** Replay moves from the start; every state on the way is returned to the callback. */
export function replay(sc: Scenario, seed: string, moves: readonly Move[], each?: (s: GameState, k: number) => void): Result<GameState> {
  let s = createGame(sc, seed);
  each?.(s, -1);
  for (const [k, m] of moves.entries()) {
    const r = applyMove(sc, s, m);
    if (!r.ok) {
      const what = typeof m === 'object' && m !== null ? ` (${String(m.type)} by ${String(m.side)})` : '';
      return err(`move ${k + 1}${what} is illegal: ${r.error}`);
    }
    s = r.value;
    each?.(s, k);
  }
  return ok(s);
}

/** Check a parsed save file against a scenario and replay it; `each` sees every state on the way, as in replay. */
export function loadSave(sc: Scenario, data: unknown, each?: (s: GameState, k: number) => void): Result<{ save: Save; state: GameState }> {
  if (typeof data !== 'object' || data === null) return err('not a save file: expected a JSON object');
  const x = data as Partial<Save>;
  if (x.format !== SAVE_FORMAT) return err('not a save file of this game (format field missing or foreign)');
  if (x.formatVersion !== 1) return err(`save format version ${String(x.formatVersion)} is not supported`);
  if (x.scenario !== sc.id) return err(`the save is for scenario "${String(x.scenario)}", not "${sc.id}"`);
  if (x.scenarioVersion !== sc.version) return err(`the save is for version ${String(x.scenarioVersion)} of scenario "${sc.id}"; this is version ${sc.version}`);
  if (typeof x.seed !== 'string') return err('the save has no seed');
  if (!Array.isArray(x.moves)) return err('the save has no move list');
  if (typeof x.hash !== 'string') return err('the save has no final-state hash');
  const r = replay(sc, x.seed, x.moves as Move[], each);
  if (!r.ok) return err(`the save does not replay: ${r.error}`);
  const h = stateHash(r.value);
  if (h !== x.hash) return err(`the save has been altered: its moves lead to state ${h}, but it records ${x.hash}`);
  return ok({ save: x as Save, state: r.value });
}
