// A search player's reasons, read off the tallies that chose its move: the objectives whose expected
// points differ most between the chosen move and the best move it passed over (each with its weight
// and the sources it rests on), and every other candidate with its expected score and why it lost.
// Nothing here is written apart from the numbers: change an objective's weight and the reasons move
// with the choice.
import type { Compiled } from '../../engine/compile';
import type { Side } from '../../engine/vocab';
import { objectiveSources } from '../carriers';
import { type Alternative, type Factor, pts, type Reasons } from '../reasons';
import type { Candidate } from './candidates';
import { mean, paired, type Tally, type Weighed } from './weigh';

/** Per-objective mean points of a tally over its first n worlds. */
const perObjective = (t: Tally): number[] => Array.from(t.objectives, x => x / (t.scores.length || 1));

/** The objectives that separate `a` from `b`, largest difference first. */
function separating(c: Compiled, side: Side, a: Tally, b: Tally, top: number): { k: number; d: number }[] {
  const pa = perObjective(a),
    pb = perObjective(b);
  return pa
    .map((x, k) => ({ k, d: x - pb[k]! }))
    .filter(x => Math.abs(x.d) >= 0.05)
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))
    .slice(0, top)
    .filter(x => c.objectives[side][x.k] !== undefined);
}

export function explain(c: Compiled, side: Side, cands: readonly Candidate[], w: Weighed, what: string): Reasons {
  const chosen = w.chosen;
  const tc = w.tallies[chosen]!;
  const m = (j: number) => mean(w.tallies[j]!.scores);
  if (cands.length === 1) return { summary: `${what}: ${cands[0]!.label} — the only move open.`, factors: [], rejected: [] };
  // The runner-up: the best other candidate among those played longest.
  const most = Math.max(...w.tallies.map((t, j) => (j === chosen ? 0 : t.scores.length)));
  let runner = -1;
  w.tallies.forEach((t, j) => {
    if (j !== chosen && t.scores.length === most && (runner < 0 || m(j) > m(runner))) runner = j;
  });
  const tr = w.tallies[runner]!;
  const objs = c.objectives[side];
  const total = objs.reduce((a, o) => a + o.weight, 0) || 1;
  const factors: Factor[] = separating(c, side, tc, tr, 3).map(({ k, d }) => ({
    label: `${objs[k]!.label} (objective, weight ${objs[k]!.weight} of ${total})`,
    weight: objs[k]!.weight,
    value: d,
    sources: [...new Set([...objectiveSources(c, side, k), ...cands[chosen]!.sources])],
  }));
  const rejected: Alternative[] = cands
    .map((x, j) => ({ x, j }))
    .filter(({ j }) => j !== chosen)
    .sort((a, b) => w.tallies[b.j]!.scores.length - w.tallies[a.j]!.scores.length || m(b.j) - m(a.j))
    .map(({ x, j }) => {
      const t = w.tallies[j]!;
      const e = paired(t, tc);
      const worse = separating(c, side, tc, t, 2).map(({ k, d }) => `${objs[k]!.label} ${pts(-d)}`);
      let why: string;
      if (w.dropped[j]! >= 0) why = `dropped after ${t.scores.length} futures: ${m(j).toFixed(1)} expected, ${pts(e.diff)} against the move made${worse.length ? ` (${worse.join(', ')})` : ''}`;
      else if (e.diff > 0) why = `${pts(e.diff)} ± ${e.se.toFixed(1)} better on ${e.n} paired futures, but not clear of the noise in the last round's fresh ones, so the move its persona makes stands`;
      else why = `${pts(e.diff)} against the move made on ${e.n} paired futures${worse.length ? ` (${worse.join(', ')})` : ''}`;
      return { label: x.label, score: m(j), why };
    });
  const edge = paired(tc, tr);
  const lead = factors[0];
  // The objective quoted as the scenario names it ("Keep Article 21 a Canadian affair"): lowercasing it garbled names.
  const leadName = lead ? `“${objs[separating(c, side, tc, tr, 1)[0]!.k]!.label}”` : '';
  const head = `${what}: ${cands[chosen]!.label}. Expected score ${m(chosen).toFixed(1)} of 100 over ${tc.scores.length} sampled futures`;
  // Behind the runner-up only when the runner-up was the challenger whose lead the confidence bound did not accept.
  // The default (index 0) is the move its persona makes without looking ahead: say so when nothing beat it.
  const stands = chosen === 0 ? 'so it keeps the move its persona makes without looking ahead' : 'so this move stands';
  const summary =
    Math.abs(edge.diff) < 0.05
      ? `${head}, level with ${cands[runner]!.label} on ${edge.n} paired futures${lead ? '' : ': nothing in its objectives told them apart'}, ${stands}.`
      : edge.diff > 0
        ? `${head}, ${pts(edge.diff)} against ${cands[runner]!.label}${lead ? `; it turns on ${leadName} (${pts(lead.value)} points).` : '.'}`
        : `${head}. ${cands[runner]!.label} looked ${pts(-edge.diff)} better${lead ? `, mostly on ${leadName} (${pts(-lead.value)} points)` : ''}, but not clear of the noise, ${stands}.`;
  return { summary, factors, rejected };
}
