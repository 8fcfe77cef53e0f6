// A search player's reasons, read off the tallies that chose its move: the objectives whose expected
// points differ most between the chosen move and the best move it passed over (each with its weight
// and the sources it rests on), and every other candidate with its expected score and why it lost;
// a note, by its terms.
// Nothing here is written apart from the numbers: change an objective's weight and the reasons move
// with the choice. The words are for a newcomer, not a statistician: futures played from here, an
// average of 100, "give or take" for the standard error, "luck" for noise, "the move it would make
// without looking ahead" for its persona's move; every figure the search weighed is kept.
import type { Compiled } from '../../engine/compile';
import { listed, sideInSentence } from '../../engine/labels';
import type { Move } from '../../engine/types';
import { other as otherSide, type Side } from '../../engine/vocab';
import { clearOfNoise, objectiveSources } from '../carriers';
import { type Alternative, err, type Factor, placesFor, pts, ptsFine, type Reasons } from '../reasons';
import { type Candidate, ordersChange } from './candidates';
import type { Reading, RefusalBar } from './opponent';
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
 * The terms of the note a candidate sends, in words, a sentence to each term ("Credits: No
 * government objection to City credit."), or null if it sends none. Its label says only "send a
 * note": the terms come after it, each its own sentence, since an option's words may hold a ";" and
 * a list of them run together after one ":" read as one long run-on.
 */
function noteTerms(c: Compiled, x: Candidate): string | null {
  const o = x.move.type === 'orders' ? x.move.orders.find(o => o.kind === 'offer') : undefined;
  if (o?.kind !== 'offer') return null;
  const stop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
  return c.terms.flatMap(t => t.options.filter(p => p.id === o.terms[t.id]).map(p => stop(`${t.label}: ${p.label}`))).join(' ');
}

/** A label at the head of a sentence begins with a capital ("a private order" does not). */
const capitalised = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);

/**
 * A difference in points said in words, its sign as "better" or "worse" (a reader need not work out
 * what a minus against what means), with its error: "6.4 points better (give or take 6.6)", "0.3
 * points worse (give or take 0.1)", "no better or worse (give or take 1.0)" where it rounds to nought.
 */
export function betterWorse(x: number, se: number, than = ''): string {
  const places = Number.isFinite(se) ? placesFor(se) : 1;
  const fine = Math.abs(x) < 0.05 && x !== 0 && !Number.isFinite(se) ? 2 : places;
  const body = Math.abs(x).toFixed(fine);
  const noise = Number.isFinite(se) ? `(give or take ${err(se)})` : '(from one future only: how much of it is luck cannot be told)';
  const to = than ? ` ${than}` : '';
  if (Number(body) === 0) return `no better or worse${to} ${noise}`;
  return `${body} points ${x > 0 ? 'better' : 'worse'}${to} ${noise}`;
}

/**
 * A move other than `base` named for a reader who has `base` before them: a set of orders by how it
 * differs ("dropping “X”", "adding “Y”": a move left out reads as left out, never as a move of its
 * own), a decision's option by its label in quotation marks (an option's label may hold a colon).
 */
function otherMove(c: Compiled, side: Side, base: Move, x: Candidate): string {
  if (x.move.type === 'orders' && base.type === 'orders') return ordersChange(c, side, base.orders, x.move.orders) ?? x.label;
  return x.move.type === 'decide' ? `“${x.label}”` : x.label;
}

/**
 * The final test as a factor: the challenger's paired lead over the persona's move in the last
 * round's fresh futures, and the bound (a one-sided 95% confidence bound) it had to clear to be taken.
 */
