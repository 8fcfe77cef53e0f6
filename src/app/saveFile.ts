// The one save file of both front ends: the engine's save (scenario id and version, seed, moves,
// final hash) and who plays each side (`app.sides`). Older files still load: the terminal's
// `cli: {side, opponent}` is mapped to sides, and a file with neither is Britain against the persona
// (the browser's first format). Reading replays the moves once, handing each move and the state
// before it to the caller, so the match can re-ask its computer players on the same pass. A save of
// an earlier scenario version loads, with a notice, if its moves still replay under the new rules.
// A save may also keep each computer seat's dice as they stood (`app.dice`), so that a restore need
// not ask the computer for every one of its moves again: optional, so saves without it load as
// before (their computer players are asked again), and a copy of the game that does not know it
// ignores it. The dice stay with the save, the authority's file, and never reach a seat's view.
// A branch's game may keep where its own play began and who played the path before it (`app.kept`),
// for its end screen: optional too, so older saves load and say every decision was their players'.

import { isPlayerName, type PlayerName, playerNames } from '../ai/index';
import {
  type BySide,
  compile,
  err,
  type GameState,
  type Injection,
  injectEvent,
  loadSave,
  longDate,
  type Move,
  makeSave,
  ok,
  type Result,
  type RngState,
  SAVE_FORMAT,
  type Save,
  SIDE_LABEL,
  SIDES,
  type Side,
  upgradeSave,
  versionWords,
} from '../engine/index';
import type { Scenario } from '../scenario/schema';

/** Who plays a side: a person at this screen, or a computer player by name (ai/names.ts, e.g. "search:3@0.5"). */
export type Controller = 'human' | PlayerName;
/** The controllers without a fidelity, for lists. */
export const CONTROLLERS: readonly Controller[] = ['human', ...playerNames()];

/** A computer seat's dice as a save keeps them: the player they belong to, and its stream's state after its last move. */
export interface SavedDice {
  player: PlayerName;
  rng: RngState;
}

/** Who played a path's moves from move `at` on (null: not recorded), as the timeline tree's segments have it. */
export interface KeptStretch {
  at: number;
  players: BySide<Controller> | null;
}

/** Who played move k of a path by its stretches (null before the first, or where not recorded); the timeline tree's segments too. */
export const playersOn = (stretches: readonly KeptStretch[], k: number): BySide<Controller> | null => [...stretches].reverse().find(x => x.at <= k)?.players ?? null;

/**
 * A branch's game: the move its own play began at (`from`: the moves before it are the path it
 * kept, history's or another game's) and who played those, stretch by stretch. The end screen says
 * from it who took each decision (endReport decidedBy); without it every one is the seat's players'.
 */
export interface KeptPath {
  from: number;
  players: KeptStretch[];
}

/** A save file: the engine's save, who played which side and, optionally, the computer seats' dice and the path a branch kept. */
export interface AppSave extends Save {
  app: { sides: BySide<Controller>; dice?: Partial<BySide<SavedDice>>; kept?: KeptPath };
}

export function makeAppSave(sc: Scenario, seed: string, moves: readonly Move[], final: GameState, sides: BySide<Controller>, injected: readonly Injection[] = []): AppSave {
  return { ...makeSave(sc, seed, moves, final, injected), app: { sides: { britain: sides.britain, ussr: sides.ussr } } };
}

export const isController = (x: unknown): x is Controller => x === 'human' || isPlayerName(x);

/** Who played which side, from any save this game has written. */
export function readSides(data: unknown): Result<BySide<Controller>> {
  if (typeof data !== 'object' || data === null) return err('not a save file: expected a JSON object');
  const x = data as { app?: { sides?: unknown }; cli?: { side?: unknown; opponent?: unknown } };
  const sides = x.app?.sides;
  if (sides !== undefined) {
    if (typeof sides !== 'object' || sides === null) return err('the save says nothing sensible about who played which side');
    const o = sides as Record<string, unknown>;
    for (const side of SIDES) if (!isController(o[side])) return err(`the save names an unknown player for ${SIDE_LABEL[side]}: ${JSON.stringify(o[side])}`);
    return ok({ britain: o.britain as Controller, ussr: o.ussr as Controller });
  }
  if (x.cli !== undefined) {
    // The terminal's old format: one person against one computer player.
    const me = x.cli.side ?? 'britain',
      opp = x.cli.opponent ?? 'persona';
    if (me !== 'britain' && me !== 'ussr') return err(`the save names an unknown side: ${JSON.stringify(me)}`);
    if (opp === 'human' || !isController(opp)) return err(`the save names an unknown opponent: ${JSON.stringify(opp)}`);
    return ok(me === 'britain' ? { britain: 'human', ussr: opp } : { britain: opp, ussr: 'human' });
  }
  return ok({ britain: 'human', ussr: 'persona' });
}

