// The playouts' shortcuts change nothing: a playout player asked through the light view and the
// world's own state makes the very move it makes when asked through its full seat view, with the
// same dice after; and playMove (no legality check) gives the state applyMove gives. A whole playout,
// which keeps one view (and one list of open orders) per side and points it at each move, ends
// where asking move by move with a fresh context ends.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, nextMove, toMove } from '../../src/ai/index';
import type { Player } from '../../src/ai/player';
import { drawWorlds, moveDice, personaPolicy, playout, playoutMove } from '../../src/ai/search/playout';
import { applyMove, compile, createGame, playMove, sampleState, seatView, stateHash } from '../../src/engine/index';
import { KeyedDice, openRng, seedRng } from '../../src/engine/rng';
import { availableActions, seatState } from '../../src/engine/seat';
import { ofSide, SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

describe.each(['1927', '1929', '1932'])('playouts in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const p = personaPolicy(sc);

  it('ask the personas for the moves, and apply them, exactly as a full game does', () => {
    for (let g = 0; g < 6; g++) {
      // Real games and games from sampled worlds (their states have no ledger, news or seed).
      let s = createGame(sc, `eq-${g}`, { record: g % 2 === 0 });
      if (g >= 4) s = sampleState(c, seatView(c, s, 'britain', AI_VIEW), openRng(seedRng(`w-${g}`)));
      const fast = { britain: openRng(seedRng(`b-${g}`)), ussr: openRng(seedRng(`u-${g}`)) };
      const full = { britain: openRng(seedRng(`b-${g}`)), ussr: openRng(seedRng(`u-${g}`)) };
      let moves = 0;
      while (!s.ended) {
        const side = SIDES.find(x => toMove(s, x))!;
        const m = playoutMove(p, s, side, fast[side]);
        expect(m).toEqual(nextMove(c, seatView(c, s, side, AI_VIEW), p.players[side], full[side]));
        expect(fast[side].state()).toEqual(full[side].state());
        const checked = applyMove(sc, s, m);
        if (!checked.ok) throw new Error(checked.error);
        const next = playMove(sc, s, m);
        expect(stateHash(next)).toBe(stateHash(checked.value));
        s = next;
        moves++;
      }
      expect(moves).toBeGreaterThan(20);
    }
  });

  it('play out a world as move-by-move asking with a fresh context each move does (one view per side, reused, leaks nothing between moves)', () => {
    let s = createGame(sc, `reuse-${id}`, { record: false });
    for (let k = 0; k < 12 && !s.ended; k++) s = playMove(sc, s, playoutMove(p, s, SIDES.find(x => toMove(s, x))!, openRng(seedRng(`r-${k}`))));
    for (const w of drawWorlds(c, seatView(c, s, 'ussr', AI_VIEW), openRng(seedRng(`reuse-${id}`)), 6)) {
      const end = playout(p, w, null);
      // The reference: a new context and view for every move, on that move's dice.
      let t = w.state;
      while (!t.ended) {
        const side = SIDES.find(x => toMove(t, x));
        if (!side) break;
        t = playMove(sc, t, playoutMove(p, t, side, moveDice(w.dice[side], t, side)));
      }
      expect(stateHash(end.state)).toBe(stateHash(t));
      expect(end.turns).toBe(t.turn - w.state.turn + 1);
    }
  });

  it('give each move dice of its own, so a player drawing more at one move leaves every later move as it was', () => {
    // A British persona that draws once more after each move: with one stream a side's later draws
    // would all shift, as when a candidate opens or closes one of that side's orders.
    const greedy: Player = {
      kind: 'persona',
      decide: (ctx, ev) => {
        const o = p.players.britain.decide(ctx, ev);
        ctx.rng.next();
        return o;
      },
      orders: ctx => {
        const os = p.players.britain.orders(ctx);
        ctx.rng.next();
        return os;
      },
    };
    const q = { ...p, players: { ...p.players, britain: greedy } };
    const s = createGame(sc, `keyed-${id}`, { record: false });
    for (const w of drawWorlds(c, seatView(c, s, 'ussr', AI_VIEW), openRng(seedRng(`keyed-${id}`)), 6)) expect(stateHash(playout(q, w, null).state)).toBe(stateHash(playout(p, w, null).state));
  });

  it("key a persona's dice for each order to the order: closing an order it passed over changes none of its choices", () => {
    let s = createGame(sc, `per-order-${id}`, { record: false });
    let tried = 0;
    for (let k = 0; k < 40 && !s.ended; k++) {
      const side = SIDES.find(x => toMove(s, x))!;
      if (!ofSide(s.pending, side).length) {
        const view = seatView(c, s, side, AI_VIEW);
        const ask = (available: readonly number[]) => p.players[side].orders({ c, side, state: seatState(view), view: { ...view, available }, rng: new KeyedDice(seedRng(`d-${k}`), s.turn, 0) });
        const all = ask(view.available);
        const chosen = new Set(all.flatMap(o => (o.kind === 'action' ? [c.actionIndex.get(o.id)!] : [])));
        const passed = view.available.filter(a => !chosen.has(a));
        if (passed.length) {
          tried++;
          expect(ask(view.available.filter(a => a !== passed[0]))).toEqual(all);
          expect(ask(view.available.filter(a => a !== passed.at(-1)))).toEqual(all);
        }
      }
      s = playMove(sc, s, playoutMove(p, s, side, openRng(seedRng(`m-${k}`))));
    }
    expect(tried).toBeGreaterThan(5);
  });

  it('draw for an order the same whatever else was drawn at that move, and spread the draws evenly', () => {
    const d = new KeyedDice(seedRng('spread'), 7, 0);
    const first = Array.from({ length: 1000 }, (_, k) => d.at(k));
    d.next();
    d.at(12345);
    expect(Array.from({ length: 1000 }, (_, k) => d.at(k))).toEqual(first);
    expect(new Set(first).size).toBe(1000);
    const mean = first.reduce((a, b) => a + b, 0) / first.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    expect(first.filter(x => x < 0.25).length).toBeGreaterThan(200);
    expect(first.filter(x => x < 0.25).length).toBeLessThan(300);
    // Another move, or another decision at that move, draws otherwise.
    expect(new KeyedDice(seedRng('spread'), 8, 0).at(3)).not.toBe(first[3]);
    expect(new KeyedDice(seedRng('spread'), 7, 1).at(3)).not.toBe(first[3]);
  });

  it('list the open orders into a list given to be reused, whatever it held before', () => {
    let s = createGame(sc, `list-${id}`, { record: false });
    const reused: number[] = [];
    let sizes = 0;
    while (!s.ended) {
      for (const side of SIDES) {
        const before = reused.length;
        expect(availableActions(c, s, side, reused)).toBe(reused);
        expect(reused).toEqual(availableActions(c, s, side));
        if (reused.length < before) sizes++;
      }
      s = playMove(sc, s, playoutMove(p, s, SIDES.find(x => toMove(s, x))!, openRng(seedRng(`l-${s.turn}`))));
    }
    // The list shrank from one call to the next at least once, so a stale tail would have shown.
    expect(sizes).toBeGreaterThan(0);
  });
});
