// A 64-bit fingerprint of everything in the state that play depends on (not the ledger or news,
// which only explain it), so two runs can be compared to the last number. It is two 32-bit lanes
// fed the same bytes (every number as its 8 IEEE-754 bytes, every string as UTF-16 code units and a
// terminator): one FNV-1a lane (offset basis 0x811c9dc5, prime 0x01000193) and one of the same
// xor-then-multiply form with another start and multiplier (the MurmurHash2 constant 0x5bd1e995),
// printed as 16 hex digits. Not cryptographic: it tells runs apart, it does not guard against tampering.
import type { GameState } from './types';

const buf = new DataView(new ArrayBuffer(8));

export function stateHash(s: GameState): string {
  let h1 = 0x811c9dc5,
    h2 = 0x01000193 ^ 0x5bd1e995;
  const byte = (b: number) => {
    h1 = Math.imul(h1 ^ b, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ b, 0x5bd1e995) >>> 0;
  };
  const num = (x: number) => {
    buf.setFloat64(0, x);
    for (let i = 0; i < 8; i++) byte(buf.getUint8(i));
  };
  const str = (t: string) => {
    for (let i = 0; i < t.length; i++) {
      const ch = t.charCodeAt(i);
      byte(ch & 255);
      byte(ch >> 8);
    }
    byte(0);
  };
  const nums = (xs: readonly number[]) => {
    num(xs.length);
    for (const x of xs) num(x);
  };
  str(s.scenario);
  num(s.version);
  str(s.seed);
  num(s.turn);
  num(s.rng.c);
  num(s.rng.s0);
  num(s.rng.s1);
  num(s.rng.s2);
  // Not `rolls`: play never reads it (the dice are keyed by what is rolled, dice.ts).
  nums(s.fig);
  nums(s.flags);
  str(s.relations);
  num(s.lead.britain);
  num(s.lead.ussr);
  nums(s.fired);
  nums(s.chosen);
  nums(s.taken);
  nums(s.failed);
  for (const x of s.scheduled) {
    num(x.ev);
    num(x.day);
    if (x.by) str(x.by); // only present in games a teacher has injected into, so other hashes are as before
  }
  nums(s.pending.britain);
  nums(s.pending.ussr);
  str(JSON.stringify(s.orders));
  str(JSON.stringify(s.offers));
  str(JSON.stringify(s.agreed));
  for (const m of s.trade) nums([m.month, m.exports, m.reExports, m.imports, m.balance, m.orders]);
  nums(s.pipeline);
  num(s.month);
  str(s.ended ? `${s.ended.reason}@${s.ended.day}` : '');
  // Sealed ballots only where there are some, so every state without them hashes as before.
  if (s.ballots) str(JSON.stringify(s.ballots));
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
