// The search player bargains: when talks are open and a package exists that both cabinets would
// ratify and its side gains from, the negotiator's note is among the moves it weighs, and its
// playouts bear the note out, and its reasons name what the note offers; a note good for its side it accepts.
import { describe, expect, it } from 'vitest';
import { aiRng, makeSearchPlayer } from '../../src/ai/index';
import { makeNegotiator } from '../../src/ai/negotiator';
import { describeTerms, indexOf, packageSpace, termsOf } from '../../src/ai/packages';
import { makeSidePersona } from '../../src/ai/persona';
import { orderCandidates } from '../../src/ai/search/candidates';
import { explain } from '../../src/ai/search/explain';
import { stripAnsi } from '../../src/cli/format';
import { reasonsLines } from '../../src/cli/reasons';
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

  /** A note's terms as the search's reasons give them: a sentence to each. */
  const termSentences = (t: Offer['terms']): string[] =>
    c.terms.flatMap(x => x.options.filter(o => o.id === t[x.id]).map(o => (/[.!?]$/.test(`${x.label}: ${o.label}`) ? `${x.label}: ${o.label}` : `${x.label}: ${o.label}.`)));

  it('proposes that package when its playouts bear it out, and says so, naming its terms', () => {
    const p = makeSearchPlayer(sc, 'britain', 1);
    const out = p.orders(ctx());
    const note = out.find(o => o.kind === 'offer');
    expect(note?.kind).toBe('offer');
    const r = p.why!()!;
    expect(r.summary).toMatch(/send a note/);
    // What the note offers, term by term, as the persona's and the negotiator's reasons give it.
    // Each term its own sentence, never a run of them joined by ";" after one ":".
    const terms = termSentences(note!.kind === 'offer' ? note!.terms : {});
    expect(terms.length).toBeGreaterThan(2);
    expect(r.summary.endsWith(` Its note proposes these terms. ${terms.join(' ')}`)).toBe(true);
    expect(r.summary).not.toContain('Terms of its note:');
    // The same in the terminal (the browser's why panel prints the same summary).
    expect(reasonsLines(r, 1000, 10).map(stripAnsi).join(' ')).toContain(`Its note proposes these terms. ${terms[0]}`);
  });

  it('names a note it passed over by its terms, where they are not the note it sent', () => {
    const cands = orderCandidates(ctx(), makeSidePersona(sc, 'britain'), 4, makeNegotiator(sc, 'britain'));
    const k = cands.findIndex(x => x.origin === 'negotiator' && x.move.type === 'orders' && x.move.orders.some(o => o.kind === 'offer'));
    expect(k).toBeGreaterThan(0);
    const sent = cands[k]!.move.type === 'orders' ? cands[k]!.move.orders.find(o => o.kind === 'offer') : undefined;
    const terms = describeTerms(c, sent?.kind === 'offer' ? sent.terms : {});
    // The search keeps a set with no note of the negotiator's: that note lost, and says what it offered.
    const kept = cands.findIndex(x => x.move.type === 'orders' && !x.move.orders.some(o => o.kind === 'offer' && describeTerms(c, o.terms) === terms));
    expect(kept).toBeGreaterThanOrEqual(0);
    const tally = (score: number) => ({ scores: [score, score + 1, score - 1], objectives: new Float64Array(c.objectives.britain.length) });
    const w = {
      chosen: kept,
      tallies: cands.map((_, j) => tally(j === kept ? 60 : 50)),
      dropped: cands.map(() => -1),
      behind: cands.map(() => -1),
      worlds: 3,
      turns: 30,
      challenger: -1,
      edge: { diff: 0, se: Infinity, n: 0, bound: Infinity },
    };
    const r = explain(c, 'britain', cands, w, "Britain's orders");
    const passed = r.rejected.find(x => x.why.includes('Its note would have proposed these terms.'));
    const said = termSentences(sent?.kind === 'offer' ? sent.terms : {}).join(' ');
    expect(passed?.why.endsWith(`. Its note would have proposed these terms. ${said.slice(0, -1)}`)).toBe(true);
    expect(r.summary).not.toContain(said);
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
