// A search player's reasons, read off the tallies that chose its move: the objectives whose expected
// points differ most between the chosen move and the best move it passed over (each with its weight
// and the sources it rests on), and every other candidate with its expected score and why it lost;
// a note, by its terms.
// Nothing here is written apart from the numbers: change an objective's weight and the reasons move
// with the choice. The words are for a newcomer, not a statistician: futures played from here, an
// average of 100, "give or take" for the standard error, "luck" for noise, "the move it would make
// without looking ahead" for its persona's move; every figure the search weighed is kept.
import type { Compiled } from '../../engine/compile';
import { sideInSentence } from '../../engine/labels';
import type { Side } from '../../engine/vocab';
import { clearOfNoise, objectiveSources } from '../carriers';
import { describeTerms } from '../packages';
import { type Alternative, err, type Factor, placesFor, ptsFine, ptsGiveOrTake, type Reasons } from '../reasons';
import type { Candidate } from './candidates';
import { mean, paired, type Tally, type Weighed } from './weigh';

/** Per-objective mean points of a tally over its worlds. */
const perObjective = (t: Tally): number[] => Array.from(t.objectives, x => x / (t.scores.length || 1));

/**
 * Each objective's mean points in `a` less `b` over the worlds both were played in (the same worlds
 * and dice), with its standard error; from one world, or without the tallies' world-by-world points,
 * the difference of their means with no error to read (infinite: no objective can be named from it).
 */
function objectiveGaps(a: Tally, b: Tally, count: number): { d: number; se: number }[] {
  const n = Math.min(a.scores.length, b.scores.length);
  if (!a.byWorld || !b.byWorld || n < 2) {
    const pa = perObjective(a),
      pb = perObjective(b);
    return pa.map((x, k) => ({ d: x - pb[k]!, se: Infinity }));
  }
  return Array.from({ length: count }, (_, k) => {
    let t = 0,
      tt = 0;
    for (let j = 0; j < n; j++) {
      const d = a.byWorld![j * count + k]! - b.byWorld![j * count + k]!;
      t += d;
      tt += d * d;
    }
    const m = t / n;
    return { d: m, se: Math.sqrt(Math.max(0, (tt - n * m * m) / (n - 1)) / n) };
  });
}

/**
 * The objectives that separate `a` from `b`, largest difference first: only those whose difference
 * over the futures both were played in stands clear of its noise (carriers.ts, clearOfNoise), so a
 * reason never gives the futures' noise as a cause.
 */
function separating(c: Compiled, side: Side, a: Tally, b: Tally, top: number): { k: number; d: number; se: number }[] {
  return objectiveGaps(a, b, c.objectives[side].length)
    .map((x, k) => ({ k, ...x }))
    .filter(x => clearOfNoise(x.d, x.se))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))
    .slice(0, top)
    .filter(x => c.objectives[side][x.k] !== undefined);
}

/** The mean of a tally's scores with its standard error over its futures ("48.2 of 100 (give or take 1.1)"; one future cannot tell). */
function expected(t: Tally): string {
  const n = t.scores.length,
    m = mean(t.scores);
  if (n < 2) return `${m.toFixed(1)} of 100 (from one future only: how much of it is luck cannot be told)`;
  const v = t.scores.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1);
  const se = Math.sqrt(v / n);
  return `${m.toFixed(placesFor(se))} of 100 (give or take ${err(se)})`;
}

/**
 * The terms of the note a candidate sends, in words ("Term: option; ..."), or null if it sends none.
 * Its label says only "send a note": the terms come after it, as the persona's and the negotiator's
 * reasons give them, so no term's label is spliced mid-sentence.
 */
function noteTerms(c: Compiled, x: Candidate): string | null {
  const o = x.move.type === 'orders' ? x.move.orders.find(o => o.kind === 'offer') : undefined;
  return o?.kind === 'offer' ? describeTerms(c, o.terms) : null;
}

/** A label at the head of a sentence begins with a capital ("a private order" does not). */
const capitalised = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);

/**
 * The final test as a factor: the challenger's paired lead over the persona's move in the last
 * round's fresh futures, and the bound (a one-sided 95% confidence bound) it had to clear to be taken.
 */
function finalTest(cands: readonly Candidate[], w: Weighed): Factor | null {
  const { challenger, edge } = w;
  if (challenger < 0 || !(edge.n > 1) || !Number.isFinite(edge.bound)) return null;
  const who = cands[challenger]!.label;
  const took = w.chosen === challenger;
  // Futures that gave both moves the same score to the last point: no lead and no spread to test.
  if (edge.se === 0 && edge.diff === 0)
    return {
      label: `The best other move scored exactly as the move it would make without looking ahead did, in each of ${edge.n} new futures, so it was not taken: ${who}`,
      weight: 1,
      value: 0,
      sources: [],
    };
  return {
    // Its error is given with its figure (factorFigure). The bar is a one-sided 95% bound: "sure it was not luck".
    label: `How much better the best other move did than the move it would make without looking ahead, on ${edge.n} new futures; it would be taken only if better by more than ${ptsFine(edge.bound)}, enough to be sure that was not luck, and it ${took ? 'was' : 'was not'}: ${who}`,
    weight: 1,
    value: edge.diff,
    se: edge.se,
    sources: [],
  };
}