function finalTest(c: Compiled, side: Side, cands: readonly Candidate[], w: Weighed): Factor | null {
  const { challenger, edge } = w;
  if (challenger < 0 || !(edge.n > 1) || !Number.isFinite(edge.bound)) return null;
  // Named by how it differs from the move it was tested against, the persona's (candidate 0).
  const who = otherMove(c, side, cands[0]!.move, cands[challenger]!);
  const took = w.chosen === challenger;
  // Futures that gave both moves the same score to the last point: no lead and no spread to test.
  if (edge.se === 0 && edge.diff === 0)
    return {
      label: `Final check, on ${edge.n} new futures: the best other move, ${who}, scored exactly as the move it would make without looking ahead did in each of them, so it was not taken`,
      weight: 1,
      value: 0,
      // The label says it all: a "+0.0 points" after it told nothing more.
      unit: 'none',
      sources: [],
    };
  return {
    // Its error is given with its figure (factorFigure). The bar is a one-sided 95% bound: "sure it was not luck".
    label: `Final check, on ${edge.n} new futures: how much better the best other move, ${who}, did than the move it would make without looking ahead (it would be taken only if better by more than ${ptsFine(edge.bound).replace('+', '')} points, enough to be sure that was not luck, and it ${took ? 'was' : 'was not'})`,
    weight: 1,
    value: edge.diff,
    se: edge.se,
    sources: [],
  };
}

