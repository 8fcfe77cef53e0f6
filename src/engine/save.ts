// A save is the scenario id and version, the seed and the move log, with the hash of the state
// it leads to. Loading replays every move; a save for another scenario or version, one with an
// illegal move, or one whose replay does not reach the recorded hash is refused with a reason. On
// request a save of an earlier version is taken if its moves still replay under the new rules.
// A classroom save may also list the teacher's injected events with where in the move log each
// fell (inject.ts); replay applies each at that place. Format 1 numbered notes in one series for
// both sides; its saves are read by renumbering their moves (renumber.ts) and checked against the
// hash their state had in that numbering.

import { applyMove, createGame } from './game';
import { stateHash } from './hash';
import { type Injection, injectEvent } from './inject';
import { sideLabel } from './labels';
import { legacyHash, renumberMove } from './renumber';
import type { ScenarioSetup as Scenario } from './setup';
import { err, type GameState, type Move, ok, type Result } from './types';

export const SAVE_FORMAT = 'anglo-soviet-diplomacy/save';

/** 2 since each side numbers its own notes (format 1 saves are renumbered when read). */
export const SAVE_VERSION = 2;

export interface Save {
  format: typeof SAVE_FORMAT;
  formatVersion: typeof SAVE_VERSION;
  scenario: string;
  scenarioVersion: number;
  seed: string;
  moves: Move[];
  /** The teacher's injected events, in the order given (absent when there were none). */
  injected?: Injection[];
  /** Hash of the final state; replay must reach it. */
  hash: string;
}

export function makeSave(sc: Scenario, seed: string, moves: readonly Move[], final: GameState, injected: readonly Injection[] = []): Save {
  const save: Save = { format: SAVE_FORMAT, formatVersion: SAVE_VERSION, scenario: sc.id, scenarioVersion: sc.version, seed, moves: [...moves], hash: stateHash(final) };
  if (injected.length) save.injected = injected.map(x => ({ event: x.event, at: x.at }));
  return save;
}

/** Replay moves from the start; every state on the way is returned to the callback. */
export function replay(sc: Scenario, seed: string, moves: readonly Move[], each?: (s: GameState, k: number) => void, injected: readonly Injection[] = []): Result<GameState> {
  return replayMoves(sc, seed, moves, injected, each);
}

/**
 * Replay moves stored when notes were numbered in one series for both sides (save format 1, and
 * the stores of the same age): each is renumbered in the state it is made in (renumber.ts). Gives
 * the moves as they are numbered now, the final state and the hash it had in the old numbering.
 */
export function replayRenumbered(
  sc: Scenario,
  seed: string,
  moves: readonly Move[],
  injected: readonly Injection[] = [],
  each?: (s: GameState, k: number) => void,
): Result<{ moves: Move[]; state: GameState; oldHash: string }> {
  const out: Move[] = [];
  const r = replayMoves(sc, seed, moves, injected, each, (s, m) => {
    const t = renumberMove(s, m);
    if (t.ok) out.push(t.value);
    return t;
  });
  return r.ok ? ok({ moves: out, state: r.value, oldHash: legacyHash(r.value) }) : r;
}

function replayMoves(
  sc: Scenario,
  seed: string,
  moves: readonly Move[],
  injected: readonly Injection[],
  each?: (s: GameState, k: number) => void,
  renumber?: (s: GameState, m: Move) => Result<Move>,
): Result<GameState> {
  let s = createGame(sc, seed);
  each?.(s, -1);
  let j = 0;
  // The injections given when `at` moves had been made go in before move `at`.
  const injectUpTo = (k: number): Result<GameState> => {
    for (; j < injected.length && injected[j]!.at <= k; j++) {
      const x = injected[j]!;
      const r = injectEvent(sc, s, x.event);
      if (!r.ok) return err(`the teacher's injection ${j + 1} (${x.event}, after move ${x.at}) is refused: ${r.error}`);
      s = r.value;
    }
    return ok(s);
  };
  for (const [k, old] of moves.entries()) {
    const before = injectUpTo(k);
    if (!before.ok) return before;
    const t = renumber ? renumber(s, old) : ok(old);
    const m = t.ok ? t.value : old;
    const r = t.ok ? applyMove(sc, s, m) : t;
    if (!r.ok) {
      const what = typeof m === 'object' && m !== null ? ` (${m.type === 'decide' ? 'decision' : String(m.type)} by ${sideLabel(m.side)})` : '';
      return err(`move ${k + 1}${what} is illegal: ${r.error}`);
    }
    s = r.value;
    each?.(s, k);
  }
  return injectUpTo(moves.length);
}

/** A save's injections, checked for shape (each then replays through injectEvent, which checks the rest). */
function readInjected(x: unknown, moves: number): Result<Injection[]> {
  if (x === undefined) return ok([]);
  if (!Array.isArray(x)) return err("the save's injected events are not a list");
  const out: Injection[] = [];
  for (const [k, y] of x.entries()) {
    const o = y as Partial<Injection> | null;
    if (typeof o !== 'object' || o === null || typeof o.event !== 'string' || !Number.isInteger(o.at)) return err(`the save's injected event ${k + 1} is not an event id with a move number`);
    const at = o.at as number;
    if (at < (out[k - 1]?.at ?? 0) || at > moves) return err(`the save's injected event ${k + 1} (${o.event}) is placed after move ${at}, out of order or past the ${moves} moves`);
    out.push({ event: o.event, at });
  }
  return ok(out);
}

