// Random legal play, driven by fast-check: whatever legal orders, options, replies and offers are
// given, every reachable state keeps the invariants, no figure is NaN, the game ends within the
// calendar, and neither side's view shows the other side's hidden figures.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerable, applyMove, type Compiled, canOffer, checkInvariants, compile, createGame, legalActions, seatView, seen } from '../../src/engine/index';
import { hiddenFigures, INTEL_SIGHT } from '../../src/engine/secrets';
import type { GameState, Move, Order, Terms } from '../../src/engine/types';
import { other, SIDES, type Side } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';
import { mini, variant } from './helpers';

// A busier variant: two terms, a conciliatory order, restraint, a restoring order, scheduled and
// repeating events, chance effects, a lead who may resign, a random event with modifiers.
const rich = variant(raw => {
  raw.negotiation.terms.push({
    id: 'debts',
    label: 'Debts',
    sources: ['test'],
    options: [
      { id: 'ignore', label: 'Ignored', value: { britain: -20, ussr: 20 } },
      { id: 'partial', label: 'Partial', value: { britain: 10, ussr: -5 }, effects: [{ fig: 'trade.credit', add: 20 }] },
      { id: 'full', label: 'Full', value: { britain: 40, ussr: -40 }, effects: [{ fig: 'standing.ussr', add: -10 }] },
    ],
  });
  const fs = raw.ministers.find((m: { id: string }) => m.id === 'fs');
  fs.canResign = true;
  fs.resignBelow = 20;
  raw.actions.push(
    {
      id: 'conciliate',
      side: 'britain',
      label: 'Conciliate',
      description: 'd',
      category: 'diplomacy',
      cost: 1,
      issue: 'rupture',
      direction: -1,
      cabinet: true,
      difficulty: 10,
      onFail: [{ fig: 'tension', add: 3 }],
      effects: [
        { fig: 'tension', add: -5 },
        { schedule: 'followup', inDays: 5 },
      ],
      sources: ['test'],
    },
    {
      id: 'restore',
      side: 'britain',
      label: 'Restore',
      description: 'd',
      category: 'diplomacy',
      cost: 2,
      when: { relations: ['ruptured'] },
      issue: 'rupture',
      direction: -1,
      effects: [{ relations: 'full' }, { clearFlag: 'ruptured' }],
      sources: ['test'],
    },
    {
      id: 'calm',
      side: 'ussr',
      label: 'Calm',
      description: 'd',
      category: 'diplomacy',
      cost: 1,
      issue: 'conciliation',
      direction: 1,
      cabinet: true,
      cooldownDays: 10,
      incident: { response: 'restrain' },
      effects: [{ chance: 0.3, then: [{ fig: 'align.france', add: -15 }], else: [{ fig: 'warScare', add: -3 }] }],
      sources: ['test'],
    },
    {
      id: 'agitate',
      side: 'ussr',
      label: 'Agitate',
      description: 'd',
      category: 'comintern',
      cost: 2,
      issue: 'conciliation',
      direction: -1,
      effects: [
        { fig: 'tension', add: 25 },
        { fig: 'pressure.diehards', add: 15 },
      ],
      sources: ['test'],
    },
  );
  const ci = raw.events.find((e: { id: string }) => e.id === 'comintern');
  ci.mtthModifiers = [{ when: { fig: 'tension', gte: 40 }, factor: 0.3 }];
  raw.events.push({
    id: 'strike',
    title: 'Strike',
    kind: 'news',
    when: { fig: 'pressure.labour', gte: 55 },
    once: false,
    text: 't',
    sources: ['test'],
    effects: [
      { fig: 'standing.britain', add: -2 },
      { if: { relations: ['full'] }, then: [{ fig: 'trade.credit', add: -5 }] },
    ],
  });
});

/** A stream of choices drawn by fast-check. */
class Choices {
  private k = 0;
  constructor(private readonly xs: number[]) {}
  pick(n: number): number {
    if (n <= 1) return 0;
    const x = this.xs[this.k % this.xs.length]! + Math.floor(this.k / this.xs.length);
    this.k++;
    return x % n;
  }
  coin(pTimes10 = 5): boolean {
    return this.pick(10) < pTimes10;
  }
}

function randomOrders(c: Compiled, s: GameState, side: Side, ch: Choices): Order[] {
  let capital = s.fig[c.side[side].iCapital]!;
  const out: Order[] = [];
  for (const o of answerable(s, side)) if (ch.coin(8)) out.push({ kind: 'reply', offer: o.n, accept: ch.coin() });
  if (canOffer(c, s, side) && capital >= c.negotiation.offerCost && ch.coin(3)) {
    const terms: Terms = {};
    for (const t of c.terms) terms[t.id] = t.options[ch.pick(t.options.length)]!.id;
    out.push({ kind: 'offer', terms });
    capital -= c.negotiation.offerCost;
  }
  for (const a of legalActions(c, s, side))
    if (a.cost <= capital && ch.coin(4)) {
      out.push(a.order);
      capital -= a.cost;
    }
  return out;
}

