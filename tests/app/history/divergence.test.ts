// A branch's divergence is named in words from the scenario: the event, the option taken and the
// one its parent took, the date; the orders given or not given; a re-roll; moves merely reordered
// are no divergence. The Soviet Union takes its article mid-sentence ('On … the Soviet Union did not order').
import { describe, expect, it } from 'vitest';
import { describeDivergence, TRUNK_ID } from '../../../src/app/history/index';
import { decisionStep, tree1927 } from './helpers';

describe('divergence in words', () => {
  it('names the decision, both options and the date', () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const b = t.branch({ node: TRUNK_ID, at: tip.index }, { moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
    if (!b.ok) throw new Error(b.error);
    const d = describeDivergence(t, b.value.id);
    expect(d.text).toBe('At “A tip about Arcos” (Wednesday 11 May 1927) Britain chose “Refuse: a police search is not worth the diplomatic cost” where history chose “Approve the search”');
    expect(d.index).toBe(tip.index);
    expect(d.side).toBe('britain');
    // A branch of it names its parent by its label.
    t.rename(b.value.id, 'No raid');
    const c = t.branch({ node: b.value.id, at: tip.index + 1 }, { moves: [] });
    if (!c.ok) throw new Error(c.error);
    expect(describeDivergence(t, c.value.id).text).toContain('Branched from “No raid” on');
  });

  it('names orders not given as history gave them', () => {
    const t = tree1927();
    const st = t.steps(TRUNK_ID).find(s => s.move.type === 'orders' && s.move.orders.some(o => o.kind === 'action' && o.id === 'lobby-labour'))!;
    const b = t.branch({ node: TRUNK_ID, at: st.index }, { moves: [{ type: 'orders', side: st.side, orders: [] }] });
    if (!b.ok) throw new Error(b.error);
    const d = describeDivergence(t, b.value.id).text;
    expect(d).toMatch(/^On \w+day \d+ May 1927 the Soviet Union did not order “Turn to the Labour opposition” as history did$/);
  });

  it('names orders given that history did not give', () => {
    const t = tree1927();
    const st = t.steps(TRUNK_ID).find(s => s.move.type === 'orders' && s.side === 'britain' && s.move.orders.length === 0 && !s.drewDice)!;
    const b = t.branch({ node: TRUNK_ID, at: st.index }, { moves: [{ type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'brief-press' }] }] });
    if (!b.ok) throw new Error(b.error);
    expect(describeDivergence(t, b.value.id).text).toContain('Britain ordered “Brief the press on Soviet misconduct”');
  });

  it('does not count moves made in another order as a divergence', () => {
    const t = tree1927();
    const steps = t.steps(TRUNK_ID);
    const k = steps.findIndex((s, i) => s.move.type === 'orders' && s.side === 'britain' && steps[i + 1]?.move.type === 'orders' && steps[i + 1]!.side === 'ussr');
    const b = t.branch({ node: TRUNK_ID, at: k }, { moves: [steps[k + 1]!.move, steps[k]!.move] });
    if (!b.ok) throw new Error(b.error);
    expect(describeDivergence(t, b.value.id).text).toMatch(/^Plays as history did from /);
  });

  it('names a re-roll of the dice', () => {
    const t = tree1927();
    const b = t.branch({ node: TRUNK_ID, at: 4 }, { reseed: 'x' });
    if (!b.ok) throw new Error(b.error);
    expect(describeDivergence(t, b.value.id).text).toMatch(/^The dice fell anew from \w+day \d+ May 1927/);
    expect(describeDivergence(t, TRUNK_ID).text).toContain('historical players');
  });
});
