// The orders a person has ticked and not yet sent, as plain JSON, so a page kept in the browser
// (sessionStorage) gives them back after a reload. Kept for one seat and one turn: a draft of another
// turn or seat, or one that does not read back, is nothing to restore.
import type { Compiled, LegalAction, Side, Terms } from '../engine/index';
import { emptySelection, type Selection } from './selection';

export interface DeskDraft {
  sel: Selection;
  /** The note being drawn up (its terms), whether or not it is added to the orders. */
  note: Terms;
}

interface Kept {
  side: Side;
  turn: number;
  actions: string[];
  offer: Terms | null;
  replies: [number, boolean][];
  note: Terms;
}

export function draftToJson(side: Side, turn: number, d: DeskDraft): string {
  const kept: Kept = { side, turn, actions: [...d.sel.actions], offer: d.sel.offer, replies: [...d.sel.replies], note: d.note };
  return JSON.stringify(kept);
}

/** Terms that name an option of every term, or null. */
function termsOf(c: Compiled, x: unknown): Terms | null {
  if (!x || typeof x !== 'object') return null;
  const t = x as Record<string, unknown>;
  return c.terms.every(term => term.options.some(o => o.id === t[term.id])) ? Object.fromEntries(c.terms.map(term => [term.id, t[term.id] as string])) : null;
}

/** The draft kept for this seat and turn, within what the seat may order now; null if there is none. */
export function draftFromJson(c: Compiled, side: Side, turn: number, legal: readonly LegalAction[], text: string | null): DeskDraft | null {
  if (!text) return null;
  let k: Partial<Kept>;
  try {
    k = JSON.parse(text) as Partial<Kept>;
  } catch {
    return null;
  }
  if (!k || k.side !== side || k.turn !== turn) return null;
  const note = termsOf(c, k.note);
  if (!note) return null;
  const sel = emptySelection();
  const ids = new Set(legal.map(a => a.id));
  for (const id of Array.isArray(k.actions) ? k.actions : []) if (ids.has(id)) sel.actions.add(id);
  sel.offer = k.offer == null ? null : termsOf(c, k.offer);
  for (const r of Array.isArray(k.replies) ? k.replies : []) if (Array.isArray(r) && Number.isInteger(r[0]) && typeof r[1] === 'boolean') sel.replies.set(r[0], r[1]);
  return { sel, note };
}
