// The negotiator as a search plays it in its futures (search/index.ts): given a table, keeping only
// a shortlist of packages and planning once per turn, notes and means. Cut down for cost, it must
// still send the note and give the answers the whole negotiator would on the same table, and in a
// decision's futures it must still give ground after a refusal.
import { describe, expect, it } from 'vitest';
import { Desk } from '../../src/ai/bargain';
import { AI_VIEW, aiRng, makePlayer, nextMove, runGame, toMove } from '../../src/ai/index';
import { makeNegotiator } from '../../src/ai/negotiator';
import { indexOf, packageSpace } from '../../src/ai/packages';
import { compile, createGame, type GameState, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import type { Offer } from '../../src/engine/types';
import { other, type Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

const ONE = { rollouts: 1 };

describe.each([
  // Whether it sends a note after the refusal: in 1927, as the whole negotiator, it sends none.
  ['1927', 'ussr', 'futures-1927', false],
  ['1929', 'ussr', 'futures-1929-a', true],
  ['1932', 'ussr', 'futures-1932', true],
] as const)('the futures’ negotiator in %s (%s)', (id, side: Side, seed, writesAgain) => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  // Positions of a negotiator game against the persona where it is to move and may send a note.
  const positions: GameState[] = [];
  const players = { [side]: makePlayer('negotiator', sc, side), [other(side)]: makePlayer('persona', sc, other(side)) } as never;
  runGame(sc, createGame(sc, seed, { record: false }), players, false, s => {
    const v = seatView(c, s, side, AI_VIEW);
    if (toMove(s, side) && !v.pending.length && v.canOffer) positions.push(s);
  });

  it('sends the note and gives the answers the whole negotiator gives on the same table', () => {
    expect(positions.length).toBeGreaterThan(0);
    let notes = 0;
    for (const s of positions) {
      const view = seatView(c, s, side, AI_VIEW);
      const desk = new Desk(sc, side, ONE);
      const table = (ctx: { view: typeof view }) => desk.utilities(ctx as never);
      const whole = makeNegotiator(sc, side, ONE, { table });
      const cut = makeNegotiator(sc, side, ONE, { table, shortlist: 24 });
      const ask = (p: ReturnType<typeof makeNegotiator>) => nextMove(c, view, p, openRng(aiRng('futures', side).state()));
      const m = ask(whole);
      expect(ask(cut)).toEqual(m);
      if (m?.type === 'orders' && m.orders.some(o => o.kind === 'offer')) notes++;
    }
    expect(notes).toBeGreaterThan(0);
  });

  it('gives ground after its note is refused, as the whole negotiator does', () => {
    const ps = packageSpace(c);
    const ask = (st: GameState, shortlist?: number) => {
      const view = seatView(c, st, side, AI_VIEW);
      const desk = new Desk(sc, side, ONE);
      const m = nextMove(c, view, makeNegotiator(sc, side, ONE, { table: ctx => desk.utilities(ctx), shortlist }), openRng(aiRng('futures', side).state()));
      return m?.type === 'orders' ? m.orders : [];
    };
    const noteOf = (orders: ReturnType<typeof ask>) => orders.flatMap(o => (o.kind === 'offer' ? [o.terms] : []))[0];
    // Its first note, then the same position with that note already sent and refused.
    const s = positions.find(st => noteOf(ask(st, 24)))!;
    expect(s).toBeDefined();
    const first = noteOf(ask(s, 24));
    const refused: Offer = { n: 50, from: side, terms: first!, sentDay: c.days[s.turn]!, arrivesDay: c.days[s.turn]!, status: 'rejected' };
    const after: GameState = { ...s, offers: [...s.offers, refused] };
    const cut = ask(after, 24);
    expect(cut).toEqual(ask(after));
    const next = noteOf(cut);
    // A concession: a note the other side values more than the one it refused (or none, if nothing is left to concede).
    if (next) expect(ps.table[other(side)][indexOf(ps, next)]!).toBeGreaterThan(ps.table[other(side)][indexOf(ps, first!)]!);
    expect(next !== undefined).toBe(writesAgain);
  });
});
