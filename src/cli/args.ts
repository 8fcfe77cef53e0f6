// Command-line arguments: one parseArgs table per command, and checks that turn bad values into
// a UsageError (printed with the command's usage, exit 2).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { fidelityIdle, PLAYER_KINDS, type PlayerKind, type PlayerName, parsePlayerName, SEARCH_LEVELS, withFidelityName } from '../ai/index';
import { SIDES, type Side } from '../engine/index';

export class UsageError extends Error {}

/** Every computer player --opponent takes, from the registry (the usage once left out the negotiator and the baselines). */
const OPPONENTS = [...PLAYER_KINDS, `search:${SEARCH_LEVELS[0]}..${SEARCH_LEVELS.at(-1)}`, 'human'].join('|');

export const USAGE: Record<string, string> = {
  play: `play --scenario ID|FILE [--side britain|ussr (default britain, or the loaded save's)] [--seed SEED] [--opponent ${OPPONENTS}] [--fidelity 0..1] [--save FILE] [--load FILE]`,
  sim: 'sim --scenario ID|FILE [--players NAME[,NAME] (one name plays both sides)] [--fidelity F[,F]] [--games N] [--seed SEED] [--branch EVENT.OPTION]... [--json]',
  replay: 'replay FILE [--scenario ID|FILE]',
  explore:
    'explore --scenario ID|FILE [--at yyyy-mm-dd|BRANCH|BRANCH@yyyy-mm-dd|CODE|FILE.json] [--branch EVENT.OPTION] [--games N (1-10000, default 1000)] [--players KIND,KIND] [--workers N] [--store DIR] [--plausibility] [--mattered] [--json]',
  validate: 'validate FILE...',
  schema: 'schema [--out PATH]',
  print: 'print --scenario ID|FILE --sheets OUT.pdf|OUT.html [--role ID]...  |  print --debrief SAVE [--out OUT.pdf|OUT.html] [--scenario ID|FILE]',
};

/**
 * What each --opponent is, for `play --help` (the README's computer players, in a line each): a
 * list of names alone told a player nothing of whom he would face.
 */
export const OPPONENT_HELP: readonly (readonly [string, string])[] = [
  ['persona', "the default: plays to its side's objectives with the leanings of the historical leader"],
  ['historical', 'makes the moves history records, and refuses every note'],
  ['random', 'legal moves at random: the baseline the others must beat'],
  ['negotiator', "the persona's orders; bargains over whole packages by their worth to its objectives and the chance both cabinets and the Commons ratify"],
  ['boulware', 'a bargaining baseline that concedes little until the clock runs out'],
  ['conceder', 'a bargaining baseline that concedes early'],
  ['hardliner', 'a bargaining baseline that never concedes'],
  ['titfortat', 'a bargaining baseline that concedes in proportion to your own concessions'],
  [`search:${SEARCH_LEVELS[0]}..${SEARCH_LEVELS.at(-1)}`, 'looks ahead in playouts from its own view; the higher, the stronger and slower'],
  ['human', 'a second person at this terminal'],
];

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parse(command: string, argv: string[], options: Options, positionals = false): Parsed {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\.?\s*To specify a positional argument.*$/s, '')}`);
  }
}

export function side(v: unknown, flag = '--side'): Side {
  if (typeof v !== 'string' || !(SIDES as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of: ${SIDES.join(', ')} (got ${v === undefined ? 'nothing' : `"${String(v)}"`})`);
  return v as Side;
}

export function playerKind(v: unknown, flag: string): PlayerKind {
  if (typeof v !== 'string' || !(PLAYER_KINDS as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of: ${PLAYER_KINDS.join(', ')} (got "${String(v)}")`);
  return v as PlayerKind;
}

/** A computer player by name (ai/names.ts): a kind, `search:N`, either with `@FIDELITY`. */
export function playerName(v: unknown, flag: string): PlayerName {
  const r = parsePlayerName(v);
  if (!r.ok) throw new UsageError(`${flag}: ${r.error}`);
  return v as PlayerName;
}

/** `--fidelity F`: how closely a computer player keeps to history, 0 (follows it) to 1 (free). */
export function fidelity(v: unknown, flag = '--fidelity'): number {
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} must be a number from 0 (follows history) to 1 (free) (got "${String(v)}")`);
  return n;
}

/** A player name with `--fidelity` applied (the flag wins over an "@F" in the name). */
export const withFidelityArg = (name: PlayerName, f: number | undefined): PlayerName => (f === undefined ? name : withFidelityName(name, f));

/**
 * Refuses a fidelity where the dial does nothing (ai/names.ts, fidelityIdle): given by `flag`, or
 * as "@F" in the name, for a person or the historical player. A dial that silently does nothing
 * would let a player believe a game was held to history, or freed from it, when it was not.
 */
export function checkFidelityActs(name: PlayerName | 'human', given: boolean, flag: string): void {
  const spec = name === 'human' ? null : parsePlayerName(name);
  const idle = given || (spec?.ok && spec.value.fidelity < 1) ? fidelityIdle(name) : null;
  if (idle) throw new UsageError(`${flag}: a fidelity does nothing here: ${idle}`);
}

export function positiveInt(v: unknown, flag: string): number {
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of at least 1 (got "${String(v)}")`);
  return n;
}

export function required(v: unknown, flag: string, command: string): string {
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: ${flag} is required`);
  return v;
}
