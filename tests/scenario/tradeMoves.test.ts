// The trade figures move (issue 10, item 5): over a 1927 game the monthly exports, imports and
// balance each take several values, and never three months running the same, on the historical
// path and in persona games. Exports are flat for the first six months by design: they are orders
// placed before the raid being delivered (orderLagMonths 6; thesis L4753-4767), so they move only
// from November. Imports follow the northern shipping season and the oil boycott.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { createGame } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const SEEDS = { historical: ['history-0', 'history-1', 'history-2'], persona: ['trade-0', 'trade-1', 'trade-2'] };

describe('the trade figures move', () => {
  it('1927: exports, imports and the balance each take several values over a game, on the historical path and in persona games', () => {
    const sc = loadScenarioFile('1927');
    for (const kind of ['historical', 'persona'] as const) {
      for (const seed of SEEDS[kind]) {
        const { state } = runGame(sc, createGame(sc, seed, { record: false }), { britain: makePlayer(kind, sc, 'britain'), ussr: makePlayer(kind, sc, 'ussr') }, false);
        const distinct = (f: (t: (typeof state.trade)[number]) => number) => new Set(state.trade.map(t => Math.round(f(t)))).size;
        const where = `${kind}, seed ${seed}`;
        expect(state.trade.length, where).toBeGreaterThanOrEqual(8);
        expect(
          distinct(t => t.exports),
          `${where}: exports`,
        ).toBeGreaterThanOrEqual(2);
        expect(
          distinct(t => t.imports),
          `${where}: imports`,
        ).toBeGreaterThanOrEqual(4);
        expect(
          distinct(t => t.balance),
          `${where}: balance`,
        ).toBeGreaterThanOrEqual(4);
        // Never three months running with all three the same.
        const key = (t: (typeof state.trade)[number]) => [t.exports, t.imports, t.balance].map(Math.round).join('/');
        for (let k = 2; k < state.trade.length; k++) {
          expect(key(state.trade[k]!) === key(state.trade[k - 1]!) && key(state.trade[k - 1]!) === key(state.trade[k - 2]!), `${where}: months ${k - 2}-${k} the same`).toBe(false);
        }
      }
    }
  });
});
