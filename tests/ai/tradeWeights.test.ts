// tradeWeights reads each seat gradient's weights on the trade figures from a table made once per
// gradient: the weights must be the very numbers the gradient's own lookups give, on every state.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { type Gradient, seatGradient, tradeWeights } from '../../src/ai/values';
import { applyMove, type Compiled, compile, createGame } from '../../src/engine/index';
import type { GameState } from '../../src/engine/types';
import { SIDES } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

/** tradeWeights as the plain rule: each figure's weight looked up in the gradient where it is used. */
function plainWeights(c: Compiled, g: Gradient, s: GameState): number[] {
  const t = c.trade;
  const months = c.monthAfter[s.turn]! - 1 - s.month;
  if (months <= 0) return [0, 0, 0, 0, 0];
  const w = (i: number) => g.fig.get(i) ?? 0;
  const now = t.lag === 0 ? 1 : 0;
  const perOrder = w(t.orders) + now * (w(t.exports) - w(t.balance));
  const base = s.fig[t.baseOrders]!,
    credit = s.fig[t.credit]!,
    diversion = s.fig[t.diversion]!;
  const broken = s.relations === 'ruptured' || s.relations === 'protecting';
  return [
    perOrder * base * (1 - diversion / 100) * (0.8 / 100),
    perOrder * -(base / 100) * (0.6 + (0.8 * credit) / 100),
    perOrder * (1 - diversion / 100) * (0.6 + (0.8 * credit) / 100),
    (1 - 0.5 ** months) * (broken ? 0.35 : 1) * (w(t.reExports) - w(t.balance)),
    (broken ? 0.95 : 1) * (w(t.imports) + w(t.balance)),
  ];
}

describe.each(['1927', '1929', '1932'])('trade weights in %s', id => {
  it('are the gradient lookups made where they are used, for both seats seeing and not seeing, at every state of two persona games', () => {
    const sc = loadScenarioFile(id);
    const c = compile(sc);
    const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
    let trading = 0;
    for (let k = 0; k < 2; k++) {
      const { moves } = runGame(sc, createGame(sc, `tw-${k}`), players, true);
      let s = createGame(sc, `tw-${k}`);
      for (const m of moves) {
        for (const side of SIDES)
          for (const sees of [true, false]) {
            const g = seatGradient(c, side, sees);
            const got = tradeWeights(c, g, s);
            expect([...got]).toEqual(plainWeights(c, g, s));
            if (got.some(x => x !== 0)) trading++;
          }
        const r = applyMove(sc, s, m);
        if (!r.ok) throw new Error(r.error);
        s = r.value;
      }
    }
    // The trade months were met, with weights that are not all zero.
    expect(trading).toBeGreaterThan(20);
  });
});
