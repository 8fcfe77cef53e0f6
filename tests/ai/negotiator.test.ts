// The negotiator and its model of the other cabinet. The model moves with what the seat sees: a
// refused note makes packages worth as little to the other side less likely to pass, an accepted
// one more; intelligence that reads the other cabinet pins it. The negotiator does what its
// reasons say (a note proposed is a note sent, so it always keeps the capital for it; a note
// refused is a reply refusing it), reaches agreement in 1932 where a persona does not, and scores
// above the persona in the same seat.
import { describe, expect, it } from 'vitest';
import { aiRng, type Ctx, makePlayer, type Player, runGame } from '../../src/ai/index';
import { makeNegotiator } from '../../src/ai/negotiator';
import { packageSpace, termsOf } from '../../src/ai/packages';
import { RatificationModel } from '../../src/ai/ratify';
import { acceptance, applyMove, compile, createGame, noteName, other, score, seatState, seatView } from '../../src/engine/index';
import { negotiationOpen } from '../../src/engine/negotiation';
import type { Offer } from '../../src/engine/types';
import type { Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1932');
const c = compile(sc);
const ps = packageSpace(c);

describe('the ratification model', () => {
  const s0 = createGame(sc, 'model');
  const base = { ...seatView(c, s0, 'britain'), seesOther: false };
  // A package middling for Moscow by its term table.
  const i = [...ps.table.ussr.keys()].find(k => ps.table.ussr[k] === 0)!;
  const withReply = (status: Offer['status']) => ({ ...base, offers: [{ n: 1, from: 'britain' as Side, terms: termsOf(ps, i), sentDay: 0, arrivesDay: 0, status }] });

  it('a refused note lowers the chance it gives packages like it; an accepted one raises it', () => {
    const before = new RatificationModel(ps, 'britain');
    const p0 = before.cabinetChance(0);
    const refused = new RatificationModel(ps, 'britain');
    const v = withReply('rejected');
    refused.observe(v, seatState(v));
    const accepted = new RatificationModel(ps, 'britain');
    const a = withReply('ratified');
    accepted.observe(a, seatState(a));
    expect(refused.cabinetChance(0)).toBeLessThan(p0);
    expect(refused.cabinetChance(5)).toBeLessThan(before.cabinetChance(5));
    expect(accepted.cabinetChance(0)).toBeGreaterThan(p0);
    // Far better packages for Moscow are hardly touched by one refusal of a middling one.
    expect(refused.cabinetChance(60)).toBeGreaterThan(0.8);
  });

  it('reading the other cabinet pins the model to what the engine would do', () => {
    const seen = { ...seatView(c, s0, 'britain'), seesOther: true };
    expect(Number.isNaN(seen.figures[c.ministers[c.side.ussr.ministers[0]!]!.iStance[0]!]!)).toBe(false);
    const m = new RatificationModel(ps, 'britain');
    m.observe(seen, seatState(seen));
    const believed = seatState(seen);
    let agree = 0,
      n = 0;
    for (let k = 0; k < ps.size; k += 37) {
      const exact = acceptance(c, believed, 'ussr', termsOf(ps, k)).chance;
      if (Math.abs(exact - 0.5) < 0.3) continue; // near the edge the model is smooth where the rule steps
      n++;
      if (exact > 0.5 === m.chance(k) > 0.5) agree++;
    }
    expect(agree / n).toBeGreaterThan(0.9);
  });
});

/** The negotiator, checked at every turn against its own reasons. */
function audited(side: Side, log: string[]): Player {
  const p = makeNegotiator(sc, side);
  return {
    kind: p.kind,
    decide: (ctx, ev) => p.decide(ctx, ev),
    orders(ctx: Ctx) {
      const out = p.orders(ctx);
      const why = p.why!();
      const offer = out.find(o => o.kind === 'offer');
      if (why?.summary.includes('Proposes')) {
        expect(offer, why.summary).toBeDefined();
        expect(why.factors.length).toBeGreaterThan(0);
      } else expect(offer).toBeUndefined();
      for (const o of out) if (o.kind === 'reply') expect(why?.summary).toMatch(new RegExp(`${o.accept ? 'accepts' : 'refuses'} ${noteName(other(side), o.offer)}`));
      // A note refused while it may send one is countered, unless no package would do.
      if (ctx.view.canOffer && out.some(o => o.kind === 'reply' && !o.accept)) expect(why?.summary).toMatch(/Proposes|Sends no note/);
      if (why) log.push(why.summary);
      return out;
    },
    why: () => p.why!(),
  };
}

describe('the negotiator in 1932', () => {
  for (const side of ['britain', 'ussr'] as const) {
    it(`as ${side}: does what its reasons say, agrees with the persona, and scores above the persona in its seat`, () => {
      const other: Side = side === 'britain' ? 'ussr' : 'britain';
      let agreed = 0,
        better = 0,
        diff = 0;
      const log: string[] = [];
      const GAMES = 4;
      for (let k = 0; k < GAMES; k++) {
        const seed = `nego-${k}`;
        const withNego = runGame(sc, createGame(sc, seed, { record: false }), { [side]: audited(side, log), [other]: makePlayer('persona', sc, other) } as never, false).state;
        const withPersona = runGame(sc, createGame(sc, seed, { record: false }), { [side]: makePlayer('persona', sc, side), [other]: makePlayer('persona', sc, other) } as never, false).state;
        if (withNego.offers.some(o => o.status === 'ratified')) agreed++;
        const d = score(c, withNego, side).total - score(c, withPersona, side).total;
        diff += d;
        if (d > 0) better++;
      }
      expect(log.some(l => l.includes('Proposes'))).toBe(true);
      expect(agreed).toBeGreaterThanOrEqual(GAMES - 1);
      expect(diff / GAMES).toBeGreaterThan(0);
      expect(better).toBeGreaterThanOrEqual(GAMES / 2);
    });
  }
});

describe('a note the negotiator cannot take', () => {
  it('is refused with its reasons, and countered with a package of its own', () => {
    // A 1932 game between personas, up to the turn talks open.
    const run = runGame(sc, createGame(sc, 'counter', { record: false }), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') });
    let s = createGame(sc, 'counter', { record: false });
    for (const m of run.moves) {
      if (negotiationOpen(c, s) && !s.pending.britain.length && s.orders.britain === null) break;
      const r = applyMove(sc, s, m);
      if (!r.ok) throw new Error(r.error);
      s = r.value;
    }
    expect(negotiationOpen(c, s)).toBe(true);
    // Moscow's best package by its term table arrives.
    const worst = [...ps.table.ussr.keys()].reduce((a, k) => (ps.table.ussr[k]! > ps.table.ussr[a]! ? k : a), 0);
    const note: Offer = { n: 99, from: 'ussr', terms: termsOf(ps, worst), sentDay: c.days[s.turn]!, arrivesDay: c.days[s.turn]!, status: 'delivered' };
    const view = { ...seatView(c, s, 'britain'), offers: [note] };
    const p = makeNegotiator(sc, 'britain');
    const out = p.orders({ c, side: 'britain', view, state: seatState(view), rng: aiRng('counter', 'britain') });
    expect(out).toContainEqual({ kind: 'reply', offer: 99, accept: false });
    const offer = out.find(o => o.kind === 'offer');
    expect(offer).toBeDefined();
    const why = p.why!()!;
    expect(why.summary).toMatch(/refuses Soviet note 99/);
    expect(why.summary).toMatch(/Proposes/);
    expect(why.rejected.some(a => a.label === 'Accept Soviet note 99')).toBe(true);
    // Its counter is one its own cabinet would ratify.
    expect(acceptance(c, seatState(view), 'britain', offer!.kind === 'offer' ? offer!.terms : {}).share).toBeGreaterThanOrEqual(0.5);
  });
});
