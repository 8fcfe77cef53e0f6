// A teacher's injected event (engine inject.ts) through history mode: the node records it where it
// fell, every state and line replays it (the tree's checkpoints, a cold replay, a restored tree, a
// line adopted elsewhere), a branch taken after it keeps it and one taken before does not, undo
// will not take back a move the teacher's event came after, and it is named in words in the
// divergence, the diff (full and a seat's) and the plausibility score as a choice no source records.
// The explorer's continuations from a point where it is queued play it.
import { describe, expect, it } from 'vitest';
import { describeDivergence, diffNodes, HistoryTree, plausibility, replayLine, runContinuations, seatDiff, TRUNK_ID } from '../../../src/app/history/index';
import { checkTakeBack } from '../../../src/app/history/takeBack';
import { Match } from '../../../src/app/match';
import { inProcessAi } from '../../../src/app/transport';
import { HistorySession } from '../../../src/app/watch/index';
import { compile, stateHash } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

const c = compile(sc1927);
const EVENT = 'frontier-incident';
const TITLE = 'Trouble on the western frontier';
const fired = (s: { fired: readonly number[] }) => s.fired[c.eventIndex.get(EVENT)!]!;

/** A branch off the trunk after the Arcos tip, played by personas; the teacher's event at its 3rd own move, then played on. */
function injectedBranch() {
  const t = tree1927();
  const tip = decisionStep(t, 'arcos-tip');
  const at = tip.index + 1;
  const b = t.branch({ node: TRUNK_ID, at }, { players: { britain: 'persona', ussr: 'persona' } });
  if (!b.ok) throw new Error(b.error);
  const id = b.value.id;
  expect(t.playComputers(id, 3).ok).toBe(true);
  const where = t.length(id);
  const r = t.inject(id, EVENT);
  if (!r.ok) throw new Error(r.error);
  expect(t.playComputers(id, 30).ok).toBe(true);
  return { t, id, where, at };
}

