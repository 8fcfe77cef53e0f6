// One game of the strength bench (strength.ts) and of its breakdown by objective (byObjective.ts):
// a player in one seat, an opponent in the other, on the bench's seed for that seat and game number.
import { playerFor, runGame } from '../src/ai/index';
import { compile, createGame, type Score, score } from '../src/engine/index';
import { other, type Side } from '../src/engine/vocab';
import type { Scenario } from '../src/scenario/schema';

/** The seed of game `g` in a seat: `SEED-ID-SIDE-G`, so that every tool plays the same games. */
export const strengthSeed = (seed: string, id: string, side: Side, g: number): string => `${seed}-${id}-${side}-${g}`;

/** The seat's score at the end of a game of `mine` in `side` against `opponent`, on `seed`. */
export function seatScore(sc: Scenario, side: Side, mine: string, opponent: string, seed: string): Score {
  const players = { [side]: playerFor(mine, sc, side), [other(side)]: playerFor(opponent, sc, other(side)) } as Record<Side, ReturnType<typeof playerFor>>;
  return score(compile(sc), runGame(sc, createGame(sc, seed, { record: false }), players, false).state, side);
}
