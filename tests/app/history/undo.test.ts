// Undo within a turn, never of dice already rolled: a decision without a vote and the first side's
// sealed orders can be taken back; a decision that went to a vote, the orders that resolved the
// turn, the move that ended the game, a move a branch was taken after, and inherited moves cannot.
import { describe, expect, it } from 'vitest';
import { TRUNK_ID } from '../../../src/app/history/index';
import { stateHash } from '../../../src/engine/index';
import { tree1927 } from './helpers';

describe('undo', () => {
  it('takes back a decision that drew no dice, and the state is as before it', () => {
    const t = tree1927();
    const st = t.steps(TRUNK_ID).find(s => s.move.type === 'decide' && !s.drewDice)!;
    expect(st).toBeDefined();
    const b = t.branch({ node: TRUNK_ID, at: st.index }, { moves: [st.move] });
    if (!b.ok) throw new Error(b.error);
    const before = stateHash(t.stateAt({ node: b.value.id, at: st.index }));
    expect(t.canUndo(b.value.id)).toEqual({ ok: true, move: st.move });
    expect(t.undo(b.value.id).ok).toBe(true);
    expect(t.length(b.value.id)).toBe(st.index);
    expect(stateHash(t.state(b.value.id))).toBe(before);
  });

  it('refuses a decision that went to a cabinet vote: its dice are rolled', () => {
    const t = tree1927();
    const tip = t.steps(TRUNK_ID).find(s => s.move.type === 'decide' && s.drewDice)!;
    expect(tip).toBeDefined();
    const b = t.branch({ node: TRUNK_ID, at: tip.index }, { moves: [tip.move] });
    if (!b.ok) throw new Error(b.error);
    const u = t.canUndo(b.value.id);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.reason).toBe('dice');
    expect(t.undo(b.value.id).ok).toBe(false);
    expect(t.length(b.value.id)).toBe(tip.index + 1);
  });

  it('takes back the first side’s sealed orders, but not the orders that resolved the turn', () => {
    const t = tree1927();
    const steps = t.steps(TRUNK_ID);
    // A turn whose first orders are Britain's and second the USSR's.
    const k = steps.findIndex((s, i) => s.move.type === 'orders' && s.side === 'britain' && steps[i + 1]?.move.type === 'orders' && steps[i + 1]!.side === 'ussr');
    const b = t.branch({ node: TRUNK_ID, at: k }, { moves: [steps[k]!.move] });
    if (!b.ok) throw new Error(b.error);
    expect(steps[k]!.drewDice).toBe(false);
    expect(t.canUndo(b.value.id).ok).toBe(true);
    expect(t.play(b.value.id, steps[k + 1]!.move).ok).toBe(true);
    const u = t.canUndo(b.value.id);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.reason).toBe('turn');
    // Nor can the sealed orders before it be reached: undo is of the last move only.
    expect(t.undo(b.value.id).ok).toBe(false);
    expect(t.length(b.value.id)).toBe(k + 2);
  });

  it('refuses an inherited move, a move a branch was taken after, and the move that ended the game', () => {
    const t = tree1927();
    const empty = t.branch({ node: TRUNK_ID, at: 5 });
    if (!empty.ok) throw new Error(empty.error);
    const e = t.canUndo(empty.value.id);
    expect(!e.ok && e.reason).toBe('empty');

    const steps = t.steps(TRUNK_ID);
    const k = steps.findIndex(s => s.move.type === 'orders' && !s.drewDice);
    const b = t.branch({ node: TRUNK_ID, at: k }, { moves: [steps[k]!.move] });
    if (!b.ok) throw new Error(b.error);
    const child = t.branch({ node: b.value.id, at: k + 1 });
    if (!child.ok) throw new Error(child.error);
    const c = t.canUndo(b.value.id);
    expect(!c.ok && c.reason).toBe('child');

    const last = steps.length - 1;
    const end = t.branch({ node: TRUNK_ID, at: last }, { moves: [steps[last]!.move] });
    if (!end.ok) throw new Error(end.error);
    expect(t.state(end.value.id).ended).not.toBeNull();
    const x = t.canUndo(end.value.id);
    expect(!x.ok && x.reason).toBe('ended');
  });
});
