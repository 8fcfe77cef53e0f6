// A search player's reasons come from the numbers that chose its move: change one objective's
// weight and both the move and its reasons change with it.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, makePlayer, makeSearchPlayer, nextMove } from '../../src/ai/index';
import { compile, seatView } from '../../src/engine/index';
import { openRng } from '../../src/engine/rng';
import type { Scenario } from '../../src/scenario/schema';
import { playTo } from '../engine/perturb';
import { loadScenarioFile } from '../loadScenario';

describe('reasons', () => {
  const sc = loadScenarioFile('1927');
  // Britain's first orders of 1927, as the search player weighs them.
  const s = playTo(sc, 'why', { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') }, 0);
  const ask = (scn: Scenario) => {
    const c = compile(scn);
    const p = makeSearchPlayer(scn, 'britain', 4);
    const move = nextMove(c, seatView(c, s, 'britain', AI_VIEW), p, openRng(aiRng('why', 'britain').state()));
    return { move, why: p.why!()! };
  };
  const rupture = sc.objectives.britain.find(o => o.id === 'no-full-rupture')!;

  it('name the objectives that decided, with their weights, points and sources, and the moves passed over with their scores', () => {
    const { move, why } = ask(sc);
    expect(move?.type).toBe('orders');
    expect(why.factors.length).toBeGreaterThanOrEqual(1);
    expect(why.factors.length).toBeLessThanOrEqual(3);
    const total = sc.objectives.britain.reduce((t, o) => t + o.weight, 0);
    for (const f of why.factors) {
      const o = sc.objectives.britain.find(x => f.label.startsWith(x.label))!;
      expect(f.weight).toBe(o.weight);
      expect(f.label).toContain(`weight ${o.weight} of ${total}`);
      expect(Math.abs(f.value)).toBeGreaterThan(0);
    }
    // Largest first.
    for (let k = 1; k < why.factors.length; k++) expect(Math.abs(why.factors[k - 1]!.value)).toBeGreaterThanOrEqual(Math.abs(why.factors[k]!.value));
    expect(why.factors.flatMap(f => f.sources).some(x => /^thesis L\d+/.test(x))).toBe(true);
    expect(why.rejected.length).toBeGreaterThan(0);
    for (const a of why.rejected) {
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      expect(a.why).toMatch(/\d/);
    }
    expect(why.summary).toMatch(/Expected score \d+\.\d of 100/);
  });

  it('change with one objective weight: with no weight on avoiding a rupture, the move and its reasons both change, and the rupture decides nothing', () => {
    const before = ask(sc);
    const changed = structuredClone(sc);
    changed.objectives.britain.find(o => o.id === 'no-full-rupture')!.weight = 0;
    const after = ask(changed);
    expect(after.move).not.toEqual(before.move);
    expect(after.why.summary).not.toBe(before.why.summary);
    expect(after.why.factors.map(f => f.label)).not.toEqual(before.why.factors.map(f => f.label));
    // The weights in the reasons are the ones that chose: the total falls by the rupture's weight.
    const total = sc.objectives.britain.reduce((t, o) => t + o.weight, 0);
    for (const f of after.why.factors) expect(f.label).toContain(`of ${total - rupture.weight}`);
    expect(after.why.factors.some(f => f.label.startsWith(rupture.label))).toBe(false);
  });
});
