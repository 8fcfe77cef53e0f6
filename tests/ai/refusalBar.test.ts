// The search reads the other side's refusals of its notes: once it has refused a note of ours the
// persona would have taken, the search's futures have it refuse every note of ours worth no more to
// it than the best it refused, a bar that falls to nothing by the last turn; its reasons say so.
// Only the seat's view (and the state built from it) is read.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove, type Player, runGame, toMove } from '../../src/ai/index';
import { barAt, type RefusalBar, readOpponent, refusalBar, WaryPlayer } from '../../src/ai/search/opponent';
import { compile, createGame, type GameState, seatState, seatView } from '../../src/engine/index';
import { acceptanceShare, packageValue } from '../../src/engine/negotiation';
import { openRng } from '../../src/engine/rng';
import type { Offer } from '../../src/engine/types';
import { other, SIDES, type Side } from '../../src/engine/vocab';
import { playOn } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

const barOf = (c: ReturnType<typeof compile>, s: GameState, side: Side): RefusalBar | null => {
  const v = seatView(c, s, side, AI_VIEW);
  return refusalBar(c, v, seatState(v));
};

describe.each(['1929', '1932'])('the refusal bar in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);

  it.each(SIDES)('is never set against the persona (%s seat): the persona refuses only what its own rule refuses', me => {
    const players = { [me]: makePlayer('negotiator', sc, me), [other(me)]: makePlayer('persona', sc, other(me)) } as Record<Side, Player>;
    let asked = 0;
    runGame(sc, createGame(sc, `bar-${id}`, { record: false }), players, false, s => {
      if (!toMove(s, me)) return;
      asked++;
      expect(barOf(c, s, me)).toBeNull();
    });
    expect(asked).toBeGreaterThan(20);
  });
});

describe('the refusal bar against a bargainer that refuses (1932, Britain against the Boulware)', () => {
  const sc = loadScenarioFile('1932');
  const c = compile(sc);
  const players = { britain: makePlayer('negotiator', sc, 'britain'), ussr: makePlayer('boulware', sc, 'ussr') } as Record<Side, Player>;
  // The first position where Britain is to move, has had a note refused that the persona's rule
  // would take, and reads Moscow as the persona (it has held out: opponent.ts, readOpponent).
  const read = (st: GameState) => readOpponent(c, seatView(c, st, 'britain', AI_VIEW), st);
  const s = playOn(sc, createGame(sc, 'b0'), 'b0', players, st => toMove(st, 'britain') && barOf(c, st, 'britain') !== null && read(st) === 'persona');
  const bar = barOf(c, s, 'britain')!;
  const view = seatView(c, s, 'britain', AI_VIEW);
  const refused = view.offers.filter(o => o.from === 'britain' && o.status === 'rejected');

  it('is the most a refused note of ours was worth to them, among those the persona would have taken', () => {
    expect(bar).not.toBeNull();
    const believed = seatState(view);
    const taken = refused.filter(o => packageValue(c, o.terms, 'ussr') >= 0 && acceptanceShare(c, believed, 'ussr', o.terms) >= 0.5);
    expect(taken.length).toBeGreaterThan(0);
    expect(bar.worth).toBe(Math.max(...taken.map(o => packageValue(c, o.terms, 'ussr'))));
    expect(bar.turn).toBeLessThanOrEqual(s.turn);
  });

  it('falls in a straight line from its worth at the refusal to nothing at the last turn', () => {
    const last = c.days.length - 1;
    expect(barAt(c, bar, bar.turn)).toBe(bar.worth);
    expect(barAt(c, bar, last)).toBe(0);
    const mid = (bar.turn + last) / 2;
    expect(barAt(c, bar, mid)).toBeCloseTo(bar.worth / 2, 9);
    expect(barAt(c, bar, bar.turn - 3)).toBe(bar.worth);
  });

  it('makes the other side in the futures refuse a note of ours worth no more to it than the bar, and only such a note', () => {
    // Our refused note sent again and delivered to Moscow, which must answer it now.
    const note = refused.reduce((a, o) => (packageValue(c, o.terms, 'ussr') > packageValue(c, a.terms, 'ussr') ? o : a));
    const again: Offer = { ...note, n: 99, status: 'delivered', sentDay: view.day, arrivesDay: view.day };
    const at: GameState = { ...s, offers: [...s.offers, again] };
    expect(toMove(at, 'ussr')).toBe(true);
    const answer = (p: Player) => {
      const m = nextMove(c, seatView(c, at, 'ussr', AI_VIEW), p, openRng(aiRng('bar', 'ussr').state()))!;
      return m.type === 'orders' ? m.orders.find(o => o.kind === 'reply' && o.offer === 99) : undefined;
    };
    const persona = makePlayer('persona', sc, 'ussr');
    // The persona's own rule takes it (else the bar would not count this refusal).
    expect(answer(persona)).toEqual({ kind: 'reply', offer: 99, accept: true });
    const wary = new WaryPlayer(c, makePlayer('persona', sc, 'ussr'), 'britain');
    expect(answer(wary)).toEqual({ kind: 'reply', offer: 99, accept: true }); // no bar: the persona's answer
    wary.bar = { worth: packageValue(c, note.terms, 'ussr'), turn: s.turn };
    expect(answer(wary)).toEqual({ kind: 'reply', offer: 99, accept: false });
    // A bar just below the note's worth: the note clears it and is taken.
    wary.bar = { worth: packageValue(c, note.terms, 'ussr') - 0.01, turn: s.turn };
    expect(answer(wary)).toEqual({ kind: 'reply', offer: 99, accept: true });
    // Over the negotiator, with the persona's answers (a side read as bargaining, in half its futures):
    // the negotiator itself refuses this note, the persona's rule takes it, and the bar still binds.
    expect(answer(makePlayer('negotiator', sc, 'ussr'))).toEqual({ kind: 'reply', offer: 99, accept: false });
    const answering = new WaryPlayer(c, makePlayer('negotiator', sc, 'ussr'), 'britain', 'persona');
    expect(answer(answering)).toEqual({ kind: 'reply', offer: 99, accept: true });
    answering.bar = { worth: packageValue(c, note.terms, 'ussr'), turn: s.turn };
    expect(answer(answering)).toEqual({ kind: 'reply', offer: 99, accept: false });
  });

  it("is said in the search's reasons, with the bar of the turn", () => {
    const p = makeSearchPlayer(sc, 'britain', 1);
    nextMove(c, view, p, openRng(aiRng('bar', 'britain').state()));
    const now = barAt(c, bar, s.turn);
    const sign = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
    expect(p.why!()!.summary).toContain(
      `In those futures the Soviet Union refuses any note from Britain worth no more to it than ${sign(now)} by the terms’ values: the most such a note it refused was worth to it (${sign(bar.worth)}), a bar that falls to nothing by the last turn.`,
    );
  });
});
