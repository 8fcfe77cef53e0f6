// Shared by the history-mode tests: the 1927 scenario, a tree of it, and the trunk's moves found by event.
import { HistoryTree, type Step, TRUNK_ID } from '../../../src/app/history/index';
import type { Scenario } from '../../../src/scenario/schema';
import { loadScenarioFile } from '../../loadScenario';

export const sc1927: Scenario = loadScenarioFile('1927');

/** A fresh tree of 1927 (the trunk is built once per scenario and copied). */
export const tree1927 = (): HistoryTree => HistoryTree.create(sc1927);

/** The trunk's step at which a decision of this event is made. */
export function decisionStep(tree: HistoryTree, event: string, node = TRUNK_ID): Step {
  const st = tree.steps(node).find(s => s.move.type === 'decide' && s.move.event === event);
  if (!st) throw new Error(`no decision at ${event} on ${node}`);
  return st;
}