export function explain(c: Compiled, side: Side, cands: readonly Candidate[], w: Weighed, what: string): Reasons {
  const chosen = w.chosen;
  const tc = w.tallies[chosen]!;
  const m = (j: number) => mean(w.tallies[j]!.scores);
  const note = noteTerms(c, cands[chosen]!);
  const terms = note ? ` Terms of its note: ${note}.` : '';
  if (cands.length === 1) return { summary: `${what}: ${cands[0]!.label} — the only move open.${terms}`, factors: [], rejected: [] };
  // The runner-up: the best other candidate among those played longest.
  const most = Math.max(...w.tallies.map((t, j) => (j === chosen ? 0 : t.scores.length)));
  let runner = -1;
  w.tallies.forEach((t, j) => {
    if (j !== chosen && t.scores.length === most && (runner < 0 || m(j) > m(runner))) runner = j;
  });
  const tr = w.tallies[runner]!;
  const objs = c.objectives[side];
  const total = objs.reduce((a, o) => a + o.weight, 0) || 1;
  // An objective named for a reader on either side: whose it is, then its label as the scenario gives
  // it to its owner (“Keep your standing” would otherwise read as the reader's own).
  const aim = (k: number) => `${sideInSentence(c.sc, side)}'s objective “${objs[k]!.label}”`;
  const factors: Factor[] = separating(c, side, tc, tr, 2).map(({ k, d, se }) => ({
    label: `${objs[k]!.label} (objective, weight ${objs[k]!.weight} of ${total})`,
    weight: objs[k]!.weight,
    value: d,
    se,
    sources: [...new Set([...objectiveSources(c, side, k), ...cands[chosen]!.sources])],
  }));
  // The test that settled it: the challenger's lead over the persona's move in the last round's fresh futures, against the bound it had to clear.
  const test = finalTest(cands, w);
  if (test) factors.push(test);
  const rejected: Alternative[] = cands
    .map((x, j) => ({ x, j }))
    .filter(({ j }) => j !== chosen)
    .sort((a, b) => w.tallies[b.j]!.scores.length - w.tallies[a.j]!.scores.length || m(b.j) - m(a.j))
    .map(({ x, j }) => {
      const t = w.tallies[j]!;
      const e = paired(t, tc);
      const worse = separating(c, side, tc, t, 2).map(({ k, d, se }) => `${aim(k)} ${ptsGiveOrTake(-d, se)}`);
      let why: string;
      if (w.dropped[j]! >= 0)
        why = `set aside after ${t.scores.length} futures, other moves doing better there: it averaged ${expected(t)}, ${ptsGiveOrTake(e.diff, e.se)} against the move made${worse.length ? `; it lost most on ${worse.join(' and ')}` : ''}`;
      else if (e.diff > 0)
        why = `did ${ptsGiveOrTake(e.diff, e.se)} better over the ${e.n} futures both were played in, but not by enough on the new futures to be sure it was not luck, so the move it would make without looking ahead stood`;
      else why = `${ptsGiveOrTake(e.diff, e.se)} against the move made, over the ${e.n} futures both were played in${worse.length ? `; it lost most on ${worse.join(' and ')}` : ''}`;
      // A note other than the one sent (or none sent) is told apart by its terms.
      const its = noteTerms(c, x);
      if (its && its !== note) why += `. Terms of its note: ${its}`;
      return { label: x.label, score: m(j), why };
    });
  const edge = paired(tc, tr);
  const lead = factors.find(f => f !== test);
  // The objective quoted as the scenario names it ("Keep Article 21 a Canadian affair"): lowercasing it garbled names.
  const leadName = lead ? aim(separating(c, side, tc, tr, 1)[0]!.k) : '';
  const head = `${what}: ${cands[chosen]!.label}. It played ${tc.scores.length} possible futures from here: this move averages ${expected(tc)}`;
  // Behind the runner-up only when the runner-up was the challenger whose lead the confidence bound did not accept.
  // The default (index 0) is the move its persona makes without looking ahead: say so when nothing beat it.
  const stands = chosen === 0 ? 'so it kept the move it would make without looking ahead' : 'so this move stands';
  // The edge over the runner-up with its error; "above all" names the largest objective part, which need not be most of it.
  const over = ptsGiveOrTake(edge.diff, edge.se);
  // The objective that parts them most, with its error (as its factor gives it).
  const leadFigure = (sign: number) => (lead ? ptsGiveOrTake(sign * lead.value, lead.se ?? 0, 'points') : '');
  const apart = lead ? '' : "; no single objective's share of that is clear of luck";
  const runnerName = cands[runner]!.label;
  const summary =
    Math.abs(edge.diff) < 0.05
      ? `${head}, level with the next best, ${runnerName}, over the ${edge.n} futures both were played in${lead ? '' : ': nothing in its objectives told them apart'}; ${stands}.`
      : edge.diff > 0
        ? clearOfNoise(edge.diff, edge.se)
          ? `${head}, ${over} against the next best, ${runnerName}: more than luck would explain${lead ? `; above all it gains on ${leadName}, by ${leadFigure(1)}.` : `${apart}.`}`
          : `${head}, ${over} against the next best, ${runnerName}, too close to be sure it is not luck${lead ? `; the objective that parts them most is ${leadName}, by ${leadFigure(1)}` : ''}; ${stands}.`
        : `${head}. ${capitalised(runnerName)} looked ${ptsGiveOrTake(-edge.diff, edge.se, 'points')} better${lead ? `, above all on ${leadName}, by ${leadFigure(-1)}, but not by enough to be sure it was not luck` : ', but not by enough to be sure it was not luck, and no one objective clearly parted them'}; ${stands}.`;
  return { summary: summary + terms, factors, rejected };
}
