// Which saved games are branches of a history tree: game slot id -> scenario and branch. When such
// a game is resumed from the title screen, its moves go on being written into its branch.
import type { KV } from '../storage';

const KEY = 'asd.history.links';

export interface BranchLink {
  scenario: string;
  node: string;
}

function read(kv: KV): Record<string, BranchLink> {
  try {
    const x = JSON.parse(kv.getItem(KEY) ?? '{}') as unknown;
    return x && typeof x === 'object' ? (x as Record<string, BranchLink>) : {};
  } catch {
    return {};
  }
}

export const branchLink = (kv: KV, gameId: string): BranchLink | null => read(kv)[gameId] ?? null;

export function linkBranch(kv: KV, gameId: string, link: BranchLink): void {
  const all = read(kv);
  all[gameId] = link;
  try {
    kv.setItem(KEY, JSON.stringify(all));
  } catch {
    /* the game still plays; only its link to the tree is not remembered */
  }
}
