// Computer players by name, as a save file, the new-game screen and the command line give them:
//   KIND          a player kind (historical, persona, random, and any other in PLAYER_KINDS)
//   search:N      the search player at level N (1 to 4: what it may spend, nothing else)
//   NAME@F        either of those held to history by fidelity F, 0 (follows history) to 1 (free)
// e.g. "search:3", "persona@0.5", "search:4@0.25". A name is checked before any game starts.
import type { Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { withFidelity } from './fidelity';
import { makePlayer, PLAYER_KINDS, type PlayerKind } from './index';
import type { Player } from './player';
import { makeSearchPlayer, SEARCH_LEVELS, type SearchLevel } from './search/index';

/** A computer player's name (see the header); check one with parsePlayerName. */
export type PlayerName = string;

export interface PlayerSpec {
  kind: PlayerKind | 'search';
  level: SearchLevel | null;
  /** 0 (follows history) to 1 (free). */
  fidelity: number;
}

/** Every name without a fidelity, for lists and messages (a function: index.ts and this module import each other). */
export const playerNames = (): string[] => [...PLAYER_KINDS, ...SEARCH_LEVELS.map(l => `search:${l}`)];

/** The player a name stands for, or why it stands for none. */
export function parsePlayerName(name: unknown): { ok: true; value: PlayerSpec } | { ok: false; error: string } {
  if (typeof name !== 'string') return { ok: false, error: `a player's name must be text (got ${JSON.stringify(name)})` };
  const [who, fid, ...extra] = name.split('@');
  const bad = (why: string) => ({ ok: false as const, error: `"${name}" is not a computer player: ${why}` });
  if (extra.length) return bad('it has more than one "@"');
  let fidelity = 1;
  if (fid !== undefined) {
    if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(fid)) return bad(`the fidelity after "@" must be a number from 0 to 1 (got "${fid}")`);
    fidelity = Number(fid);
  }
  const m = /^search:(\d+)$/.exec(who!);
  if (m) {
    const level = Number(m[1]) as SearchLevel;
    if (!SEARCH_LEVELS.includes(level)) return bad(`the search levels are ${SEARCH_LEVELS.join(', ')}`);
    return { ok: true, value: { kind: 'search', level, fidelity } };
  }
  if (who === 'search') return bad(`say which level, e.g. search:${SEARCH_LEVELS.at(-1)}`);
  if (!(PLAYER_KINDS as readonly string[]).includes(who!)) return bad(`the players are ${playerNames().join(', ')}, each optionally with @FIDELITY (0 to 1)`);
  return { ok: true, value: { kind: who as PlayerKind, level: null, fidelity } };
}

export const isPlayerName = (x: unknown): x is PlayerName => parsePlayerName(x).ok;

/** A player's name given to a bench or script, or an error saying why it is none. */
export function playerNameArg(name: string): PlayerName {
  const r = parsePlayerName(name);
  if (!r.ok) throw new Error(r.error);
  return name;
}

/**
 * The players whose every move follows from the view they are shown and their dice alone, keeping
 * nothing from one move to the next but their reasons: a restored match may set their dice as the
 * save recorded them instead of asking them for every move again, and the history tree may make one
 * afresh for each move. The negotiator and the bargainers read the notes, the answers and the clock
 * off the view at every move (tests/ai/freshPlayer.test.ts); a player kind not listed here would be
 * asked again. tests/app/restoreDice.test.ts plays listed players on from a restore against the
 * unbroken game.
 */
const FROM_VIEW_AND_DICE: readonly (PlayerKind | 'search')[] = ['historical', 'persona', 'random', 'negotiator', 'boulware', 'conceder', 'hardliner', 'titfortat', 'search'];
export const playsFromViewAndDice = (name: PlayerName): boolean => {
  const r = parsePlayerName(name);
  return r.ok && FROM_VIEW_AND_DICE.includes(r.value.kind);
};

/**
 * Why the fidelity dial does nothing for the player of a side (a computer player's name, or 'human'
 * for a person), or null where it acts. The dial chooses at each move between history's move and
 * the player's own; the historical player's own move is history's, so for it the two are one
 * (tests/ai/fidelity.test.ts plays it out), and a person is held to nothing.
 */
export function fidelityIdle(name: PlayerName | 'human'): string | null {
  if (name === 'human') return 'a person plays that side, and the dial holds only a computer player to history';
  const r = parsePlayerName(name);
  return r.ok && r.value.kind === 'historical' ? 'the historical player makes history’s every move already' : null;
}

/** A name with the fidelity set (1 leaves it free: no "@"). */
export function withFidelityName(name: PlayerName, f: number): PlayerName {
  const base = name.split('@')[0]!;
  return f >= 1 ? base : `${base}@${f}`;
}

/** The computer player a name stands for, at `side` of `sc`. Throws on a bad name (check it first). */
export function playerFor(name: PlayerName, sc: Scenario, side: Side): Player {
  const r = parsePlayerName(name);
  if (!r.ok) throw new Error(r.error);
  const { kind, level, fidelity } = r.value;
  const base = kind === 'search' ? makeSearchPlayer(sc, side, level!) : makePlayer(kind, sc, side);
  return withFidelity(sc, base, fidelity);
}
