// Moves and states of the numbering of notes before session 18, when every note took the next
// number of one series shared by both sides (the n-th note sent was note n) and a reply or a
// ballot named a note by that number. Now each side numbers its own notes (labels.ts, noteName).
// A move log stored under the old numbering is read by translating each move, in the state it
// is made in, to the new one; the hash recorded with it is checked against the state put back
// into the old numbering (legacyHash), so an old save is still checked to the last number.
import { stateHash } from './hash';
import { noteCause } from './labels';
import { type Ballot, err, type GameState, type Move, type Offer, type Order, ok, type Result } from './types';
import { other, SIDES } from './vocab';

/** The note that was sent n-th (the old "note n"): notes are kept in the order they were sent. */
const nthSent = (s: GameState, n: number): Offer | undefined => (Number.isInteger(n) && n >= 1 ? s.offers[n - 1] : undefined);

const OLD_ITEM = /^offer:(\d+)$/;

/** Whether an old-numbered move names a note (a reply, or a ballot on one): only those are renumbered. */
export const namesNote = (m: Move): boolean =>
  typeof m === 'object' &&
  m !== null &&
  m.type === 'orders' &&
  ((Array.isArray(m.orders) && m.orders.some(o => o?.kind === 'reply')) || (Array.isArray(m.votes) && m.votes.some(b => OLD_ITEM.test(String(b?.item)))));

/**
 * An old-numbered move as the new numbering says it, in the state `s` it is made in: a reply to
 * the n-th note sent names that note's number among its sender's notes, a ballot on "offer:n" names
 * "offer:SIDE:N". Refused if it names a note that was not sent, or answers the side's own note.
 */
export function renumberMove(s: GameState, m: Move): Result<Move> {
  if (typeof m !== 'object' || m === null || m.type !== 'orders' || !Array.isArray(m.orders)) return ok(m);
  let orders: Order[] = m.orders;
  if (m.orders.some(o => o?.kind === 'reply')) {
    orders = [];
    for (const o of m.orders) {
      if (o?.kind !== 'reply') {
        orders.push(o);
        continue;
      }
      const note = nthSent(s, o.offer);
      if (!note || note.from !== other(m.side)) return err(`it answers note ${String(o.offer)}, which (numbered as before each side numbered its own notes) is no note from the other side`);
      orders.push({ ...o, offer: note.n });
    }
  }
  let votes = m.votes;
  if (Array.isArray(m.votes) && m.votes.some(b => OLD_ITEM.test(String(b?.item)))) {
    votes = [];
    for (const b of m.votes) {
      const item = renumberItem(s, String(b?.item));
      if (item === null) return err(`a ballot is on ${String(b?.item)}, a note that (numbered as before each side numbered its own notes) was never sent`);
      votes.push(item === b?.item ? b : { ...b, item });
    }
  }
  if (orders === m.orders && votes === m.votes) return ok(m);
  return ok({ ...m, orders, ...(votes !== undefined ? { votes } : {}) });
}

/** A ballot's item as the new numbering names it ("offer:2" → "offer:ussr:1"); null for an old note number never sent. */
export function renumberItem(s: GameState, item: string): string | null {
  const old = OLD_ITEM.exec(item);
  if (!old) return item;
  const note = nthSent(s, Number(old[1]));
  return note ? noteCause(note.from, note.n) : null;
}

/**
 * The hash the state had under the old numbering: its notes numbered in the order sent, pending
 * replies and sealed ballots naming them so, and no mark of a note that lapsed on its way (the
 * old state had none). Key order as the old state wrote it, since the hash reads JSON text.
 */
export function legacyHash(s: GameState): string {
  const oldN = (from: string, n: number): number => s.offers.findIndex(o => o.from === from && o.n === n) + 1;
  const offers = s.offers.map((o, j) => ({ n: j + 1, from: o.from, terms: o.terms, sentDay: o.sentDay, arrivesDay: o.arrivesDay, status: o.status }));
  const orders = { ...s.orders };
  for (const side of SIDES) {
    const os = s.orders[side];
    if (os) orders[side] = os.map(o => (o.kind === 'reply' ? { ...o, offer: oldN(other(side), o.offer) } : o));
  }
  const item = (b: Ballot): Ballot => {
    const m = /^offer:(britain|ussr):(\d+)$/.exec(b.item);
    return m ? { ...b, item: `offer:${oldN(m[1]!, Number(m[2]))}` } : b;
  };
  const ballots = s.ballots && { britain: s.ballots.britain?.map(item) ?? null, ussr: s.ballots.ussr?.map(item) ?? null };
  return stateHash({ ...s, offers, orders, ...(ballots ? { ballots } : {}) });
}