export function explain(c: Compiled, side: Side, cands: readonly Candidate[], w: Weighed, what: string, reading: Reading = 'persona', bar: (RefusalBar & { now: number }) | null = null): Reasons {
  const chosen = w.chosen;
  const tc = w.tallies[chosen]!;
  const m = (j: number) => mean(w.tallies[j]!.scores);
  const note = noteTerms(c, cands[chosen]!);
  const terms = note ? ` Its note proposes these terms. ${note}` : '';
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
  const aim = (k: number) => `${sideInSentence(c.sc, side)}’s objective “${objs[k]!.label}”`;
  const factors: Factor[] = separating(c, side, tc, tr, 2).map(({ k, d, se }) => ({
    label: `${objs[k]!.label} (objective, weight ${objs[k]!.weight} of ${total}), this move against the best alternative`,
    weight: objs[k]!.weight,
    value: d,
    se,
    sources: [...new Set([...objectiveSources(c, side, k), ...cands[chosen]!.sources])],
  }));
  // The test that settled it: the challenger's lead over the persona's move in the last round's fresh futures, against the bound it had to clear.
  const test = finalTest(c, side, cands, w);
  if (test) factors.push(test);
  const base = cands[chosen]!.move;
  // The objectives that part an alternative from the move made, each said from the alternative's
  // side as better or worse (the difference the search measured, chosen less it, turned round).
  const differed = (t: Tally): string => {
    const xs = separating(c, side, tc, t, 2).map(({ k, d, se }) => `${betterWorse(-d, se)} on ${aim(k)}`);
    return xs.length ? `. Where it differed most, it did ${listed(xs)}` : '';
  };
  /** How the alternative that went on (`k`) did against one set aside (`j`) over j's futures: ahead of it, or level with it and kept instead. */
  const wentOn = (k: number, j: number): string => {
    const by = paired(w.tallies[k]!, w.tallies[j]!);
    if (by.diff === 0 && by.se === 0) return 'scored exactly as it did in each of those futures and was kept instead';
    const lead = betterWorse(by.diff, by.se, 'than it');
    return lead.startsWith('no better or worse') ? `did as well over the same futures (give or take ${err(by.se)}) and was kept instead` : `did ${lead} over the same futures`;
  };
  const rejected: Alternative[] = cands
    .map((x, j) => ({ x, j }))
    .filter(({ j }) => j !== chosen)
    .sort((a, b) => w.tallies[b.j]!.scores.length - w.tallies[a.j]!.scores.length || m(b.j) - m(a.j))
    .map(({ x, j }) => {
      const t = w.tallies[j]!;
      const e = paired(t, tc);
      let why: string;
      // Set aside though it did better than the move made: another alternative was further ahead of it, and only the leaders go on.
      const ahead = w.dropped[j]! >= 0 && e.diff > 0 ? w.behind[j]! : -1;
      if (ahead >= 0)
        why = `set aside after ${t.scores.length} futures: over them it averaged ${expected(t)}, ${betterWorse(e.diff, e.se, 'than the move made')}, but ${otherMove(c, side, base, cands[ahead]!)} ${wentOn(ahead, j)}: only the alternatives furthest ahead go on to the final check against ${chosen === 0 ? 'the move made' : 'the move it would make without looking ahead'}${differed(t)}`;
      else if (w.dropped[j]! >= 0)
        why = `set aside after ${t.scores.length} futures, because other moves were ahead in them. Over those it averaged ${expected(t)}, ${betterWorse(e.diff, e.se, 'than the move made')}${differed(t)}`;
      else if (e.diff > 0)
        why = `${betterWorse(e.diff, e.se, 'than the move made')} over the ${e.n} futures both were played in, but not by enough on the new futures to be sure that was not luck, so the move it would make without looking ahead stood`;
      else if (e.diff === 0 && e.se === 0) why = `scored exactly as the move made in each of the ${e.n} futures both were played in`;
      else why = `${betterWorse(e.diff, e.se, 'than the move made')} over the ${e.n} futures both were played in${differed(t)}`;
      // A note other than the one sent (or none sent) is told apart by its terms.
      const its = noteTerms(c, x);
      if (its && its !== note) why += `. Its note would have proposed these terms. ${its.slice(0, -1)}`;
      return { label: capitalised(otherMove(c, side, base, x)), score: m(j), why };
    });
  const edge = paired(tc, tr);
  const lead = factors.find(f => f !== test);
  // The objective quoted as the scenario names it ("Keep Article 21 a Canadian affair"): lowercasing it garbled names.
  const leadName = lead ? aim(separating(c, side, tc, tr, 1)[0]!.k) : '';
  // "Britain's orders: none", not "Britain's orders: no orders".
  const made = base.type === 'orders' && !base.orders.length ? 'none' : cands[chosen]!.label;
  // How the futures moved the other side, where it was not the persona (opponent.ts).
  const they = sideInSentence(c.sc, otherSide(side));
  const us = sideInSentence(c.sc, side);
  const refused = (b: RefusalBar & { now: number }) => `: the most such a note it refused was worth to it (${pts(b.worth)}), a bar that falls to nothing by the last turn`;
  const them =
    reading === 'historical'
      ? ` In those futures ${they} follows the record, as all its moves seen so far have.`
      : reading === 'negotiator'
        ? ` In those futures ${they} bargains as it has begun to, with notes of its own: it gives ground after a refusal and as the time for talks runs out. Its answers to notes from ${us} are played two ways, in half the futures each: weighed against a counter of its own, or taken when its cabinet would ratify them and they are worth something to it by the terms’ values${bar ? `, more than ${pts(bar.now)}${refused(bar)}` : ''}.`
        : bar
          ? ` In those futures ${they} refuses any note from ${us} worth no more to it than ${pts(bar.now)} by the terms’ values${refused(bar)}.`
          : '';
  const head = `${what}: ${made}. It played ${tc.scores.length} possible futures from here: this move averages ${expected(tc)}.${them}`;
  // The default (index 0) is the move its persona makes without looking ahead: say so when nothing beat it.
  const stands = chosen === 0 ? 'it kept the move it would make without looking ahead' : 'this move stands';
  // The runner-up named by how it differs from the move made ("giving no orders at all" never reads as "No orders looked better").
  const runnerName = otherMove(c, side, base, cands[runner]!);
  const other = `The best alternative, ${runnerName},`;
  // The objective that parts them most, each way said in words: it need not lean the way the whole does.
  const differsMost = (sign: number, who: string) => (lead ? ` They differ most on ${leadName}, where ${who} does ${betterWorse(sign * lead.value, lead.se ?? 0)}.` : '');
  const summary =
    Math.abs(edge.diff) < 0.05
      ? `${head} ${other} did as well over the ${edge.n} futures both were played in${lead ? '' : ', and nothing in its objectives told them apart'}, so ${stands}.`
      : edge.diff > 0
        ? clearOfNoise(edge.diff, edge.se)
          ? `${head} ${other} did ${betterWorse(-edge.diff, edge.se)}, more than luck would explain.${lead ? differsMost(1, 'this move') : ' No one objective accounts for the gap clearly enough to rule out luck.'}`
          : `${head} ${other} did ${betterWorse(-edge.diff, edge.se)}, too close to be sure it is not luck.${differsMost(1, 'this move')} So ${stands}.`
        : `${head} ${other} looked ${betterWorse(-edge.diff, edge.se)}, but not by enough to be sure it was not luck${lead ? '' : ', and no one objective clearly parted them'}.${differsMost(-1, 'it')} So ${stands}.`;
  return { summary: summary + terms, factors, rejected };
}
