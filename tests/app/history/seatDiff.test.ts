// The diff as a seat saw it is built from that seat's views only: every figure is the one the seat
// could read (a gap where it could not), the other side's private decisions and orders never appear,
// and nothing the other side kept hidden is told by where the paths part. The historian's view shows
// the private figures; the seat's does not.
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/app/history/diff';
import { diffNodes, seatDiff, TRUNK_ID } from '../../../src/app/history/index';
import { compile, type Side, seatView } from '../../../src/engine/index';
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
