// The diff as a seat saw it is built from that seat's views only: every figure is the one the seat
// could read (a gap where it could not), the other side's private decisions and orders never appear,
// and nothing the other side kept hidden is told by where the paths part. The historian's view shows
// the private figures; the seat's does not.
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/app/history/diff';
import { diffNodes, HistoryTree, seatDiff, TRUNK_ID } from '../../../src/app/history/index';
import { compile, isoOf, type Side, seatView } from '../../../src/engine/index';
import { loadScenarioFile } from '../../loadScenario';
import { decisionStep, sc1927, tree1927 } from './helpers';

describe('the diff as a seat saw it', () => {
  const t = tree1927();
  const tip = decisionStep(t, 'arcos-tip');
  const b = t.branch({ node: TRUNK_ID, at: tip.index }, { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
  if (!b.ok) throw new Error(b.error);
  t.playComputers(b.value.id, 60);
  const c = compile(sc1927);

  for (const seat of ['britain', 'ussr'] as Side[]) {
    it(`shows ${seat} only what its seat views hold`, () => {
      const d = seatDiff(t, TRUNK_ID, b.value.id, seat);
      const all = diffNodes(t, TRUNK_ID, b.value.id);
      expect(d.seat).toBe(seat);
      expect(d.outcomes).toEqual([]);
      // Every value is the seat view's at that date (null where hidden), on both paths.
      for (const [id, key] of [
        [TRUNK_ID, 'a'],
        [b.value.id, 'b'],
      ] as const) {
        const tl = timeline(t, id);
        for (const [j, x] of d.axis.entries()) {
          const at = [...tl].reverse().find(p => p.day <= x.day);
          if (!at || x.day > tl[tl.length - 1]!.day) continue;
          const v = seatView(c, at.s, seat);
          for (const [i, f] of d.figures.entries()) {
            const want = Number.isNaN(v.figures[i]!) ? null : v.figures[i]!;
            expect(f[key][j], `${f.id} on ${x.iso}`).toBe(want);
          }
        }
      }
      // Some figure the historian sees is hidden from the seat: the two views really differ.
      const hiddenSomewhere = d.figures.some((f, i) => f.a.some((x, j) => x === null && all.figures[i]!.a[j] !== null));
      expect(hiddenSomewhere).toBe(true);
      // The other side's decisions appear only on public events; its private ones never.
      for (const x of d.decisions) {
        const ev = c.events[c.eventIndex.get(x.event)!]!;
        if (x.side !== seat) expect(ev.privateTo, x.event).toBeNull();
      }
      expect(all.decisions.some(x => x.side !== seat && c.events[c.eventIndex.get(x.event)!]!.privateTo !== null)).toBe(true);
      // Only actions the seat saw carried out: none of the other side's private ones.
      for (const o of d.orders) {
        if (o.side === seat) continue;
        for (const text of [...(o.a ?? []), ...(o.b ?? [])]) {
          const act = c.actions.find(a => `“${a.label}”` === text && a.side === o.side)!;
          expect(act.public, text).toBe(true);
        }
      }
    });
  }
});

// Review item 8 (session 19): in 1932 a side's view dated an order of the last turn (30 April 1933)
// at the turn before (17 April), and said the paths first looked different on 17 April though its
// own orders differed on 3 April.
describe('the diff as a seat saw it, in 1932', () => {
  const sc = loadScenarioFile('1932');
  const t = HistoryTree.create(sc);
  const steps = t.steps(TRUNK_ID);
  const branchAt = (day: string) => {
    const st = steps.find(s => s.side === 'ussr' && s.move.type === 'orders' && isoOf(s.day) === day)!;
    const b = t.branch(
      { node: TRUNK_ID, at: st.index },
      { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'orders', side: 'ussr', orders: [{ kind: 'action', id: 'press-france' }] }] },
    );
    if (!b.ok) throw new Error(b.error);
    t.playComputers(b.value.id, 200);
    expect(t.state(b.value.id).ended).not.toBeNull();
    return b.value.id;
  };

  it('dates the orders of the last turn as the historian does', () => {
    const id = branchAt('1933-04-30');
    const all = diffNodes(t, TRUNK_ID, id).orders.filter(o => o.side === 'ussr');
    expect(all.map(o => isoOf(o.day))).toEqual(['1933-04-30']);
    for (const seat of ['britain', 'ussr'] as Side[])
      expect(
        seatDiff(t, TRUNK_ID, id, seat).orders.map(o => isoOf(o.day)),
        seat,
      ).toEqual(['1933-04-30']);
  });

  it('says they part no later than the first difference it lists', () => {
    const id = branchAt('1933-04-03');
    for (const seat of ['britain', 'ussr'] as Side[]) {
      const d = seatDiff(t, TRUNK_ID, id, seat);
      const listed = [...d.orders.map(o => o.day), ...d.decisions.filter(x => !x.same).map(x => Math.min(x.a?.shown ?? Infinity, x.b?.shown ?? Infinity))];
      expect(listed.length, seat).toBeGreaterThan(0);
      expect(d.divergeDay, seat).not.toBeNull();
      expect(d.divergeDay!, seat).toBeLessThanOrEqual(Math.min(...listed));
      // Press Paris is public: both sides saw it carried out on 3 April.
      expect(isoOf(d.divergeDay!), seat).toBe('1933-04-03');
    }
  });
});