/** A save whose moves do not reach the state it records: plain words first, the two hashes after for a bug report. */
const altered = (reached: string, recorded: string) => `the file has been altered or damaged since it was saved: its moves do not lead to the game it records (state ${reached}, recorded ${recorded})`;

/**
 * A save file's text as JSON, or why it is not a save: the one reading the browser's Load and the
 * terminal's --load share, so an empty file is called empty, not "not JSON (Unexpected end of JSON input)".
 */
export function parseSaveText(text: string): Result<unknown> {
  if (text.trim() === '') return err('not a save file: the file is empty');
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return err(`not a save file: it is not JSON (${(e as Error).message})`);
  }
}

/** How a save (or a branch, a code) made with another version of a scenario is named in every refusal and notice. */
export const versionWords = (what: string, id: string, made: unknown, now: number) => `${what} was made with the ${id} scenario version ${String(made)}; this game has version ${now}`;

export interface LoadOptions {
  /**
   * Take a save of an earlier version of the scenario if every move still replays under this
   * version's rules (refused, naming the move and why, if one does not). Its recorded hash was
   * reached under the old rules, so it cannot be checked; `madeWith` says the load was of this kind.
   */
  earlier?: boolean;
}

export interface Loaded {
  save: Save;
  state: GameState;
  /** The earlier version the save was made with, when it was taken under this version's rules. */
  madeWith?: number;
}

/**
 * A parsed save of format 1 as a save of now: its moves renumbered and its hash checked in the old
 * numbering (loadSave does both); any other data as it is. For a reader that looks at the moves.
 */
export function upgradeSave(sc: Scenario, data: unknown, opts: LoadOptions = {}): Result<unknown> {
  if (typeof data !== 'object' || data === null || (data as { formatVersion?: unknown }).formatVersion !== 1) return ok(data);
  const r = loadSave(sc, data, undefined, opts);
  return r.ok ? ok(r.value.save) : r;
}

/** Check a parsed save file against a scenario and replay it; `each` sees every state on the way, as in replay. */
export function loadSave(sc: Scenario, data: unknown, each?: (s: GameState, k: number) => void, opts: LoadOptions = {}): Result<Loaded> {
  if (typeof data !== 'object' || data === null) return err('not a save file: expected a JSON object');
  const x = data as Partial<Save>;
  if (x.format !== SAVE_FORMAT) return err('not a save file of this game (format field missing or foreign)');
  const version: unknown = x.formatVersion;
  if (version !== 1 && version !== SAVE_VERSION) return err(`save format version ${String(version)} is not supported`);
  if (x.scenario !== sc.id) return err(`the save is for scenario "${String(x.scenario)}", not "${sc.id}"`);
  const made = x.scenarioVersion;
  const earlier = opts.earlier === true && typeof made === 'number' && Number.isInteger(made) && made >= 1 && made < sc.version;
  if (made !== sc.version && !earlier) {
    const newer = typeof made === 'number' && made > sc.version;
    // A newer version is not proof of a newer copy: an edited scenario or version field looks the same.
    return err(
      `${versionWords('this save', sc.id, made, sc.version)}${newer ? ', older than the save: if the file is as it was saved, play it with a newer copy of the game; if its scenario or version was edited, it cannot be loaded' : ''}`,
    );
  }
  if (typeof x.seed !== 'string') return err('the save has no seed');
  if (!Array.isArray(x.moves)) return err('the save has no move list');
  if (typeof x.hash !== 'string') return err('the save has no final-state hash');
  const injected = readInjected(x.injected, x.moves.length);
  if (!injected.ok) return injected;
  if (version === 1) {
    // Renumber the notes, check the old hash in the old numbering, then load it as a save of now.
    const old = replayRenumbered(sc, x.seed, x.moves as Move[], injected.value, each);
    if (!old.ok)
      return err(earlier ? `${versionWords('this save', sc.id, made, sc.version)}, whose rules differ, and it no longer replays under them: ${old.error}` : `the save does not replay: ${old.error}`);
    if (!earlier && old.value.oldHash !== x.hash) return err(altered(old.value.oldHash, x.hash));
    const save: Save = { ...(x as Save), formatVersion: SAVE_VERSION, moves: old.value.moves, hash: stateHash(old.value.state) };
    return ok({ save, state: old.value.state, ...(earlier ? { madeWith: made as number } : {}) });
  }
  const r = replay(sc, x.seed, x.moves as Move[], each, injected.value);
  if (earlier) {
    if (!r.ok) return err(`${versionWords('this save', sc.id, made, sc.version)}, whose rules differ, and it no longer replays under them: ${r.error}`);
    return ok({ save: x as Save, state: r.value, madeWith: made });
  }
  if (!r.ok) return err(`the save does not replay: ${r.error}`);
  const h = stateHash(r.value);
  if (h !== x.hash) return err(altered(h, x.hash));
  return ok({ save: x as Save, state: r.value });
}
