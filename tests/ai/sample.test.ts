// The determinization sampler draws full states that agree with everything the seat's view shows,
// fills what it hides from plausible ranges, and depends on nothing but the view and its own dice.
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { makePlayer } from '../../src/ai/index';
import { checkInvariants, compile, type GameState, type SeatView, sampleState, seatView } from '../../src/engine/index';
import { openRng, seedRng } from '../../src/engine/rng';
import { SIDES } from '../../src/engine/vocab';
import { perturb, playTo } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

/** The parts of a view a sampled state must reproduce exactly (all but the hidden figures, news and ledger). */
function facts(v: SeatView) {
  const { figures, news, ledger, ...rest } = v;
  return { ...rest, figures: figures.map((x, i) => (v.hidden.includes(i) ? 'hidden' : x)) };
}

describe.each(['1927', '1929', '1932'])('the sampler in %s', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('random', sc, 'ussr') };
  const positions: GameState[] = [0, 7, 25, 60, 110].map(stop => playTo(sc, `sample-${stop}`, players, stop));

  it('draws states whose view for the seat is the view it was drawn from, with hidden figures in range', () => {
    for (const s of positions)
      for (const side of SIDES) {
        const v = seatView(c, s, side, { ledger: false });
        const rng = openRng(seedRng(`draw-${side}`));
        for (let k = 0; k < 5; k++) {
          const w = sampleState(c, v, rng);
          expect(facts(seatView(c, w, side, { ledger: false }))).toEqual(facts(v));
          for (const i of v.hidden) {
            expect(w.fig[i]).toBeGreaterThanOrEqual(c.figMin[i]!);
            expect(w.fig[i]).toBeLessThanOrEqual(c.figMax[i]!);
          }
          expect(w.orders[side === 'britain' ? 'ussr' : 'britain']).toBeNull();
          expect(checkInvariants(c, w)).toEqual([]);
        }
      }
  });

  it('varies what is hidden and keeps what is known, from the same view and different dice', () => {
    const s = positions[3]!;
    for (const side of SIDES) {
      const v = seatView(c, s, side, { ledger: false });
      const a = sampleState(c, v, openRng(seedRng('a'))),
        b = sampleState(c, v, openRng(seedRng('b')));
      expect(a.rng).not.toEqual(b.rng);
      if (v.hidden.length) expect(v.hidden.some(i => a.fig[i] !== b.fig[i])).toBe(true);
      for (let i = 0; i < v.figures.length; i++) if (!v.hidden.includes(i)) expect(a.fig[i]).toBe(v.figures[i]);
    }
  });

  it('depends on nothing the seat may not know: a perturbed game gives the same draws', () => {
    const rnd = alea('perturb');
    for (const s of positions)
      for (const side of SIDES) {
        const draw = (st: GameState) => sampleState(c, seatView(c, st, side, { ledger: false }), openRng(seedRng('same')));
        expect(draw(perturb(c, s, side, rnd))).toEqual(draw(s));
      }
  });
});
