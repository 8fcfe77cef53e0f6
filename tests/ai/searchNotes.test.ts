// The search player bargains: when talks are open and a package exists that both cabinets would
// ratify and its side gains from, the negotiator's note is among the moves it weighs, and its
// playouts bear the note out; a note good for its side it accepts.
import { describe, expect, it } from 'vitest';
import { aiRng, makeSearchPlayer } from '../../src/ai/index';
import { makeNegotiator } from '../../src/ai/negotiator';
import { indexOf, packageSpace, termsOf } from '../../src/ai/packages';
import { makeSidePersona } from '../../src/ai/persona';
import { orderCandidates } from '../../src/ai/search/candidates';
import { compile, seatState, seatView } from '../../src/engine/index';
import type { Offer } from '../../src/engine/types';
import { loadScenarioFile } from '../loadScenario';
import { talksOpen } from './talksOpen';

const sc = loadScenarioFile('1932');
const c = compile(sc);
const ps = packageSpace(c);

describe('the search player at the table (1932, Britain)', () => {
  const s = talksOpen(sc, 'search-notes');
  const view = seatView(c, s, 'britain');
  const ctx = () => ({ c, side: 'britain' as const, view, state: seatState(view), rng: aiRng('search-notes', 'britain') });

  it("weighs the negotiator's note as a candidate", () => {
    const nego = makeNegotiator(sc, 'britain');
    const said = nego.orders(ctx()).find(o => o.kind === 'offer');
    expect(said, 'the negotiator finds a package both cabinets would ratify').toBeDefined();
    const cands = orderCandidates(ctx(), makeSidePersona(sc, 'britain'), 4, makeNegotiator(sc, 'britain'));
    const withNote = cands.find(x => x.origin === 'negotiator');
    expect(withNote?.move.type === 'orders' && withNote.move.orders).toContainEqual(said);
  });

  it('proposes that package when its playouts bear it out, and says so', () => {
    const p = makeSearchPlayer(sc, 'britain', 1);
    const out = p.orders(ctx());
    expect(out.some(o => o.kind === 'offer')).toBe(true);
    expect(p.why!()!.summary).toMatch(/send a note/);
  });

  const answer = (terms: Offer['terms']) => {
    const note: Offer = { n: 99, from: 'ussr', terms, sentDay: c.days[s.turn]!, arrivesDay: c.days[s.turn]!, status: 'delivered' };
    const v = { ...view, offers: [note] };
    const p = makeSearchPlayer(sc, 'britain', 1);
    return p.orders({ c, side: 'britain', view: v, state: seatState(v), rng: aiRng('search-notes', 'britain') }).find(o => o.kind === 'reply');
  };

  it('accepts a note that gives its side what the negotiator would have asked for', () => {
    const nego = makeNegotiator(sc, 'britain');
    const asked = nego.orders(ctx()).find(o => o.kind === 'offer')!;
    const terms = asked.kind === 'offer' ? asked.terms : {};
    expect(indexOf(ps, terms)).toBeGreaterThanOrEqual(0);
    expect(answer(terms)).toEqual({ kind: 'reply', offer: 99, accept: true });
  });

  it("refuses Moscow's own best package by its term table", () => {
    const best = [...ps.table.ussr.keys()].reduce((a, k) => (ps.table.ussr[k]! > ps.table.ussr[a]! ? k : a), 0);
    expect(answer(termsOf(ps, best))).toEqual({ kind: 'reply', offer: 99, accept: false });
  });
});
