// What the linkers share while a scenario is linked: the name tables built so far, the closures
// of linked conditions, and the flags tested (checked once every effect has been linked). A
// CompileError names the path to the field at fault; the loader adds the file name.
import type { CMinister, Cond } from '../compiled';
import { ROLL } from '../dice';
import type { LinkedCondition } from '../linked';
import type { ScenarioSetup } from '../setup';

export class CompileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export interface LinkContext {
  sc: ScenarioSetup;
  /** The day of each turn. */
  days: number[];
  issueIndex: Map<string, number>;
  figIndex: Map<string, number>;
  ministers: CMinister[];
  ministerIndex: Map<string, number>;
  flagIndex: Map<string, number>;
  actionIndex: Map<string, number>;
  eventIndex: Map<string, number>;
  termIndex: Map<string, number>;
  /** Every flag a condition tests, with where; each must be set by some effect (flags.ts). */
  flagsTested: { name: string; path: string }[];
  /** The closure built for each linked condition, for predictions. */
  condOf: Map<LinkedCondition, Cond>;
  /** How many cabinet votes and effect lists have been linked: the next one's roll index (dice.ts). */
  rolls: number;
}

/**
 * How many rolls of one kind the dice can tell apart: a roll's key packs its kind and an index into
 * one number, the kinds a step of this apart (dice.ts), so an index past it would read as another kind.
 */
export const ROLL_INDICES = ROLL.incident - ROLL.linked;

/** Refuse the scenario where roll index `k` (for `what`, linked at `path`) would not fit in its key. */
export function checkRollIndex(k: number, what: string, path: string): void {
  if (k >= ROLL_INDICES) throw new CompileError(path, `too many ${what}: this is number ${k + 1}, and the dice can tell apart only ${ROLL_INDICES} (dice.ts)`);
}

/** The roll key of the next cabinet vote or effect list (dice.ts ROLL.linked), numbered in link order. */
export function nextLinkedRoll(cx: LinkContext, path: string): number {
  checkRollIndex(cx.rolls, 'cabinet votes and effect lists', path);
  return ROLL.linked | cx.rolls++;
}

/** Ids must be unique within each list. */
export function unique(items: readonly { id: string }[], path: string): void {
  const seen = new Set<string>();
  items.forEach((x, k) => {
    if (seen.has(x.id)) throw new CompileError(`${path}[${k}].id`, `duplicate id "${x.id}"`);
    seen.add(x.id);
  });
}

export function issueAt(cx: Pick<LinkContext, 'issueIndex'>, id: string, path: string): number {
  const k = cx.issueIndex.get(id);
  if (k === undefined) throw new CompileError(path, `unknown issue "${id}"`);
  return k;
}

export function ministerAt(cx: Pick<LinkContext, 'ministerIndex'>, id: string, path: string): number {
  const k = cx.ministerIndex.get(id);
  if (k === undefined) throw new CompileError(path, `unknown minister "${id}"`);
  return k;
}

export function figAt(cx: Pick<LinkContext, 'figIndex'>, id: string, path: string): number {
  const k = cx.figIndex.get(id);
  if (k === undefined) throw new CompileError(path, `unknown figure "${id}"`);
  return k;
}

/** An action named by id that must belong to the given side. */
export function actionOf(cx: Pick<LinkContext, 'actionIndex' | 'sc'>, id: string, side: string, path: string): number {
  const a = cx.actionIndex.get(id);
  if (a === undefined) throw new CompileError(path, `unknown action "${id}"`);
  if (cx.sc.actions[a]!.side !== side) throw new CompileError(path, `"${id}" is not a ${side} action`);
  return a;
}
