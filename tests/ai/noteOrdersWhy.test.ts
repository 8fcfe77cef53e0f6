// A bargaining player that sends a note sends its persona's orders with it: each of those orders
// carries the reasons of the numbers that chose it (its persona's, as the persona gives them when the
// talks are shut), beside the note's, and an order dropped to pay for the note is said to have made
// way for it.
import { describe, expect, it } from 'vitest';
import { makePlayer, type Player } from '../../src/ai/index';
import { makeSidePersona } from '../../src/ai/persona';
import { named } from '../../src/ai/personaReasons';
import { nextMove } from '../../src/ai/player';
import { compile } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import { loadScenarioFile } from '../loadScenario';
import { eachMove } from './eachMove';

describe('the orders sent with a note carry their own reasons', () => {
  for (const [id, seed, kinds, bargains] of [
    ['1929', 'demo', { britain: 'negotiator', ussr: 'persona' }, 'britain'],
    ['1932', 'note-orders', { britain: 'persona', ussr: 'hardliner' }, 'ussr'],
  ] as const) {
    it(`${id}, ${kinds.britain} v ${kinds.ussr}: each order sent with a note is named by a factor of its persona's`, () => {
      const sc = loadScenarioFile(id);
      const c = compile(sc);
      const ps: Record<'britain' | 'ussr', Player> = { britain: makePlayer(kinds.britain, sc, 'britain'), ussr: makePlayer(kinds.ussr, sc, 'ussr') };
      let notes = 0,
        gaveWay = 0;
      eachMove(sc, seed, ps, v => {
        if (v.side !== bargains || v.move.type !== 'orders' || !v.move.orders.some(o => o.kind === 'offer')) return;
        const sent = v.move.orders.flatMap(o => (o.kind === 'action' ? [c.actionIndex.get(o.id)!] : []));
        const why = ps[v.side].why!()!;
        // The persona asked the same: the orders it would give, and its reasons for them.
        const persona = makeSidePersona(sc, v.side);
        nextMove(c, v.view, persona, openRng(v.dice));
        const own = persona.why!()!;
        const where = `${v.side} turn ${v.view.turn}: ${why.summary}`;
        expect(why.summary, where).toMatch(/note/);
        for (const k of sent) {
          const { label } = named(c, k);
          const mine = why.factors.filter(f => f.label.startsWith(`${label}: `));
          expect(mine.length, `${label} has no factor: ${where}`).toBeGreaterThanOrEqual(sent.filter(j => named(c, j).label === label).length);
          // Its own numbers: its worth to the objectives, leaning, cost and dice, as its persona states them.
          for (const f of mine) {
            expect(f.label).toMatch(/to our objectives/);
            expect(own.factors).toContainEqual(f);
          }
        }
        notes++;
        gaveWay += why.rejected.filter(a => / capital went to the note, which costs \d+$/.test(a.why)).length;
      });
      expect(notes, 'the note is sent with orders').toBeGreaterThan(0);
      if (id === '1929') expect(gaveWay, 'an order made way for the note').toBeGreaterThan(0);
    }, 120_000);
  }
});
