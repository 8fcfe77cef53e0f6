// Seeded streams: seedrandom's alea. Seeding uses seedrandom itself; each draw steps alea's state
// with the same arithmetic as seedrandom's `next` (lib/alea.js), on a copy of the stored state, so
// going on from a stored state does not re-run the seeding hash. tests/engine/rng.test.ts checks
// the two streams agree draw for draw. A game's state keeps a seeded state as the key of its dice
// (dice.ts), which play never changes; the computer players draw from streams of their own.
import alea from 'seedrandom/lib/alea.js';

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface Rng {
  next(): number;
  state(): RngState;
  /**
   * A draw for item `k` of the stream's place (an order, by its index in the scenario), where the
   * stream keys draws to items: the same whatever else was drawn there. Plain streams lack it, and
   * a player then draws in turn from next().
   */
  at?(k: number): number;
}

export function seedRng(seed: string): RngState {
  return alea(seed, { state: true }).state();
}

class AleaStream implements Rng {
  // Declared, not defined: a field defined in the class (ES2022) starts as undefined, so V8 kept
  // these as values of any kind and made a new boxed number at every draw (a seventh of a playout's
  // allocations). Set first to numbers in the constructor, they are kept as numbers, written in place.
  declare c: number;
  declare s0: number;
  declare s1: number;
  declare s2: number;
  constructor(st: RngState) {
    this.c = st.c;
    this.s0 = st.s0;
    this.s1 = st.s1;
    this.s2 = st.s2;
  }
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }
  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

export const openRng = (state: RngState): Rng => new AleaStream(state);

const frac = (x: number): number => x - Math.floor(x);

/**
 * Dice keyed to a place (a, b) in a game from `base`: the same base and place give the same dice,
 * whatever was drawn elsewhere. next() draws in turn from the place's own alea stream, whose seed
 * words are the base's moved by multiples of different irrational steps (so neighbouring places
 * start far apart; alea's first step multiplies by 2091639, which spreads them further); at(k) draws
 * for item k alone (a 32-bit mix of the place's key and k, murmur3's finaliser), so a player that
 * draws for each open order draws the same for an order whichever others are open. Reused from place
 * to place without a new object (rekey).
 */
export class KeyedDice extends AleaStream {
  declare key: number;
  constructor(base: RngState, a: number, b: number) {
    super(base);
    this.rekey(base, a, b);
  }
  /** The dice of place (a, b), as a new KeyedDice(base, a, b) would be. */
  rekey(base: RngState, a: number, b: number): this {
    this.c = 1;
    this.s0 = frac(base.s0 + a * 0.6180339887498949 + b * 0.324717957244746);
    this.s1 = frac(base.s1 + a * 0.7548776662466927 + b * 0.5698402909980532);
    this.s2 = frac(base.s2 + a * 0.414213562373095 + b * 0.8191725133961645);
    this.key = (this.s0 * 4294967296) | 0;
    return this;
  }
  at(k: number): number {
    let h = this.key ^ Math.imul(k + 1, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  }
}
