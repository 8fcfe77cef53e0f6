// Shared by the history-mode tests: the 1927 scenario, a tree of it, and the trunk's moves found by event.
import { AI_VIEW, aiRng, nextMove, playerFor, toMove } from '../../../src/ai/index';
import { checkShared, HistoryTree, parseShared, type ShareRefusal, type Step, TRUNK_ID } from '../../../src/app/history/index';
import { compile, SIDES, seatView } from '../../../src/engine/index';
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

/**
 * Play a node on for `count` moves: the computer seats as the tree plays them, each person's seat by
 * a persona standing in for the person (its moves are the person's own, carried in codes).
 */
export function playOnWithPeople(tree: HistoryTree, id: string, count: number): void {
  const c = compile(tree.sc);
  const end = tree.length(id) + count;
  while (tree.length(id) < end) {
    const s = tree.state(id);
    if (s.ended) return;
    if (tree.playComputers(id, end - tree.length(id)).ok && tree.length(id) >= end) return;
    const side = SIDES.find(x => tree.node(id)!.players?.[x] === 'human' && toMove(tree.state(id), x));
    if (!side) return;
    const m = nextMove(c, seatView(c, tree.state(id), side, AI_VIEW), playerFor('persona', tree.sc, side), aiRng(`person@${tree.length(id)}`, side));
    if (!m || !tree.play(id, m).ok) throw new Error('the person’s move was refused');
  }
}

/**
 * A 1927 branch Britain takes over (a person, against the persona) after history's tip about Arcos,
 * played on as far as `count` moves: the tree, the branch's id and the move it branched at.
 */
export function personBranchAfterTip(count = 1000): { t: HistoryTree; id: string; at: number } {
  const t = tree1927();
  const at = decisionStep(t, 'arcos-tip').index + 1;
  const b = t.branch({ node: TRUNK_ID, at }, { players: { britain: 'human', ussr: 'persona' } });
  if (!b.ok) throw new Error(b.error);
  playOnWithPeople(t, b.value.id, count);
  return { t, id: b.value.id, at };
}

/**
 * A branch of three stretches of play by different players: Britain a person against the computer
 * thinking ahead (search:2) after the Arcos tip refused, then both sides computers (the persona
 * against search:2), then two people. Its last node's id.
 */
export function mixedBranch(t: HistoryTree): string {
  const tip = decisionStep(t, 'arcos-tip');
  const a = t.branch({ node: TRUNK_ID, at: tip.index }, { players: { britain: 'human', ussr: 'search:2' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
  if (!a.ok) throw new Error(a.error);
  playOnWithPeople(t, a.value.id, 12);
  const b = t.branch({ node: a.value.id, at: t.length(a.value.id) }, { players: { britain: 'persona', ussr: 'search:2' } });
  if (!b.ok) throw new Error(b.error);
  playOnWithPeople(t, b.value.id, 10);
  const d = t.branch({ node: b.value.id, at: t.length(b.value.id) }, { players: { britain: 'human', ussr: 'human' } });
  if (!d.ok) throw new Error(d.error);
  playOnWithPeople(t, d.value.id, 6);
  return d.value.id;
}

/** Why a branch file (as JSON) is refused when read and checked against 1927, or null if it is taken. */
export async function refusalOf(file: unknown): Promise<ShareRefusal | null> {
  const p = parseShared(JSON.stringify(file));
  if (!p.ok) return p.error.kind;
  const c = await checkShared(sc1927, p.value);
  return c.ok ? null : c.error.kind;
}
