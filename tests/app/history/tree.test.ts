// The branch tree: the trunk is history's own game; a branch keeps its parent's path up to its
// point and rebuilds exactly (checkpoints or not, stored or not); branching goes to the line that
// owns the point; refusals leave the tree as it was.
import { describe, expect, it } from 'vitest';
import { historicalBaseline } from '../../../src/ai/index';
import { HistoryTree, replayLine, TRUNK_ID } from '../../../src/app/history/index';
import { stateHash } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

describe('the trunk', () => {
  it('is the historical players on the history seed, to the end of the scenario', () => {
    const t = tree1927();
    const b = historicalBaseline(sc1927);
    expect(t.seed).toBe(b.seed);
    const end = t.state(TRUNK_ID);
    expect(end.ended?.reason).toBe('the scenario reaches its end date');
    expect(stateHash(end)).toBe(stateHash(b.state));
    expect(t.steps(TRUNK_ID).every(s => s.historical)).toBe(true);
  });

  it('cannot be played on, undone or removed', () => {
    const t = tree1927();
    const m = t.moves(TRUNK_ID)[0]!;
    expect(t.play(TRUNK_ID, m).ok).toBe(false);
    expect(t.undo(TRUNK_ID).ok).toBe(false);
    expect(t.remove(TRUNK_ID).ok).toBe(false);
  });
});

