// A bargaining seat's reading of what a package is worth to the other side is made as that side
// would make it: from worlds drawn from the other side's view of a world this seat drew. So it cannot
// rest on anything the other side does not know of this seat (its capital, its cabinet where the
// other cannot read it, its private orders, decisions and flags): with all of that altered, the
// other side's table is the same to the last figure, while this seat's own reading moves with it.
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { Desk } from '../../src/ai/bargain';
import { AI_VIEW } from '../../src/ai/index';
import { compile, type GameState, seatView } from '../../src/engine/index';
import { other, SIDES } from '../../src/engine/vocab';
import { perturb } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';
import { talksOpen } from './talksOpen';

describe.each(['1929', '1932'])('%s: the other side’s worth as that side reckons it', id => {
  const sc = loadScenarioFile(id);
  const c = compile(sc);
  const s = talksOpen(sc, 'a');

  it.each(SIDES)(
    'rests on nothing %s knows that the other side does not',
    side => {
      const them = other(side);
      const rnd = alea(`as-they-see-${id}-${side}`);
      const table = (st: GameState) => {
        const ctx = { view: seatView(c, st, side, AI_VIEW) } as Parameters<Desk['utilities']>[0];
        const desk = new Desk(sc, side, { rollouts: 2 });
        return { mine: desk.utilities(ctx), theirs: desk.asTheySee(ctx), both: desk.both(ctx) };
      };
      const at = table(s);
      // Joined: this seat's column from its own futures, the other side's as that side reckons it.
      expect(Array.from(at.both[side])).toEqual(Array.from(at.mine[side]));
      expect(Array.from(at.both[them])).toEqual(Array.from(at.theirs[them]));
      let moved = 0;
      for (let k = 0; k < 3; k++) {
        const alt = table(perturb(c, s, them, rnd));
        expect(Array.from(alt.theirs[them])).toEqual(Array.from(at.theirs[them]));
        expect(Array.from(alt.theirs[side])).toEqual(Array.from(at.theirs[side]));
        if (Array.from(alt.mine[side]).some((x, i) => x !== at.mine[side][i])) moved++;
      }
      // What was altered reaches this seat's own futures (else the test says nothing).
      expect(moved).toBeGreaterThan(0);
    },
    120_000,
  );
});
