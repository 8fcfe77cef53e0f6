// Where a history tree lives between visits: one slot per scenario in a key-value store (the
// browser's localStorage through app/storage.ts's KV, or a directory of files in Node: fileKV.ts).
// A stored tree is checked and replayed when loaded (HistoryTree.fromData); a slot that does not
// load is refused with the reason and is never overwritten silently: saving over it is refused too,
// until the caller explicitly sets the damaged copy aside (it is kept under its own key).

import { err, ok, type Result } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import type { KV } from '../storage';
import { HistoryTree } from './tree';

export const treeSlot = (scenario: string): string => `asd.history.${scenario}`;
/** Where a damaged tree is set aside when the caller asks to start afresh. */
export const damagedSlot = (scenario: string): string => `asd.history.${scenario}.damaged`;

/** Why a stored tree could not be used: missing is not an error (load gives null). */
export type TreeStoreRefusal = { kind: 'damaged'; message: string } | { kind: 'storage'; message: string };

export class TreeStore {
  /** The text this store last read or wrote, by slot: a slot still holding it needs no re-check. */
  private readonly known = new Map<string, string>();
  constructor(private readonly kv: KV) {}

  /** The stored tree of a scenario; null if none is stored; a refusal if the slot does not load. */
  load(sc: Scenario): { ok: true; value: HistoryTree | null } | { ok: false; error: TreeStoreRefusal } {
    const slot = treeSlot(sc.id);
    let text: string | null;
    try {
      text = this.kv.getItem(slot);
    } catch (e) {
      return { ok: false, error: { kind: 'storage', message: `the browser would not read its storage (${(e as Error).message})` } };
    }
    if (text === null) return { ok: true, value: null };
    const r = parseTree(sc, text);
    if (!r.ok) return { ok: false, error: { kind: 'damaged', message: `the stored history tree for ${sc.id} cannot be used: ${r.error}` } };
    this.known.set(slot, text);
    return { ok: true, value: r.value };
  }

  /**
   * Store a tree in its scenario's slot. Refused if the slot holds something this store did not put
   * there and that does not load as a tree of this scenario (a damaged tree is not overwritten);
   * `setAsideDamaged` first copies such a slot to damagedSlot, then stores.
   */
  save(tree: HistoryTree, opts: { setAsideDamaged?: boolean } = {}): Result<void> {
    const slot = treeSlot(tree.sc.id);
    try {
      const old = this.kv.getItem(slot);
      if (old !== null && this.known.get(slot) !== old) {
        const r = parseTree(tree.sc, old);
        if (!r.ok) {
          if (!opts.setAsideDamaged) return err(`the stored history tree for ${tree.sc.id} is damaged (${r.error}); it was not overwritten: set it aside first`);
          this.kv.setItem(damagedSlot(tree.sc.id), old);
        }
      }
      const text = JSON.stringify(tree.toData());
      this.kv.setItem(slot, text);
      this.known.set(slot, text);
      return ok(undefined);
    } catch (e) {
      return err(`the history tree could not be stored (${(e as Error).message}); save branches to files`);
    }
  }

  /** Remove a scenario's stored tree (the damaged copy, if any, stays). */
  forget(scenario: string): void {
    this.kv.removeItem(treeSlot(scenario));
    this.known.delete(treeSlot(scenario));
  }
}

function parseTree(sc: Scenario, text: string): Result<HistoryTree> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return err('it is not valid JSON');
  }
  return HistoryTree.fromData(sc, data);
}
