// The diff of two nodes: a common date axis with a value per date for each figure (null past a
// path's end), the decisions each took, the events that fired in one and not the other, outcomes.
import { describe, expect, it } from 'vitest';
import { describeDivergence, diffNodes, HistoryTree, TRUNK_ID } from '../../../src/app/history/index';
import { dateText } from '../../../src/app/history/words';
import { loadScenarioFile } from '../../loadScenario';
import { decisionStep, tree1927 } from './helpers';

describe('diff of two nodes', () => {
  it('history against a branch that refused the raid', () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    // On history's own dice Jix goes ahead after a refusal (a 35% chance), so both sides of the diff
    // are re-rolled alike from the tip: history's choice there against the refusal, with no raid.
    const branch = (option: string) => {
      const b = t.branch(
        { node: TRUNK_ID, at: tip.index },
        { reseed: 'tip-refused', players: { britain: 'historical', ussr: 'historical' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option }] },
      );
      if (!b.ok) throw new Error(b.error);
      t.playComputers(b.value.id);
      return b.value.id;
    };
    const history = branch('approve');
    const d = diffNodes(t, history, branch('refuse'));
    expect(d.common).toBe(tip.index);
    expect(d.divergeDay).toBe(tip.day);
    // One axis, ascending; every series has a value for every date.
    expect(d.axis.map(x => x.day)).toEqual([...d.axis.map(x => x.day)].sort((x, y) => x - y));
    for (const f of d.figures) {
      expect(f.a).toHaveLength(d.axis.length);
      expect(f.b).toHaveLength(d.axis.length);
    }
    const tension = d.figures.find(f => f.id === 'tension')!;
    expect(tension.gap).toBeGreaterThan(0);
    // Identical before the divergence.
    const before = d.axis.findIndex(x => x.day >= tip.day);
    for (const f of d.figures) for (let j = 0; j < before; j++) expect(f.a[j]).toBe(f.b[j]);
    const tipDiff = d.decisions.find(x => x.event === 'arcos-tip')!;
    expect(tipDiff.same).toBe(false);
    expect(tipDiff.a?.label).toBe('Approve the search');
    expect(tipDiff.b?.option).toBe('refuse');
    expect(d.decisions.find(x => x.event === 'arcos-raid')?.b).toBeNull();
    expect(d.events.onlyA.map(e => e.event)).toContain('arcos-raid');
    expect(d.outcomes.find(o => o.id === 'raid')).toMatchObject({ a: true, b: false });
  });

  it('dates a path that stopped short, and marks what history came to only later as not reached, not "no"', () => {
    const t = tree1927();
    // A branch taken in mid-May and never played on: it stops there, unfinished.
    const k = t.steps(TRUNK_ID).findIndex(st => st.day >= t.steps(TRUNK_ID).find(x => x.move.type === 'decide' && x.move.event === 'arcos-tip')!.day + 5);
    const b = t.branch({ node: TRUNK_ID, at: k }, { players: { britain: 'historical', ussr: 'historical' } });
    if (!b.ok) throw new Error(b.error);
    const d = diffNodes(t, TRUNK_ID, b.value.id);
    expect(d.ends.a.finished).toBe(true);
    expect(d.ends.b.finished).toBe(false);
    expect(d.ends.b.day).toBeLessThan(d.ends.a.day);
    // The raid came before it stopped: held in both. The rupture of late May came after: open, not "no".
    expect(d.outcomes.find(o => o.id === 'raid')).toMatchObject({ a: true, b: true, reached: { a: true, b: true } });
    expect(d.outcomes.find(o => o.id === 'rupture-may')).toMatchObject({ a: true, b: false, reached: { a: true, b: false } });
    // A finished path has reached every outcome, held or not.
    expect(d.outcomes.every(o => o.reached.a)).toBe(true);
    expect(d.relations.b).toBe('full');
    // Decided only at the end: "no war" holds so far, but a war may yet come, so it is open, not "yes".
    expect(d.outcomes.find(o => o.id === 'no-war')).toMatchObject({ a: true, b: true, reached: { a: true, b: false } });
  });

  it('leaves open what an unfinished branch holds only so far: 1929 stopped before any protocol, 1927 stopped after the rupture', () => {
    // 1929: "No protocol by the end" holds while talks go on; it is decided only at the end.
    const t29 = HistoryTree.create(loadScenarioFile('1929'));
    const b29 = t29.branch({ node: TRUNK_ID, at: 30 }, { players: { britain: 'historical', ussr: 'historical' } });
    if (!b29.ok) throw new Error(b29.error);
    const d29 = diffNodes(t29, TRUNK_ID, b29.value.id);
    expect(d29.outcomes.find(o => o.id === 'no-protocol')).toMatchObject({ b: true, reached: { b: false } });
    // 1927 stopped with relations broken: the deadlock at the year's end is not yet decided, though it holds now;
    // the raid, an event that stays, is a plain yes.
    const t = tree1927();
    const rupture = t.steps(TRUNK_ID).findIndex(st => t.stateAt({ node: TRUNK_ID, at: st.index + 1 }).relations === 'ruptured');
    const b = t.branch({ node: TRUNK_ID, at: rupture + 1 }, { players: { britain: 'historical', ussr: 'historical' } });
    if (!b.ok) throw new Error(b.error);
    const d = diffNodes(t, TRUNK_ID, b.value.id);
    expect(d.relations.b).toBe('ruptured');
    expect(d.outcomes.find(o => o.id === 'deadlock')).toMatchObject({ b: true, reached: { b: false } });
    expect(d.outcomes.find(o => o.id === 'raid')).toMatchObject({ b: true, reached: { b: true } });
  });

  it('a branch re-rolled at move k shares k moves with history and parts on the day the dice fall anew', () => {
    const t = tree1927();
    for (const k of [4, 30]) {
      const b = t.branch({ node: TRUNK_ID, at: k }, { reseed: `anew-${k}`, players: { britain: 'historical', ussr: 'historical' } });
      if (!b.ok) throw new Error(b.error);
      t.playComputers(b.value.id);
      const id = b.value.id;
      const d = diffNodes(t, TRUNK_ID, id);
      const day = t.steps(id)[k]!.day;
      // The same point the branch's own description names, and the first k moves really are history's.
      expect(describeDivergence(t, id).text).toContain(`The dice fell anew from ${dateText(day)}`);
      expect(t.moves(id).slice(0, k)).toEqual(t.moves(TRUNK_ID).slice(0, k));
      expect(d.common).toBe(k);
      expect(d.divergeDay).toBe(day);
      // Compared either way round.
      expect(diffNodes(t, id, TRUNK_ID)).toMatchObject({ common: k, divergeDay: day });
    }
  });

  it('a game on a seed of its own shares no moves with history: its dice differ from the start', () => {
    const t = tree1927();
    const g = t.addRoot('own-dice', [], { players: { britain: 'historical', ussr: 'historical' } });
    if (!g.ok) throw new Error(g.error);
    t.playComputers(g.value.id, 6);
    // Its first moves are history's (the same players before any die is cast), but not on history's dice.
    expect(t.moves(g.value.id).slice(0, 2)).toEqual(t.moves(TRUNK_ID).slice(0, 2));
    const d = diffNodes(t, TRUNK_ID, g.value.id);
    expect(d.common).toBe(0);
    expect(d.divergeDay).toBe(t.steps(TRUNK_ID)[0]!.day);
  });

  it('an unfinished branch has no values past its end; a node against itself has no differences', () => {
    const t = tree1927();
    const b = t.branch({ node: TRUNK_ID, at: 20 });
    if (!b.ok) throw new Error(b.error);
    const d = diffNodes(t, TRUNK_ID, b.value.id, { figures: ['tension'] });
    expect(d.figures).toHaveLength(1);
    const f = d.figures[0]!;
    expect(f.a.every(x => x !== null)).toBe(true);
    expect(f.b[f.b.length - 1]).toBeNull();
    expect(f.gap).toBe(0);
    const same = diffNodes(t, TRUNK_ID, TRUNK_ID);
    expect(same.decisions.every(x => x.same)).toBe(true);
    expect(same.orders).toEqual([]);
    expect(same.events).toEqual({ onlyA: [], onlyB: [], moved: [] });
    expect(same.figures.every(x => x.gap === 0)).toBe(true);
  });
});
