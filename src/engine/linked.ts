// Effects and conditions as the engine reads them: one tagged union each, every name resolved to
// an index. The linker (link/effects.ts, link/conditions.ts) is the only code that reads the
// file's forms; everything after it (play, predictions, the computer players' values, the names
// shown to players) switches on `k`, and a `never` default makes a forgotten kind a type error.
import type { Relations, Side } from './vocab';

export type LinkedCondition =
  | { k: 'fig'; fig: number; gte?: number; gt?: number; lte?: number; lt?: number }
  /** Set, and (by day number) set before `before` and after `after` when given. */
  | { k: 'flag'; flag: number; before: number | null; after: number | null }
  | { k: 'noFlag'; flag: number }
  /** Set, and its age in days in range. */
  | { k: 'flagAge'; flag: number; gte?: number; lt?: number }
  | { k: 'lead'; minister: number; side: Side }
  | { k: 'inOffice'; minister: number }
  | { k: 'relations'; any: readonly Relations[] }
  | { k: 'fired'; event: number }
  | { k: 'chose'; event: number; option: number }
  | { k: 'took'; action: number }
  /** Terms are recorded by id in the state (GameState.agreed), so the link keeps the ids. */
  | { k: 'agreed'; term: string; option: string }
  | { k: 'from'; day: number }
  | { k: 'until'; day: number }
  | { k: 'all'; of: LinkedCondition[] }
  | { k: 'any'; of: LinkedCondition[] }
  | { k: 'not'; cond: LinkedCondition };

/** `why` is the optional reason a figure change records in the ledger. */
export type LinkedEffect =
  | { k: 'addFig'; fig: number; by: number; why?: string }
  | { k: 'setFig'; fig: number; to: number; why?: string }
  | { k: 'flag'; flag: number; on: boolean }
  | { k: 'relations'; to: Relations }
  | { k: 'resign'; minister: number }
  | { k: 'dismiss'; minister: number }
  | { k: 'appoint'; minister: number }
  | { k: 'setLead'; minister: number }
  | { k: 'chance'; p: number; then: LinkedEffect[]; else: LinkedEffect[] }
  | { k: 'if'; cond: LinkedCondition; then: LinkedEffect[]; else: LinkedEffect[] }
  | { k: 'schedule'; event: number; inDays: number }
  | { k: 'news'; text: string }
  | { k: 'end'; reason: string };

/** For the `never` default of an exhaustive switch: reached only if a kind was left out. */
export function unhandled(x: never): never {
  throw new Error(`unhandled kind ${JSON.stringify(x)}`);
}