function nextMove(c: Compiled, s: GameState, ch: Choices): Move {
  const first: Side = ch.coin() ? 'britain' : 'ussr';
  for (const side of [first, other(first)]) {
    if (s.pending[side].length) {
      const ev = c.events[s.pending[side][0]!]!;
      return { type: 'decide', side, event: ev.id, option: ev.decision!.options[ch.pick(ev.decision!.options.length)]!.id };
    }
    if (s.orders[side] === null) return { type: 'orders', side, orders: randomOrders(c, s, side, ch) };
  }
  throw new Error('no side can move');
}

function checkView(c: Compiled, s: GameState): void {
  for (const side of SIDES) {
    const v = seatView(c, s, side);
    const them = other(side);
    const sees = s.fig[c.side[side].iIntel]! >= INTEL_SIGHT;
    expect(seen(v, c.side[them].iCapital)).toBeNull();
    expect(seen(v, c.side[side].iCapital)).toBe(s.fig[c.side[side].iCapital]);
    const wrong: string[] = [];
    c.figs.forEach((f, i) => {
      const hidden = f.side === them && (f.kind === 'capital' || (!sees && (f.kind === 'stance' || f.kind === 'mood')));
      if (hidden ? seen(v, i) !== null : seen(v, i) !== s.fig[i]) wrong.push(`${side} ${hidden ? 'sees' : 'cannot see'} ${f.id}`);
    });
    expect(wrong).toEqual([]);
    expect(new Set(hiddenFigures(c, s, side)).size).toBe(v.figures.filter(x => Number.isNaN(x)).length);
    expect(v.offers.some(o => o.from === them && o.status === 'sent')).toBe(false);
    expect(v.pending).toEqual(s.pending[side]);
    expect(v.news.every(n => n.side === undefined || n.side === side)).toBe(true);
    expect(v.orders).toEqual(s.orders[side]);
    expect(v.news.every(n => n.origin === undefined || n.origin === side || n.cause === `hidden:${n.origin}`)).toBe(true);
    expect(v.ledger.every(e => e.origin === undefined || e.origin === side || (e.cause === `hidden:${e.origin}` && e.why === undefined))).toBe(true);
  }
}

function playRandomGame(sc: Scenario, seed: string, xs: number[]): { s: GameState; resolutions: number; moves: number } {
  const c = compile(sc);
  const ch = new Choices(xs);
  let s = createGame(sc, seed);
  expect(checkInvariants(c, s)).toEqual([]);
  let resolutions = 0,
    moves = 0;
  const maxMoves = c.days.length * 40;
  while (!s.ended) {
    if (moves++ > maxMoves) throw new Error('the game does not end');
    const m = nextMove(c, s, ch);
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`a legal-looking move was refused: ${r.error} (${JSON.stringify(m)})`);
    if (r.value.turn > s.turn || (r.value.ended && !s.ended)) resolutions++;
    expect(r.value.turn - s.turn).toBeLessThanOrEqual(1);
    s = r.value;
    expect(checkInvariants(c, s)).toEqual([]);
    expect(s.fig.some(Number.isNaN)).toBe(false);
    checkView(c, s);
  }
  return { s, resolutions, moves };
}

describe('random legal play (fast-check)', () => {
  for (const [name, sc] of [
    ['mini', mini()],
    ['rich variant', rich],
  ] as const) {
    it(`${name}: invariants hold, no NaN, the views hide what they should, and the game ends within the calendar`, () => {
      const c = compile(sc);
      fc.assert(
        fc.property(fc.string({ maxLength: 8 }), fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 200 }), (seed, xs) => {
          const { s, resolutions } = playRandomGame(sc, seed, xs);
          expect(s.ended).not.toBeNull();
          expect(resolutions).toBeLessThanOrEqual(c.days.length);
          expect(s.turn).toBeLessThanOrEqual(c.days.length - 1);
          expect(s.ended!.day).toBeLessThanOrEqual(c.days.at(-1)!);
          if (s.ended!.reason === 'the scenario reaches its end date') {
            expect(s.turn).toBe(c.days.length - 1);
            expect(resolutions).toBe(c.days.length);
          }
        }),
        { numRuns: 100 },
      );
    });
  }

  it('the choices reach the interesting places: agreements, ruptures, resignations, early ends', () => {
    const seen = { agreed: 0, ruptured: 0, resigned: 0, early: 0, intelBlind: 0 };
    const c = compile(rich);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 200 }), (seed, xs) => {
        const { s } = playRandomGame(rich, seed, xs);
        if (Object.keys(s.agreed).length) seen.agreed++;
        if (s.flags[c.flagIndex.get('ruptured')!]! >= 0 || s.relations !== 'full') seen.ruptured++;
        if (c.ministers.some(m => s.fig[m.iOffice] === 0)) seen.resigned++;
        if (s.ended!.reason !== 'the scenario reaches its end date') seen.early++;
        if (s.fig[c.side.britain.iIntel]! < INTEL_SIGHT) seen.intelBlind++;
      }),
      { numRuns: 80, seed: 20240501 },
    );
    expect(seen.agreed).toBeGreaterThan(0);
    expect(seen.ruptured).toBeGreaterThan(0);
    expect(seen.early + seen.resigned).toBeGreaterThan(0);
    expect(seen.intelBlind).toBeGreaterThan(0);
  });
});
