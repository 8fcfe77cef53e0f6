// The negotiator's package table is worked out afresh at every move from a handful of playouts, so
// two moves' tables differ by playout noise alone. Its note must not follow that noise: with its own
// note on the table and nothing in the view that bears on the talks changed but the turn (a new
// turn draws a new table), it proposes what it proposed. A negotiator whose note jumped with each
// table gave a Tit-for-Tat nothing to read and a Hardliner nothing to meet (the agreement rate of
// search:4 fell from 81% to 71% when the table stopped being kept for eight turns).
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, nextMove, toMove } from '../../src/ai/index';
import { makeNegotiator } from '../../src/ai/negotiator';
import type { Player } from '../../src/ai/player';
import { applyMove, compile, createGame, type Move, type SeatView, seatView } from '../../src/engine/index';
import { openRng, type RngState } from '../../src/engine/rng';
import type { Terms } from '../../src/engine/types';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

const same = (a: Terms, b: Terms): boolean => JSON.stringify(a) === JSON.stringify(b);
const noteOf = (m: Move | null): Terms | undefined => (m?.type === 'orders' ? m.orders.find(o => o.kind === 'offer') : undefined)?.terms;

describe("the negotiator's note between moves", () => {
  it.each([
    { rollouts: 1, what: 'one playout a package, as the search player uses it' },
    { rollouts: 3, what: 'three playouts a package, as the negotiator plays' },
  ])(
    'with $what, stays put when only the turn (and so the table) changes',
    ({ rollouts }) => {
      const sc = loadScenarioFile('1929');
      const c = compile(sc);
      const seed = 'fresh/1';
      const make = (): Player => makeNegotiator(sc, 'ussr', { rollouts });
      const players = { britain: makePlayer('hardliner', sc, 'britain'), ussr: make() };
      const rngs = { britain: aiRng(seed, 'britain'), ussr: aiRng(seed, 'ussr') };
      // The negotiator's moves that send again the note it sent last (read off the view): its standing note.
      const asked: { view: SeatView; dice: RngState; note: Terms }[] = [];
      let notes = 0;
      let s = createGame(sc, seed);
      while (!s.ended) {
        const side = SIDES.find(x => toMove(s, x))!;
        const view = seatView(c, s, side, AI_VIEW);
        const dice = rngs[side].state();
        const move = nextMove(c, view, players[side], rngs[side])!;
        const note = noteOf(move);
        const last = view.offers.filter(o => o.from === 'ussr').sort((a, b) => b.n - a.n)[0];
        if (side === 'ussr' && note && last) {
          notes++;
          if (same(note, last.terms) && view.turn + 2 < c.days.length) asked.push({ view, dice, note });
        }
        const r = applyMove(sc, s, move);
        if (!r.ok) throw new Error(r.error);
        s = r.value;
      }
      // Most of its notes after the first stand by the last: the talks here change little from one note to the next.
      expect(asked.length, `notes that repeat the last of ${notes}`).toBeGreaterThanOrEqual(Math.max(3, notes / 2));
      for (const a of asked) {
        // The same view a turn on: the table is drawn afresh (it is seeded by the turn), nothing else moves but the clock.
        const later = noteOf(nextMove(c, { ...a.view, turn: a.view.turn + 1 }, make(), openRng(a.dice)));
        expect(later && same(later, a.note), `the note a turn after turn ${a.view.turn}`).toBe(true);
      }
    },
    600_000,
  );
});