describe('branches', () => {
  it('rebuild exactly at every point: checkpoints, a cold replay of the line and a restored tree agree', () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const b = t.branch({ node: TRUNK_ID, at: tip.index }, { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
    if (!b.ok) throw new Error(b.error);
    expect(t.playComputers(b.value.id).ok).toBe(true);
    const len = t.length(b.value.id);
    expect(len).toBeGreaterThan(tip.index + 20);
    const cold: string[] = [];
    const r = replayLine(sc1927, t.line(b.value.id), {}, s => cold.push(stateHash(s)));
    expect(r.ok).toBe(true);
    const restored = HistoryTree.fromData(sc1927, JSON.parse(JSON.stringify(t.toData())));
    if (!restored.ok) throw new Error(restored.error);
    // Read the points out of order, so checkpoints are used from both sides.
    for (const at of [len, 3, len - 1, tip.index + 1, 17, tip.index]) {
      const h = stateHash(t.stateAt({ node: b.value.id, at }));
      if (at > 0) expect(h).toBe(cold[at - 1]);
      expect(stateHash(restored.value.stateAt({ node: b.value.id, at }))).toBe(h);
    }
    // Up to the branch point the branch is history.
    expect(stateHash(t.stateAt({ node: b.value.id, at: tip.index }))).toBe(stateHash(t.stateAt({ node: TRUNK_ID, at: tip.index })));
    expect(stateHash(t.stateAt({ node: b.value.id, at: tip.index + 1 }))).not.toBe(stateHash(t.stateAt({ node: TRUNK_ID, at: tip.index + 1 })));
  });

  it('a branch made with no moves of its own takes its first move by play, kept and saved', () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const b = t.branch({ node: TRUNK_ID, at: tip.index });
    if (!b.ok) throw new Error(b.error);
    const r = t.play(b.value.id, { type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' });
    expect(r.ok).toBe(true);
    expect(t.length(b.value.id)).toBe(tip.index + 1);
    const restored = HistoryTree.fromData(sc1927, JSON.parse(JSON.stringify(t.toData())));
    if (!restored.ok) throw new Error(restored.error);
    expect(stateHash(restored.value.state(b.value.id))).toBe(stateHash(t.state(b.value.id)));
  });

  it('a branch of a branch keeps both parents; branching at an inherited point goes to the line that owns it', () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const a = t.branch(
      { node: TRUNK_ID, at: tip.index },
      { players: { britain: 'historical', ussr: 'historical' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refer-cabinet' }] },
    );
    if (!a.ok) throw new Error(a.error);
    t.playComputers(a.value.id, 12);
    const deep = t.branch({ node: a.value.id, at: tip.index + 6 });
    if (!deep.ok) throw new Error(deep.error);
    expect(deep.value.parent).toBe(a.value.id);
    expect(t.ancestry(deep.value.id).map(n => n.id)).toEqual([TRUNK_ID, a.value.id, deep.value.id]);
    expect(t.moves(deep.value.id)).toEqual(t.moves(a.value.id).slice(0, tip.index + 6));
    // A point before a's divergence is history's: the new branch hangs off the trunk.
    const early = t.branch({ node: a.value.id, at: 2 });
    if (!early.ok) throw new Error(early.error);
    expect(early.value.parent).toBe(TRUNK_ID);
    expect(early.value.at).toBe(2);
  });

  it('refuses an illegal move or a point off the path and leaves the tree as it was', () => {
    const t = tree1927();
    const before = JSON.stringify(t.toData());
    expect(t.branch({ node: TRUNK_ID, at: 0 }, { moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'approve' }] }).ok).toBe(false);
    expect(t.branch({ node: TRUNK_ID, at: 10_000 }).ok).toBe(false);
    expect(t.branch({ node: 'nope', at: 0 }).ok).toBe(false);
    expect(JSON.stringify(t.toData())).toBe(before);
    const b = t.branch({ node: TRUNK_ID, at: 0 });
    if (!b.ok) throw new Error(b.error);
    const r = t.play(b.value.id, { type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'no-such-action' }] });
    expect(r.ok).toBe(false);
    expect(t.length(b.value.id)).toBe(0);
  });

  it('a re-rolled branch keeps the past and changes the dice after its point', () => {
    const t = tree1927();
    const at = decisionStep(t, 'arcos-tip').index;
    const r = t.branch({ node: TRUNK_ID, at }, { reseed: 'another-future' });
    if (!r.ok) throw new Error(r.error);
    const s = t.stateAt({ node: r.value.id, at });
    const h = t.stateAt({ node: TRUNK_ID, at });
    expect(s.fig).toEqual(h.fig);
    expect(s.rng).not.toEqual(h.rng);
    expect(s.seed).toBe('another-future');
    expect(t.line(r.value.id).reseeds).toEqual([{ at, seed: 'another-future' }]);
  });

  it('a shared branch re-rolled at its point joins history there, as one branch, not by way of a copy of one move', () => {
    const t = tree1927();
    const r = t.branch({ node: TRUNK_ID, at: 30 }, { reseed: 'shared-dice', players: { britain: 'historical', ussr: 'historical' } });
    if (!r.ok) throw new Error(r.error);
    t.playComputers(r.value.id, 20);
    const fresh = tree1927();
    const n = fresh.adopt(t.line(r.value.id));
    if (!n.ok) throw new Error(n.error);
    expect(fresh.nodes()).toHaveLength(2);
    expect(n.value).toMatchObject({ parent: TRUNK_ID, at: 30, reseed: 'shared-dice' });
    expect(fresh.line(n.value.id)).toEqual(t.line(r.value.id));
    expect(stateHash(fresh.state(n.value.id))).toBe(stateHash(t.state(r.value.id)));
    // Re-rolled on other dice at the same point, it is a sibling at 30, not a branch of the first.
    const r2 = t.branch({ node: TRUNK_ID, at: 30 }, { reseed: 'other-dice', players: { britain: 'historical', ussr: 'historical' } });
    if (!r2.ok) throw new Error(r2.error);
    t.playComputers(r2.value.id, 5);
    const other = fresh.adopt(t.line(r2.value.id));
    if (!other.ok) throw new Error(other.error);
    expect(other.value).toMatchObject({ parent: TRUNK_ID, at: 30, reseed: 'other-dice' });
    // A branch of the re-rolled one joins it where it leaves it, and carries its dice without a re-roll of its own.
    const longer = t.branch({ node: r.value.id, at: 40 }, { players: { britain: 'historical', ussr: 'historical' } });
    if (!longer.ok) throw new Error(longer.error);
    t.playComputers(longer.value.id, 3);
    const l = fresh.adopt(t.line(longer.value.id));
    if (!l.ok) throw new Error(l.error);
    expect(l.value.parent).toBe(n.value.id);
    expect(l.value.reseed).toBeUndefined();
    expect(stateHash(fresh.state(l.value.id))).toBe(stateHash(t.state(longer.value.id)));
  });

  it('remove takes a branch and the branches taken from it', () => {
    const t = tree1927();
    const a = t.branch({ node: TRUNK_ID, at: 5 });
    if (!a.ok) throw new Error(a.error);
    const b = t.branch({ node: a.value.id, at: 5 });
    if (!b.ok) throw new Error(b.error);
    // b's point is a's divergence point, which is history's: b hangs off the trunk, so it stays.
    const c = t.branch({ node: TRUNK_ID, at: 7 });
    if (!c.ok) throw new Error(c.error);
    const r = t.remove(a.value.id);
    expect(r.ok && r.value).toEqual([a.value.id]);
    expect(t.nodes().map(n => n.id)).toEqual([TRUNK_ID, b.value.id, c.value.id]);
  });

  it('finds the point of a date and the start of each turn', () => {
    const t = tree1927();
    const p = t.pointAtDay(TRUNK_ID, decisionStep(t, 'arcos-tip').day);
    const s = t.stateAt(p);
    expect(s.pending.britain.length).toBeGreaterThan(0);
    const starts = t.turnStarts(TRUNK_ID);
    expect(starts[0]!.at).toBe(0);
    expect(new Set(starts.map(x => t.stateAt(x).turn)).size).toBe(starts.length);
  });
});