/** alea's state (engine/rng.ts): a carry that is a whole number below its multiplier, and three fractions in [0, 1). */
const ALEA_MULTIPLIER = 2091639;

/**
 * The computer seats' dice a save keeps (`app.dice`; none if absent), checked for shape: a malformed
 * field is refused naming it, since dice made up would play on as some other game would.
 */
export function readDice(data: unknown): Result<Partial<BySide<SavedDice>>> {
  const dice = typeof data === 'object' && data !== null ? (data as { app?: { dice?: unknown } }).app?.dice : undefined;
  if (dice === undefined) return ok({});
  const bad = (field: string, what: string, got: unknown) => err<never>(`the save's ${field} is not ${what} (it holds ${JSON.stringify(got) ?? String(got)})`);
  if (typeof dice !== 'object' || dice === null || Array.isArray(dice)) return bad('app.dice', "the computer players' dice by side", dice);
  const out: Partial<BySide<SavedDice>> = {};
  for (const [side, d] of Object.entries(dice as Record<string, unknown>)) {
    const field = `app.dice.${side}`;
    if (!(SIDES as readonly string[]).includes(side)) return err(`the save's ${field} names no side of the game (the sides are ${SIDES.join(' and ')})`);
    if (typeof d !== 'object' || d === null) return bad(field, "a computer player's dice (its player and rng)", d);
    const { player, rng } = d as { player?: unknown; rng?: unknown };
    if (!isPlayerName(player)) return bad(`${field}.player`, 'a computer player', player);
    if (typeof rng !== 'object' || rng === null) return bad(`${field}.rng`, 'a dice state (c, s0, s1, s2)', rng);
    const r = rng as Record<string, unknown>;
    if (!Number.isInteger(r.c) || (r.c as number) < 0 || (r.c as number) >= ALEA_MULTIPLIER) return bad(`${field}.rng.c`, `a whole number from 0 to ${ALEA_MULTIPLIER - 1}`, r.c);
    for (const k of ['s0', 's1', 's2'] as const) if (typeof r[k] !== 'number' || !(r[k] >= 0 && r[k] < 1)) return bad(`${field}.rng.${k}`, 'a number from 0 up to 1', r[k]);
    out[side as Side] = { player, rng: { c: r.c as number, s0: r.s0 as number, s1: r.s1 as number, s2: r.s2 as number } };
  }
  return ok(out);
}

/**
 * Where a branch's game began and who played the path it kept (`app.kept`; null if absent: a game
 * played from the start, or a save written before it was recorded), checked for shape: a malformed
 * one is refused naming it, since it would credit decisions to the wrong players.
 */
export function readKept(data: unknown): Result<KeptPath | null> {
  const x = typeof data === 'object' && data !== null ? (data as { app?: { kept?: unknown }; moves?: unknown }) : {};
  const kept = x.app?.kept;
  if (kept === undefined) return ok(null);
  const bad = (field: string, what: string, got: unknown) => err<never>(`the save's ${field} is not ${what} (it holds ${JSON.stringify(got) ?? String(got)})`);
  if (typeof kept !== 'object' || kept === null || Array.isArray(kept)) return bad('app.kept', 'where its branch began and who played before', kept);
  const { from, players } = kept as { from?: unknown; players?: unknown };
  const moves = Array.isArray(x.moves) ? x.moves.length : 0;
  if (!Number.isInteger(from) || (from as number) < 0 || (from as number) > moves) return bad('app.kept.from', `a move number from 0 to ${moves}`, from);
  if (!Array.isArray(players)) return bad('app.kept.players', 'a list of who played from which move', players);
  const out: KeptStretch[] = [];
  for (const [k, st] of players.entries()) {
    const field = `app.kept.players[${k}]`;
    const { at, players: p } = (typeof st === 'object' && st !== null ? st : {}) as { at?: unknown; players?: unknown };
    const after = out.at(-1)?.at ?? -1;
    if (!Number.isInteger(at) || (at as number) <= after || (at as number) >= (from as number)) return bad(`${field}.at`, `a move number after ${after} and before ${from}`, at);
    if (p === null) {
      out.push({ at: at as number, players: null });
      continue;
    }
    const sides = readSides({ app: { sides: p } });
    if (!sides.ok) return err(`the save's ${field}.players: ${sides.error}`);
    out.push({ at: at as number, players: sides.value });
  }
  return ok({ from: from as number, players: out });
}

