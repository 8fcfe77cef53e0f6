// The computer players' versions. A short share code carries only the people's moves and makes the
// computer's again on reading (app/history/computerMoves.ts), which holds only while each computer
// player still plays as it did when the code was made. So every player kind, the search player and
// the fidelity wrapper that holds a player to history each have a version here, written into every
// code and branch file that leaves their moves out; a code made with another version is refused
// with the reason, naming the player that changed.
//
// Bump a part's number whenever its play changes (any move it would make differently, for whatever
// reason: its own code, the values or sampler it reads, a shared helper). tests/ai/playerVersions
// plays a fixed reference game for each part and fails if its moves change without a bump.

import { parsePlayerName } from './names';

export const PLAYER_VERSIONS = {
  historical: 1,
  // Session 24: a figure set outright is valued by the gap from where it stands (values.ts), as the order
  // desk previews it; negotiator 9, the bargainers 6 and search 9 (this session too) cover it.
  persona: 2,
  random: 1,
  // Session 18: a note that lapsed on its way is no longer in the receiver's view, so the players
  // that read the other side's notes (the negotiator's and bargainers' models, the search's
  // negotiator and its playouts' worlds, which no longer number a note twice) may play differently.
  // Session 24: what a package is worth is weighed with the notes on the table set aside (worth.ts),
  // so every bargainer's table, and the search's negotiator candidates, may move.
  // Session 35: the other side's worth in its Nash point and its leaning to what the other side values
  // is read from worlds as that side would draw them (bargain.ts, Desk.both), not from its own.
  negotiator: 10,
  boulware: 6,
  conceder: 6,
  hardliner: 6,
  titfortat: 6,
  // Session 25: a playout's dice are keyed to each move and each order (search/playout.ts), so the search's futures differ.
  // Session 26: its futures have the other side refuse notes no better for it than those it has refused (search/opponent.ts, WaryPlayer).
  // Session 32: a side that sends notes its persona would not, and gives ground, is played in its futures as the negotiator (opponent.ts).
  // Session 33: such a side answers our notes as the negotiator in half its futures and by the persona's rule, with its refusals' bar, in the other half (weigh.ts, two readings).
  // Session 35: its own note's candidate weighs the other side's worth as that side reckons it (Desk.both).
  search: 14,
  // Session 25: its search weighs with keyed playout dice (search 10).
  fidelity: 2,
} as const;

/** A versioned part of the computer players: a kind, the search player, or the fidelity wrapper. */
export type PlayerPart = keyof typeof PLAYER_VERSIONS;
export const PLAYER_PARTS = Object.keys(PLAYER_VERSIONS) as PlayerPart[];

/** A part and the version a code was made with. */
export interface PartVersion {
  part: string;
  version: number;
}

/** The parts a named computer player's moves depend on: its kind (or search), and the fidelity wrapper when it is held to history. Throws on a bad name. */
export function playerParts(name: string): PlayerPart[] {
  const r = parsePlayerName(name);
  if (!r.ok) throw new Error(r.error);
  return r.value.fidelity < 1 ? [r.value.kind, 'fidelity'] : [r.value.kind];
}

/** The current versions of every part these named computer players depend on, each once, in PLAYER_PARTS order. */
export function versionsFor(names: readonly string[]): PartVersion[] {
  const parts = new Set(names.flatMap(playerParts));
  return PLAYER_PARTS.filter(p => parts.has(p)).map(part => ({ part, version: PLAYER_VERSIONS[part] }));
}

/** Why moves made with `made` cannot be made again by this build's players, naming each part that changed; null if none did. */
export function versionMismatch(made: readonly PartVersion[]): string | null {
  const changed = made.flatMap(m => {
    const now = (PLAYER_VERSIONS as Record<string, number>)[m.part];
    if (now === m.version) return [];
    const who = m.part === 'fidelity' ? 'the way a computer player is held to history (fidelity)' : `the computer player “${m.part}”`;
    return [now === undefined ? `${who}, which this game does not have` : `${who} at version ${m.version} (this game has version ${now}, which plays differently)`];
  });
  return changed.length ? changed.join('; ') : null;
}
