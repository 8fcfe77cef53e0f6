// The search player's reasons name the objectives that separate its move from the runner-up only
// where that separation stands clear of the futures' noise (twice its standard error over the
// paired futures): an objective whose points swing either way from future to future, however
// large its mean difference, is not given as a cause, and the summary says none stands out.
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/ai/search/candidates';
import { explain } from '../../src/ai/search/explain';
import type { Tally, Weighed } from '../../src/ai/search/weigh';
import { compile } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1932');
const c = compile(sc);
const side = 'britain' as const;
const K = c.objectives[side].length;

/**
 * A tally over `n` futures: objective 0 steady at `steady` points, objective 1 swinging ±`swing`
 * about `lean` (every other future, or every other pair of futures with `pairs`), the rest 0.
 */
function tally(n: number, steady: number, lean: number, swing: number, pairs = false): Tally {
  const byWorld: number[] = [];
  const scores: number[] = [];
  const objectives = new Float64Array(K);
  for (let j = 0; j < n; j++) {
    const row = Array.from({ length: K }, (_, k) => (k === 0 ? steady : k === 1 ? lean + ((pairs ? j >> 1 : j) % 2 ? swing : -swing) : 0));
    row.forEach((x, k) => {
      objectives[k]! += x;
    });
    byWorld.push(...row);
    scores.push(row.reduce((a, x) => a + x, 0));
  }
  return { scores, objectives, byWorld };
}

const cand = (label: string): Candidate => ({ label, move: { type: 'orders', side, orders: [] }, origin: 'variant', sources: [] });

describe('the search names only objectives clear of the futures’ noise', () => {
  const weighed = (chosen: Tally, runner: Tally): Weighed => ({
    chosen: 0,
    tallies: [chosen, runner],
    dropped: [-1, -1],
    behind: [-1, -1],
    worlds: 40,
    turns: 0,
    challenger: 1,
    edge: { diff: 0, se: 1, n: 40, bound: 1 },
  });

  it('names an objective that gains in every future, not one that swings by more than it gains', () => {
    // Objective 1 is 1.0 higher on average in the chosen move, but swings by ±8 from future to future;
    // objective 0 is 0.5 higher in every future.
    const r = explain(c, side, [cand('Keep on'), cand('Something else')], weighed(tally(40, 0.5, 1, 8), tally(40, 0, 0, 8.1, true)), "Britain's orders");
    const names = r.factors.filter(f => / \(objective, weight /.test(f.label)).map(f => f.label.replace(/ \(objective.*$/, ''));
    expect(names).toEqual([c.objectives[side][0]!.label]);
    expect(r.summary).toContain(`“${c.objectives[side][0]!.label}”`);
  });

  it('says no objective stands out when every difference is within the noise', () => {
    const r = explain(c, side, [cand('Keep on'), cand('Something else')], weighed(tally(40, 0, 1, 8), tally(40, 0, 0, 8.1, true)), "Britain's orders");
    // Only the final test that settled the move is left to give.
    expect(r.factors.map(f => f.label)).toEqual([expect.stringMatching(/^Final check, on \d+ new futures: how much better the best other move, Something else, did/)]);
    expect(r.summary).toMatch(
      /The best alternative, Something else, did \d+\.\d points worse \(give or take \d+\.\d\), too close to be sure it is not luck\. So it kept the move it would make without looking ahead\./,
    );
    expect(r.summary).not.toMatch(/“/);
  });
});
