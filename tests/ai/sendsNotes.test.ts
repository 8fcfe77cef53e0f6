// The negotiator sends a note whenever, by its own reading of its seat view, a package exists that
// both cabinets would ratify and its side gains by, as far as the engine's rules let it (talks open,
// no note of its own still awaiting an answer, the capital a note costs), and never one its side
// would lose by; after its note is refused, only one the other side values at least as much as that
// note (by the term table their cabinet weighs). Checked at every move it makes in whole games, both seats, 1927, 1929 and 1932:
// the test works its table and its model of the other cabinet out afresh from the same view.
import { describe, expect, it } from 'vitest';
import { Desk } from '../../src/ai/bargain';
import { aiRng, makeNegotiator, makePlayer, type Player } from '../../src/ai/index';
import { MIN_GAIN } from '../../src/ai/negotiator';
import { indexOf, packageOpen } from '../../src/ai/packages';
import { ownChances, RatificationModel } from '../../src/ai/ratify';
import { compile, seatState } from '../../src/engine/index';
import { other, type Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';
import { eachMove } from './eachMove';

describe('the negotiator sends a note whenever one would pay', () => {
  it.each([
    { year: '1927', seed: 'a', against: 'persona' },
    { year: '1927', seed: 'b', against: 'hardliner' },
    // 1929 seed 'e' sends no note under the keyed dice: 'a' does.
    { year: '1929', seed: 'a', against: 'persona' },
    { year: '1929', seed: 'f', against: 'hardliner' },
    { year: '1932', seed: 'a', against: 'persona' },
    { year: '1932', seed: 'b', against: 'hardliner' },
  ] as const)(
    '$year, seed $seed, against the $against: at every move of either seat',
    ({ year, seed, against }) => {
      const sc = loadScenarioFile(year);
      const c = compile(sc);
      let sent = 0,
        none = 0;
      for (const side of ['britain', 'ussr'] as Side[]) {
        const them = other(side);
        const players = { [side]: makeNegotiator(sc, side), [them]: makePlayer(against, sc, them) } as Record<Side, Player>;
        const desk = new Desk(sc, side);
        const model = new RatificationModel(desk.ps, side);
        eachMove(sc, seed, players, ({ side: who, view, move }) => {
          if (who !== side || move.type !== 'orders') return;
          const answering = view.offers.some(o => o.from === them && o.status === 'delivered');
          if (!view.canOffer && !answering) return;
          // Its own reading of this view: its table and its model of the other cabinet.
          const ctx = { c, side, view, state: seatState(view), rng: aiRng(seed, side) };
          const w = desk.utilities(ctx);
          model.observe(view, ctx.state);
          const own = ownChances(desk.ps, ctx.state, side);
          const pays = (i: number) => w[side][i]! >= MIN_GAIN && own(i) >= 0.5 && model.cabinetChance(desk.ps.table[them][i]!) >= 0.5;
          // After a refusal, only the refused note again or one worth more to them.
          const mine = view.offers.filter(o => o.from === side).sort((a, b) => b.n - a.n)[0];
          const refused = mine?.status === 'rejected' ? indexOf(desk.ps, mine.terms) : -1;
          const value = desk.ps.table[them];
          const generous = (i: number) => refused < 0 || i === refused || value[i]! > value[refused]!;
          let exists = false;
          for (let i = 0; i < desk.ps.size && !exists; i++) exists = packageOpen(desk.ps, i, ctx.state) && pays(i) && generous(i);
          const offer = move.orders.find(o => o.kind === 'offer');
          const at = `${side}, turn ${view.turn}`;
          if (offer) {
            // A note it sends is one both cabinets would ratify and its side gains by.
            const i = indexOf(desk.ps, offer.terms);
            expect(pays(i), `${at}: its note gains it ${w[side][i]!.toFixed(2)}`).toBe(true);
            expect(generous(i), `${at}: its note is worth ${value[i]} to them, less than the ${value[refused]} they refused`).toBe(true);
          }
          if (!exists) {
            expect(offer, `${at}: a note with nothing that pays`).toBeUndefined();
            if (view.canOffer) none++;
            return;
          }
          // Such a package exists: a note goes, unless the rules stop it or it takes their note instead.
          const accepts = move.orders.some(o => o.kind === 'reply' && o.accept);
          const affordable = ctx.state.fig[c.side[side].iCapital]! >= c.negotiation.offerCost;
          if (view.canOffer && affordable && !accepts) {
            expect(offer, `${at}: a package both would ratify gains it, and it sends nothing`).toBeDefined();
            sent++;
          }
        });
      }
      // Not a test of nothing: notes went in this game.
      expect(sent, `notes sent (and ${none} turns with none that would pay)`).toBeGreaterThan(0);
    },
    600_000,
  );
});
