// Where the history tree of each scenario lives between visits: one slot per scenario in the
// browser's storage (the same KV port as the saved games). A stored tree that no longer replays (a
// new scenario version, an altered slot) is not thrown away: it is set aside under another key and
// the reason is given, and a fresh tree starts.
import { err, ok, type Result } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { HistoryTree } from '../history/index';
import type { KV } from '../storage';

const slot = (scenario: string) => `asd.history.${scenario}`;

export interface LoadedTree {
  tree: HistoryTree;
  /** Why the stored tree could not be used, if there was one and it was not. */
  problem: string | null;
}

export function loadTree(kv: KV, sc: Scenario): LoadedTree {
  let raw: string | null = null;
  try {
    raw = kv.getItem(slot(sc.id));
  } catch {
    raw = null;
  }
  if (raw === null) return { tree: HistoryTree.create(sc), problem: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return setAside(kv, sc, raw, `it is not JSON (${(e as Error).message})`);
  }
  const r = HistoryTree.fromData(sc, data);
  if (!r.ok) return setAside(kv, sc, raw, r.error);
  return { tree: r.value, problem: null };
}

function setAside(kv: KV, sc: Scenario, raw: string, why: string): LoadedTree {
  try {
    kv.setItem(`${slot(sc.id)}.unreadable`, raw);
  } catch {
    /* no room: the reason is still shown */
  }
  return { tree: HistoryTree.create(sc), problem: `The stored timeline tree of ${sc.title} could not be read (${why}); it is kept aside and a new tree starts from history.` };
}

export function storeTree(kv: KV, tree: HistoryTree): Result<void> {
  try {
    kv.setItem(slot(tree.sc.id), JSON.stringify(tree.toData()));
    return ok(undefined);
  } catch (e) {
    return err(`the browser would not store the timeline tree (${(e as Error).message})`);
  }
}
