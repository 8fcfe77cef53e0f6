// Rules rewritten for speed to read a side's own field (not a field named by a varying key) and to
// copy a state's notes only when one changes: they must still answer for the right side, and a
// move must still leave the state before it as it was.
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/engine/calendar';
import { compile, createGame } from '../../src/engine/index';
import type { Order } from '../../src/engine/types';
import { SIDES } from '../../src/engine/vocab';
import { Play, quiet, variant } from './helpers';

describe('a lead condition', () => {
  it("reads its own side's lead, on either side, before and after a change of lead", () => {
    // One outcome per minister: "he leads".
    const sc = variant(raw => {
      raw.history.outcomes = raw.ministers.map((m: { id: string }) => ({ id: `lead-${m.id}`, label: m.id, when: { lead: m.id } }));
    });
    const c = compile(sc);
    const s0 = createGame(sc, 'lead');
    const leads = (s: typeof s0) => c.outcomes.flatMap((o, k) => (o.when(s) ? [k] : []));
    expect(leads(s0)).toEqual(SIDES.map(side => s0.lead[side]).sort((a, b) => a - b));
    // Each side's lead handed to another minister of that side: only that side's answer moves.
    for (const side of SIDES) {
      const other = c.ministers.findIndex((m, k) => m.side === side && k !== s0.lead[side]);
      const s = { ...s0, lead: { ...s0.lead, [side]: other } };
      expect(leads(s)).toEqual(SIDES.map(x => s.lead[x]).sort((a, b) => a - b));
    }
  });
});

describe('notes on the way', () => {
  it('arrive in the new state only: the state before keeps its notes list and their status', () => {
    const sc = quiet();
    const g = new Play(sc);
    g.until('1927-05-11');
    g.turn({ ussr: [{ kind: 'offer', terms: { propaganda: 'pledge' } } as Order] }); // arrives 18 May
    const sent = g.s;
    const list = sent.offers;
    expect(list.map(o => o.status)).toEqual(['sent']);
    // Turns on which nothing changes keep the same list; the one that delivers the note copies it.
    while (g.day < dayOf('1927-05-18')) g.turn();
    expect(g.s.offers[0]!.status).toBe('delivered');
    expect(sent.offers).toBe(list);
    expect(list.map(o => o.status)).toEqual(['sent']);
  });
});