describe("the teacher's event in the tree", () => {
  it('is recorded where it fell, fires at the next turn, and replays the same from the line, a restored tree and another tree', () => {
    const { t, id, where } = injectedBranch();
    expect(t.node(id)!.injected).toEqual([{ event: EVENT, at: where }]);
    expect(fired(t.stateAt({ node: id, at: where }))).toBe(-1);
    expect(fired(t.state(id))).toBeGreaterThanOrEqual(0);
    const line = t.line(id);
    expect(line.injected).toEqual([{ event: EVENT, at: where }]);
    const end = stateHash(t.state(id));
    const cold = replayLine(sc1927, line);
    expect(cold.ok && stateHash(cold.value)).toBe(end);
    // Without the teacher's event the same moves lead elsewhere (or are illegal): it is part of the log.
    const without = replayLine(sc1927, { ...line, injected: [] });
    expect(without.ok && stateHash(without.value)).not.toBe(end);
    const restored = HistoryTree.fromData(sc1927, JSON.parse(JSON.stringify(t.toData())));
    if (!restored.ok) throw new Error(restored.error);
    expect(stateHash(restored.value.state(id))).toBe(end);
    const other = tree1927();
    const adopted = other.adopt(line);
    if (!adopted.ok) throw new Error(adopted.error);
    expect(other.line(adopted.value.id)).toEqual(line);
    expect(stateHash(other.state(adopted.value.id))).toBe(end);
    // Adopted again, it is the same branch; the same moves without the event are another one.
    expect(other.adopt(line).ok && other.adopt(line)).toMatchObject({ value: { id: adopted.value.id } });
    // The same moves without the event are never taken for this branch.
    const plain = other.adopt({ ...line, injected: [] });
    expect(plain.ok ? plain.value.id : 'refused').not.toBe(adopted.value.id);
  });

  it('is kept by a branch taken at or after it and not by one taken before', () => {
    const { t, id, where } = injectedBranch();
    const after = t.branch({ node: id, at: where });
    const before = t.branch({ node: id, at: where - 1 });
    if (!after.ok || !before.ok) throw new Error('branch refused');
    expect(t.line(after.value.id).injected).toEqual([{ event: EVENT, at: where }]);
    expect(t.line(before.value.id).injected).toBeUndefined();
    expect(stateHash(t.state(after.value.id))).toBe(stateHash(t.stateAt({ node: id, at: where })));
  });

  it('is refused with the engine’s reason when it may not be given, and history cannot be given one', () => {
    const { t, id } = injectedBranch();
    const again = t.inject(id, EVENT);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatch(/already happened|already introduced/);
    expect(t.inject(id, 'no-such-event').ok).toBe(false);
    expect(t.inject(TRUNK_ID, EVENT).ok).toBe(false);
  });

  it('stops undo of a move it came after, naming the teacher', () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const b = t.branch({ node: TRUNK_ID, at: tip.index }, { moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
    if (!b.ok) throw new Error(b.error);
    const before = t.canUndo(b.value.id);
    expect(before.ok || before.reason !== 'teacher').toBe(true);
    expect(t.inject(b.value.id, EVENT).ok).toBe(true);
    const u = t.canUndo(b.value.id);
    expect(u).toMatchObject({ ok: false, reason: 'teacher' });
    if (!u.ok) expect(u.message).toContain(`the teacher introduced “${TITLE}”`);
  });
});

describe("the teacher's event in words", () => {
  it('names the branch when it comes before any other difference', () => {
    const { t, id } = injectedBranch();
    // The personas may differ from history before the event; a branch that only adds the event does not.
    const only = t.branch({ node: TRUNK_ID, at: 10 });
    if (!only.ok) throw new Error(only.error);
    expect(t.inject(only.value.id, EVENT).ok).toBe(true);
    const d = describeDivergence(t, only.value.id);
    expect(d.text).toMatch(new RegExp(`^The teacher introduced “${TITLE}” on (\\w+ )?\\d+ \\w+ 1927$`));
    expect(d.index).toBe(10);
    expect(describeDivergence(t, id).text).toContain(`the teacher introduced “${TITLE}”`);
  });

  it('is listed in the diff, and in a side’s diff once it has fired', () => {
    const { t, id } = injectedBranch();
    const d = diffNodes(t, TRUNK_ID, id);
    expect(d.teacher.a).toEqual([]);
    expect(d.teacher.b).toHaveLength(1);
    expect(d.teacher.b[0]!.text).toBe(`The teacher introduced “${TITLE}”`);
    const firedDay = fired(t.state(id));
    for (const side of ['britain', 'ussr'] as const) {
      const sd = seatDiff(t, TRUNK_ID, id, side);
      expect(sd.teacher.b).toEqual([{ event: EVENT, day: firedDay, text: `The teacher introduced “${TITLE}”` }]);
    }
    // Given on the last point of a branch, not yet fired: a side cannot know of it.
    const fresh = t.branch({ node: TRUNK_ID, at: 10 });
    if (!fresh.ok) throw new Error(fresh.error);
    expect(t.inject(fresh.value.id, EVENT).ok).toBe(true);
    expect(seatDiff(t, TRUNK_ID, fresh.value.id, 'britain').teacher.b).toEqual([]);
    expect(diffNodes(t, TRUNK_ID, fresh.value.id).teacher.b).toHaveLength(1);
  });

  it('counts in the plausibility score as a choice the sources do not record', () => {
    const t = tree1927();
    const b = t.branch({ node: TRUNK_ID, at: 10 });
    if (!b.ok) throw new Error(b.error);
    const plain = plausibility(sc1927, t.line(b.value.id), { rolls: 8 });
    expect(t.inject(b.value.id, EVENT).ok).toBe(true);
    const p = plausibility(sc1927, t.line(b.value.id), { rolls: 8 });
    expect(p.sources.choices).toBe(plain.sources.choices + 1);
    expect(p.sources.score).toBeLessThan(plain.sources.score);
    expect(p.sources.offRecord).toContainEqual(expect.objectContaining({ index: 10, side: null, text: `The teacher introduced “${TITLE}”` }));
    expect(p.explanation.join(' ')).toContain('1 event the teacher introduced');
  });
});

describe("the teacher's event in the explorer", () => {
  it('is played in the continuations from a point where it is queued', () => {
    const t = tree1927();
    const b = t.branch({ node: TRUNK_ID, at: 10 });
    if (!b.ok) throw new Error(b.error);
    const plain = t.line(b.value.id);
    expect(t.inject(b.value.id, EVENT).ok).toBe(true);
    const line = t.line(b.value.id);
    const spec = { games: 4, players: { britain: 'persona', ussr: 'persona' }, seedKey: 'teacher-explore' } as const;
    const was = runContinuations(sc1927, plain, spec, 0, 4);
    const now = runContinuations(sc1927, line, spec, 0, 4);
    // On the same dice, the futures with the event differ from those without it.
    expect(JSON.stringify(now)).not.toBe(JSON.stringify(was));
    // And the same request gives the same continuations.
    expect(runContinuations(sc1927, line, spec, 0, 4)).toEqual(now);
  });
});

describe("the teacher's event in a game played on", () => {
  it('goes into the save a branch or a node is played on from, and undo outside the tree heeds it', async () => {
    const { t, id, where } = injectedBranch();
    const session = new HistorySession(t);
    // Played on from its end, and from a point after the event: the match restores with it.
    const end = session.saveOf(id, { britain: 'human', ussr: 'persona' });
    if (!end.ok) throw new Error(end.error);
    expect(end.value.injected).toEqual([{ event: EVENT, at: where }]);
    const from = session.branch({ node: id, at: where + 2 }, 'britain', 'persona');
    if (!from.ok) throw new Error(from.error);
    for (const save of [end.value, from.value.save]) {
      const m = await Match.restore(sc1927, save, { ai: inProcessAi });
      if (!m.ok) throw new Error(m.error);
      expect(m.value.record().injected).toEqual([{ event: EVENT, at: where }]);
      m.value.dispose();
    }
    // Undo of a game held outside the tree: replayed with the event; a move before it is not taken back past it.
    const moves = t.moves(id);
    const line = t.line(id);
    const late = checkTakeBack(sc1927, line.seed, moves.slice(0, where + 1), 1, line.injected);
    expect(late.ok || late.reason).not.toBe('teacher');
    if (late.ok) expect(stateHash(late.state!)).toBe(stateHash(t.stateAt({ node: id, at: where })));
    const early = checkTakeBack(sc1927, line.seed, moves.slice(0, where + 1), 2, line.injected);
    expect(early).toMatchObject({ ok: false, reason: 'teacher' });
  });
});
