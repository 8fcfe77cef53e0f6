// The search player learns from the answers its notes get: its playouts play the other side as that
// side's persona, and a cabinet that has refused every note so far is not that persona. Once the
// seat's view shows its notes refused, a share of its playouts has the other side refuse its notes,
// and it stops paying for notes the playouts would otherwise count as accepted. Only the view is
// read: the answers to notes are public.
import { describe, expect, it } from 'vitest';
import { aiRng, makeSearchPlayer } from '../../src/ai/index';
import { makeSidePersona } from '../../src/ai/persona';
import { answersSeen, doubtOf, refusingNotesFrom } from '../../src/ai/search/index';
import { personaPolicy } from '../../src/ai/search/playout';
import { doubted } from '../../src/ai/search/weigh';
import { compile, type SeatView, seatState, seatView } from '../../src/engine/index';
import type { Offer } from '../../src/engine/types';
import { loadScenarioFile } from '../loadScenario';
import { talksOpen } from './talksOpen';

const sc = loadScenarioFile('1932');
const c = compile(sc);

describe('the search player and the answers to its notes (1932, Britain)', () => {
  const s = talksOpen(sc, 'search-notes');
  const view = seatView(c, s, 'britain');
  /** Britain's view with `answers` of its own earlier notes (the terms of the note it would send now), each refused or accepted as given. */
  const withAnswers = (answers: Offer['status'][]): SeatView => {
    const asked = makeSearchPlayer(sc, 'britain', 1).orders({ c, side: 'britain', view, state: seatState(view), rng: aiRng('search-notes', 'britain') });
    const note = asked.find(o => o.kind === 'offer');
    if (note?.kind !== 'offer') throw new Error('the search player sends no note with nothing refused');
    const day = c.days[Math.max(0, s.turn - 1)]!;
    const offers = answers.map((status, k): Offer => ({ n: 90 + k, from: 'britain', terms: note.terms, sentDay: day, arrivesDay: day, status }));
    return { ...view, offers: [...view.offers, ...offers] };
  };
  const sends = (v: SeatView) =>
    makeSearchPlayer(sc, 'britain', 2)
      .orders({ c, side: 'britain', view: v, state: seatState(v), rng: aiRng('search-notes', 'britain') })
      .some(o => o.kind === 'offer');

  it('counts the answers its own notes had, and doubts in proportion', () => {
    const v = withAnswers(['rejected', 'rejected', 'ratified', 'lapsed']);
    expect(answersSeen(v)).toEqual({ refused: 2, accepted: 1 });
    expect(doubtOf(personaPolicy(sc), view), 'nothing refused yet').toBeUndefined();
    expect(doubtOf(personaPolicy(sc), v), 'a note accepted: no cabinet that refuses every note').toBeUndefined();
    expect(doubtOf(personaPolicy(sc), withAnswers(['rejected', 'lapsed']))!.share).toBeCloseTo(0.8);
    expect(doubtOf(personaPolicy(sc), withAnswers(['rejected', 'rejected']))!.share).toBeCloseTo(1 / (1 + 1 / 16));
    // The doubted worlds are spread over the whole run: about the share of any stretch of them.
    const n = Array.from({ length: 40 }, (_, j) => doubted(j, 0.5)).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(19);
    expect(n).toBeLessThanOrEqual(21);
  });

  it("plays the other side refusing the seat's notes in the doubted worlds, and only those notes", () => {
    const ussr = refusingNotesFrom(makeSidePersona(sc, 'ussr'), 'britain');
    const them = seatView(c, s, 'ussr');
    const fromBritain: Offer = { n: 98, from: 'britain', terms: {}, sentDay: c.days[s.turn]!, arrivesDay: c.days[s.turn]!, status: 'delivered' };
    const v = { ...them, offers: [...them.offers, fromBritain] };
    const ctx = { c, side: 'ussr' as const, view: v, state: seatState(v), rng: aiRng('doubt', 'ussr') };
    const replies = ussr.orders(ctx).filter(o => o.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every(o => o.kind === 'reply' && !o.accept)).toBe(true);
  });

  it('stops sending notes once the other side has refused them, and sends them again once one was accepted', () => {
    expect(sends(view)).toBe(true);
    expect(sends(withAnswers(['rejected', 'rejected']))).toBe(false);
    expect(sends(withAnswers(['rejected', 'rejected', 'failed']))).toBe(true);
  }, 60_000);
});
