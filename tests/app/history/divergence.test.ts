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
    const b = t.branch({ node: TRUNK_ID, at: st.index }, { moves: [{ type: 'orders', side: st.side, orders: [] }], players: { britain: 'persona', ussr: 'human' } });
    if (!b.ok) throw new Error(b.error);
    const d = describeDivergence(t, b.value.id).text;
    expect(d).toMatch(/^On \w+day \d+ May 1927 the Soviet Union did not order “Turn to the Labour opposition” as history did$/);
  });

  // Review item 2 (session 19): a branch's name on the tree named the computer side's private orders.
  it('never names a computer side’s private move in the tree’s name, nor either side’s in a game of two people', () => {
    const t = tree1927();
    const st = t.steps(TRUNK_ID).find(s => s.move.type === 'orders' && s.move.orders.some(o => o.kind === 'action' && o.id === 'lobby-labour'))!;
    const moves = [{ type: 'orders' as const, side: st.side, orders: [] }];
    const named = /Turn to the Labour opposition/;
    // The Soviet Union played by the computer against a person for Britain: its private orders stay its own.
    const vsPerson = t.branch({ node: TRUNK_ID, at: st.index }, { moves, players: { britain: 'human', ussr: 'persona' } });
    if (!vsPerson.ok) throw new Error(vsPerson.error);
    expect(describeDivergence(t, vsPerson.value.id).text).toMatch(/^Takes another course from \w+day \d+ May 1927, by a move not yet known to Britain$/);
    expect(describeDivergence(t, vsPerson.value.id, 'britain').text).not.toMatch(named);
    expect(describeDivergence(t, vsPerson.value.id, 'public').text).not.toMatch(named);
    // The historian's sight and the side's own name it.
    expect(describeDivergence(t, vsPerson.value.id, 'all').text).toMatch(named);
    expect(describeDivergence(t, vsPerson.value.id, 'ussr').text).toMatch(named);
    // Two people: the name holds only what both sides knew.
    const two = t.branch({ node: TRUNK_ID, at: st.index }, { moves, players: { britain: 'human', ussr: 'human' } });
    if (!two.ok) throw new Error(two.error);
    expect(describeDivergence(t, two.value.id).text).toMatch(/, by a move not yet known to both sides$/);
  });

  it('names the other side’s public orders once its turn is resolved, and not while it is open', () => {
    const t = tree1927();
    const st = t.steps(TRUNK_ID).find(s => s.move.type === 'orders' && s.side === 'britain' && s.move.orders.length === 0 && !s.drewDice)!;
    // Britain (the computer here) briefs the press: a public order; the Soviet Union is the person.
    const b = t.branch(
      { node: TRUNK_ID, at: st.index },
      { moves: [{ type: 'orders', side: 'britain', orders: [{ kind: 'action', id: 'brief-press' }] }], players: { britain: 'persona', ussr: 'human' } },
    );
    if (!b.ok) throw new Error(b.error);
    // Sealed: the Soviet Union has not given its orders, so the turn is open.
    expect(describeDivergence(t, b.value.id).text).not.toContain('Brief the press');
    // The turn resolved (the Soviet Union gives history's orders): the order was carried out in public.
    const ussr = t.steps(TRUNK_ID).find(s => s.index > st.index && s.side === 'ussr' && s.turn === st.turn)!;
    const r = t.play(b.value.id, ussr.move);
    if (!r.ok) throw new Error(r.error);
    expect(describeDivergence(t, b.value.id).text).toContain('Britain ordered “Brief the press on Soviet misconduct”');
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
