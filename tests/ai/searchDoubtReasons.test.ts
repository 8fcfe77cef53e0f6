// The search player's reasons say when its numbers rest on the other side refusing its notes: once
// its view shows its notes refused, a share of its playouts has that side refuse them again
// (tests/ai/searchDoubt.test.ts), and a reader of "why" must be told, since those futures chose the move.
import { describe, expect, it } from 'vitest';
import { aiRng, makeSearchPlayer } from '../../src/ai/index';
import type { Candidate } from '../../src/ai/search/candidates';
import { explain } from '../../src/ai/search/explain';
import type { Weighed } from '../../src/ai/search/weigh';
import { compile, type SeatView, seatState, seatView } from '../../src/engine/index';
import type { Offer } from '../../src/engine/types';
import { loadScenarioFile } from '../loadScenario';
import { talksOpen } from './talksOpen';

const sc = loadScenarioFile('1932');
const c = compile(sc);

describe('explain, given what the seat has seen of the answers to its notes', () => {
  const objectives = c.objectives.britain.length;
  const tally = (scores: number[]) => ({ scores, objectives: new Float64Array(objectives) });
  const cands: Candidate[] = [
    { label: 'Hold talks in reserve', move: { type: 'orders', side: 'britain', orders: [] }, origin: 'persona', sources: [] },
    { label: 'send a note', move: { type: 'orders', side: 'britain', orders: [] }, origin: 'negotiator', sources: [] },
  ];
  const w: Weighed = { chosen: 0, tallies: [tally([60, 62, 61]), tally([58, 63, 59])], dropped: [-1, -1], worlds: 3, turns: 30, challenger: 1, edge: { diff: -1, se: 1, n: 3, bound: 2 } };
  const ussr = sc.sides.ussr.name;

  it('adds the refusals and the share of futures that assume more of them, from the numbers given', () => {
    const plain = explain(c, 'britain', cands, w, "Britain's orders").summary;
    const doubted = explain(c, 'britain', cands, w, "Britain's orders", { refused: 3, share: 0.984 }).summary;
    expect(doubted.startsWith(plain)).toBe(true);
    expect(doubted.slice(plain.length)).toBe(` ${ussr} refused all 3 of its notes answered so far, so 98% of these futures have ${ussr} refuse its notes again.`);
    expect(explain(c, 'britain', cands, w, 'x', { refused: 1, share: 0.8 }).summary).toContain(`${ussr} refused its one note answered so far, so 80% of these futures`);
    expect(plain).not.toMatch(/refuse its notes again/);
  });
});

describe("the search player's reasons when its notes have been refused (1932, Britain)", () => {
  const s = talksOpen(sc, 'search-notes');
  const view = seatView(c, s, 'britain');
  const day = c.days[Math.max(0, s.turn - 1)]!;
  /** Britain's view with earlier notes of its own (empty terms), answered as given. */
  const withAnswers = (answers: Offer['status'][]): SeatView => ({
    ...view,
    offers: [...view.offers, ...answers.map((status, k): Offer => ({ n: 90 + k, from: 'britain', terms: {}, sentDay: day, arrivesDay: day, status }))],
  });
  const why = (v: SeatView): string => {
    const p = makeSearchPlayer(sc, 'britain', 1);
    p.orders({ c, side: 'britain', view: v, state: seatState(v), rng: aiRng('search-notes', 'britain') });
    return p.why!()!.summary;
  };
  const ussr = sc.sides.ussr.name;

  it('says how many notes were refused and what share of the futures has them refused again', () => {
    const two = why(withAnswers(['rejected', 'rejected']));
    expect(two).toContain(`${ussr} refused all 2 of its notes answered so far, so 94% of these futures have ${ussr} refuse its notes again.`);
    expect(why(withAnswers(['rejected', 'lapsed']))).toContain(`${ussr} refused its one note answered so far, so 80% of these futures`);
  }, 60_000);

  it('says nothing of it when no note was refused, or one was accepted', () => {
    expect(why(view)).not.toMatch(/refuse its notes again/);
    expect(why(withAnswers(['rejected', 'ratified']))).not.toMatch(/refuse its notes again/);
  }, 60_000);
});
