// The mid-game positions the search player's playouts are measured from (search.bench.ts,
// playoutsAB.ts): per scenario the persona games of seeds mid-ID, mid-ID-1, ..., each at half its
// calendar, and worlds drawn from Britain's view there.
import { AI_VIEW, runGame } from '../src/ai/index';
import { drawWorlds, type Policy, type World } from '../src/ai/search/playout';
import { applyMove, createGame, type GameState, seatView } from '../src/engine/index';
import { openRng, seedRng } from '../src/engine/rng';

/**
 * Several positions a scenario, so the figure is the code's and not one game's: a mid-game
 * position is one game's history (the keyed dice decide its election, incidents and relations),
 * and one position's playouts can cost a third more than another's (1929 with Labour in office:
 * about 30 candidate events a turn and a larger cabinet). The seeds are fixed, so every run and
 * every build measures the same positions: mid-ID (the bench's one position before), then mid-ID-1,
 * mid-ID-2, ... In 1929, mid-1929-1 is the one of the four where the Conservatives held the
 * election (Sir Austen Chamberlain still leads Britain); in the other three Labour won (Henderson).
 */
export const POSITIONS = 4;
export const seedsOf = (id: string): string[] => Array.from({ length: POSITIONS }, (_, k) => (k ? `mid-${id}-${k}` : `mid-${id}`));

/** The functions midGame plays and draws with: this tree's, or another build's (playoutsAB.ts). */
export interface Build {
  runGame: typeof runGame;
  createGame: typeof createGame;
  applyMove: typeof applyMove;
  seatView: typeof seatView;
  drawWorlds: typeof drawWorlds;
  openRng: typeof openRng;
  seedRng: typeof seedRng;
}
export const THIS_BUILD: Build = { runGame, createGame, applyMove, seatView, drawWorlds, openRng, seedRng };

/**
 * The persona game of `seed` (played by `p`'s personas) at half its calendar, and 256 worlds drawn
 * from Britain's view there, by `b`'s code.
 */
export function midGame(p: Policy, seed: string, b: Build = THIS_BUILD): { s: GameState; worlds: World[] } {
  const { sc, c } = p;
  const game = b.runGame(sc, b.createGame(sc, seed, { record: false }), p.players, true);
  let s: GameState = b.createGame(sc, seed, { record: false });
  for (const m of game.moves) {
    if (s.turn >= Math.floor(c.days.length / 2)) break;
    const r = b.applyMove(sc, s, m);
    if (!r.ok) throw new Error(r.error);
    s = r.value;
  }
  // The first position keeps the rng the bench drew its one position's worlds with before.
  const worlds = b.drawWorlds(c, b.seatView(c, s, 'britain', AI_VIEW), b.openRng(b.seedRng(seed === `mid-${sc.id}` ? `bench-${sc.id}` : `bench-${seed}`)), 256);
  return { s, worlds };
}
