// The game's chance is keyed, not drawn in turn. Each roll is a hash of the game's secret key (the
// state's `rng`, seeded from the seed and never changed by play), the turn, what is rolled for,
// and how many times that was rolled earlier in the same move. So two games from one seed that
// part by a move still roll the same for everything else: another order does not reshuffle the
// 1929 election or a later cabinet's vote. Paired games, history's branches and the search's
// comparisons of moves on one sampled world all see luck held equal (common random numbers).
import type { RngState } from './rng';

/** What a roll is for: a kind in the top bits, an index within the kind below (under 2^24). */
export const ROLL = {
  /** A cabinet vote, or the chances in one effect list: the index the linker gave it (LinkContext.rolls). */
  linked: 1 << 24,
  /** A random incident's chance of breaking out this turn: the event's index. */
  incident: 2 << 24,
  /** A cabinet's ratification of a note: 0 Britain, 1 the Soviet Union. */
  ratify: 3 << 24,
  /** The Commons' vote on an agreement. */
  commons: 4 << 24,
} as const;

/** One step of MurmurHash3's 32-bit mixing, taking `x` into the running hash `h`. */
function mix(h: number, x: number): number {
  x = Math.imul(x, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  h ^= Math.imul(x, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: every input bit reaches every output bit. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO_32 = 4294967296;

/** A move's dice: `roll(turn, what)` is a number in [0, 1), the same in every game with the same key, turn and roll. */
export class Dice {
  // Declared, not defined as class fields, so V8 keeps them as plain numbers (see rng.ts).
  declare key: number;
  declare n: number;
  declare rolled: number[];
  constructor(st: RngState) {
    this.rolled = [];
    this.load(st);
  }
  /** Start a move of the game keyed `st`. */
  load(st: RngState): void {
    this.key = mix(mix(mix(st.c | 0, (st.s0 * TWO_32) >>> 0), (st.s1 * TWO_32) >>> 0), (st.s2 * TWO_32) >>> 0);
    this.n = 0;
  }
  roll(turn: number, what: number): number {
    // The same roll twice in one move (rare) takes the next number of its own sequence.
    let k = 0;
    for (let j = 0; j < this.n; j++) if (this.rolled[j] === what) k++;
    this.rolled[this.n++] = what;
    return finish(mix(mix(mix(this.key, turn), what), k)) / TWO_32;
  }
}