/** The scenario id a parsed save file is for, or why it is not a save. */
export function saveScenario(data: unknown): Result<string> {
  if (typeof data !== 'object' || data === null) return err('not a save file: expected a JSON object');
  const x = data as { format?: unknown; scenario?: unknown };
  if (x.format !== SAVE_FORMAT) return err('not a save file of this game (format field missing or foreign)');
  return typeof x.scenario === 'string' ? ok(x.scenario) : err('not a save file of this game: it names no scenario');
}

export interface ReadSave {
  save: AppSave;
  state: GameState;
  /**
   * What to tell the person when the save was made with an earlier version of the scenario and
   * taken under this version's rules (its moves all still replay): absent for a save of this version.
   */
  notice?: string;
}

/**
 * Check a parsed save against a scenario (the engine's loadSave) and who played each side, and
 * replay it once; `each` sees every move with the state it was made in. A save of an earlier
 * version of the scenario is taken if its moves still replay under this version's rules, with a
 * notice saying so; if one does not, it is refused naming that move, its date and why. What it
 * gives back is a save of this version.
 */
export function readSave(sc: Scenario, raw: unknown, each?: (before: GameState, m: Move, k: number) => void): Result<ReadSave> {
  // A save of format 1 numbered notes in one series for both sides: `each` is shown its moves renumbered.
  // One that does not replay is read as it is, so the refusal below names the move's date.
  const up = upgradeSave(sc, raw, { earlier: true });
  const data = up.ok ? up.value : raw;
  if (typeof data !== 'object' || data === null) return err('not a save file: expected a JSON object');
  const sides = readSides(data);
  if (!sides.ok) return sides;
  const moves = Array.isArray((data as Partial<Save>).moves) ? ((data as Save).moves as Move[]) : [];
  // The last state replayed, and the move it followed (-1: the start).
  const seen: { at: GameState | null; k: number } = { at: null, k: -1 };
  // The teacher's injections (engine inject.ts) change the state a move is made in; loadSave checks them.
  const injected = Array.isArray((data as Partial<Save>).injected) ? ((data as Save).injected as Injection[]) : [];
  const r = loadSave(
    sc,
    data,
    (s, k) => {
      if (k >= 0) {
        let before = seen.at!;
        for (const x of injected) {
          const r = x.at === k ? injectEvent(sc, before, x.event) : null;
          if (r?.ok) before = r.value;
        }
        each?.(before, moves[k]!, k);
      }
      seen.at = s;
      seen.k = k;
    },
    { earlier: true },
  );
  if (!r.ok) {
    // A move refused partway: say when it was made, which the engine's move number alone does not.
    const { at, k } = seen;
    if (at === null || k >= moves.length - 1) return r;
    return err(`${r.error} (the move of turn ${at.turn + 1}, ${longDate(compile(sc).days[at.turn]!)})`);
  }
  const { save, state, madeWith } = r.value;
  const out: ReadSave = { save: makeAppSave(sc, save.seed, save.moves, state, sides.value, save.injected), state };
  if (madeWith !== undefined) {
    out.notice = `${versionWords('This save', sc.id, madeWith, sc.version)}, whose rules differ. All ${save.moves.length} of its moves still play under the new rules, so it is loaded as they play out now: figures and events may differ from when it was saved.`;
  }
  return ok(out);
}
