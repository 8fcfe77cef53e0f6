// Every turn a choice (issue 10, item 5). At the point each side gives its orders, on the
// historical path (historical players on both sides) and in persona games (several seeds), the
// side has at least three affordable orders from at least two categories: actions its seat view
// lists as available whose cost is at most its political capital.
import { describe, expect, it } from 'vitest';
import { makePlayer, type Player, type PlayerKind, runGame } from '../../src/ai/index';
import { compile } from '../../src/engine/compile';
import { createGame, seen } from '../../src/engine/index';
import type { Side } from '../../src/engine/vocab';
import type { Scenario } from '../../src/scenario/schema';
import { loadScenarioFile } from '../loadScenario';

const SCENARIOS = ['1927', '1929', '1932'];
const MIN_ORDERS = 3;
/** A turn's date for messages (the engine counts days from 1700-01-01). */
const dateOf = (day: number): string => new Date(Date.UTC(1700, 0, 1) + day * 86400000).toISOString().slice(0, 10);
const MIN_CATEGORIES = 2;
const SEEDS: Record<'historical' | 'persona' | 'random', string[]> = {
  historical: ['history-0', 'history-1', 'history-2'],
  persona: ['choices-0', 'choices-1', 'choices-2', 'choices-3', 'choices-4', 'choices-5', 'choices-6', 'choices-7'],
  random: [],
};

interface Thin {
  side: Side;
  turn: number;
  seed: string;
  orders: string[];
  categories: number;
  capital: number;
}

/** Every turn at which a side had fewer than the minimum of affordable orders or categories. */
function thinTurns(sc: Scenario, kind: PlayerKind, seed: string): { thin: Thin[]; least: Record<Side, [number, number]> } {
  const c = compile(sc);
  const thin: Thin[] = [];
  const least: Record<Side, [number, number]> = { britain: [Infinity, Infinity], ussr: [Infinity, Infinity] };
  const watch = (side: Side): Player => {
    const p = makePlayer(kind, sc, side);
    return {
      kind: p.kind,
      decide: (ctx, ev) => p.decide(ctx, ev),
      orders(ctx) {
        const v = ctx.view;
        const capital = seen(v, c.side[side].iCapital)!;
        const affordable = v.available.map(k => c.actions[k]!).filter(a => a.cost <= capital + 1e-9);
        const categories = new Set(affordable.map(a => a.category)).size;
        least[side] = [Math.min(least[side][0], affordable.length), Math.min(least[side][1], categories)];
        if (affordable.length < MIN_ORDERS || categories < MIN_CATEGORIES) thin.push({ side, turn: v.turn, seed, orders: affordable.map(a => a.id), categories, capital });
        return p.orders(ctx);
      },
    };
  };
  runGame(sc, createGame(sc, seed, { record: false }), { britain: watch('britain'), ussr: watch('ussr') }, false);
  return { thin, least };
}

describe('every turn a choice', () => {
  for (const id of SCENARIOS) {
    for (const kind of ['historical', 'persona'] as const) {
      it(`${id}, ${kind} players: each side has ${MIN_ORDERS}+ affordable orders in ${MIN_CATEGORIES}+ categories at every turn`, () => {
        const sc = loadScenarioFile(id);
        const c = compile(sc);
        const thin: string[] = [];
        for (const seed of SEEDS[kind]) {
          for (const t of thinTurns(sc, kind, seed).thin) {
            thin.push(`${t.side} turn ${t.turn} ${dateOf(c.days[t.turn]!)}, seed ${seed}, capital ${t.capital}): ${t.orders.join(', ') || 'nothing'} (${t.categories} categories)`);
          }
        }
        expect(thin.slice(0, 10)).toEqual([]);
      });
    }
  }
});
