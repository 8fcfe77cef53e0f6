// All randomness comes from one seeded alea stream whose state lives in the game state.
import alea from 'seedrandom/lib/alea.js';

export interface RngState { c: number; s0: number; s1: number; s2: number }

export interface Rng {
  next(): number;
  state(): RngState;
}

export function seedRng(seed: string): RngState {
  return (alea(seed, { state: true }) ).state();
}

export function openRng(state: RngState): Rng {
  const prng = alea('', { state }) ;
  return { next: () => prng(), state: () => prng.state() };
}
