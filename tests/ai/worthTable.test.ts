// What a package is worth is weighed against no agreement now. A note on the table that the other
// side's persona would ratify must not make its own package, or any other, look worth nothing: the
// table's playouts set the notes on the table aside, so a seat's table is the same whatever notes
// lie there (a bargainer deciding whether to accept a note compares accepting with refusing it, not
// with a future where its own persona accepts it later).
import { describe, expect, it } from 'vitest';
import { packageOpen, packageSpace, termsOf } from '../../src/ai/packages';
import { packageWorth } from '../../src/ai/worth';
import { compile } from '../../src/engine/index';
import { acceptanceShare, packageValue } from '../../src/engine/negotiation';
import type { GameState } from '../../src/engine/types';
import { loadScenarioFile } from '../loadScenario';
import { talksOpen } from './talksOpen';

describe('a package is worth the same whatever notes are on the table', () => {
  it.each(['1929', '1932'])('%s: a Soviet note the British persona would ratify does not move the table', year => {
    const sc = loadScenarioFile(year);
    const c = compile(sc);
    const ps = packageSpace(c);
    const s = talksOpen(sc, 'a');
    // A package Britain's cabinet would ratify and that its term table values: its persona accepts such a note.
    let pick = -1;
    for (let i = 0; i < ps.size && pick < 0; i++) {
      const t = termsOf(ps, i);
      if (packageOpen(ps, i, s) && acceptanceShare(c, s, 'britain', t) >= 0.6 && packageValue(c, t, 'britain') >= 0 && acceptanceShare(c, s, 'ussr', t) >= 0.6) pick = i;
    }
    expect(pick, 'a package both cabinets would ratify').toBeGreaterThanOrEqual(0);
    const bare: GameState = { ...s, offers: s.offers.filter(o => o.status !== 'sent' && o.status !== 'delivered') };
    const onTable: GameState = {
      ...bare,
      offers: [...bare.offers, { n: 99, from: 'ussr', terms: termsOf(ps, pick), sentDay: c.days[s.turn]! - 7, arrivesDay: c.days[s.turn]!, status: 'delivered' }],
    };
    const o = { rollouts: 6, seed: 'worth-table' };
    const without = packageWorth(sc, bare, o, 'ussr');
    const withNote = packageWorth(sc, onTable, o, 'ussr');
    // The note's own package is worth something to its sender without it (else the test says nothing).
    expect(Math.abs(without.ussr[pick]!) + Math.abs(without.britain[pick]!)).toBeGreaterThan(0.5);
    expect(Array.from(withNote.britain)).toEqual(Array.from(without.britain));
    expect(Array.from(withNote.ussr)).toEqual(Array.from(without.ussr));
  });
});
