// How plausible a branch is: how far it rests on unlikely draws, and on choices the sources do not
// record. Measured, not asserted.
//
// The dice: every move that drew dice is played again `rolls` times from the same state on fresh
// seeds; the results (the state after the move, dice aside) are counted. The chance of what really
// came up is its share of the re-rolls. Its surprise is log2(likeliest result's share / its share)
// bits. A path's surprise is the sum over its moves; a path through the same moves with ordinary
// luck would have, on average, the sum of each move's mean surprise, give or take the root of the
// sum of their variances. The dice score is the share of such ordinary paths that would be at
// least as surprising, doubled and capped at 100: a path of typical luck scores 100 however long it
// is, and one resting on long shots falls toward 0.
//
// The sources: each decision and each side's orders for a turn is compared with what the sources
// record at that state (the historical option; the orders the historical player gives there). Each
// decision outside the record takes 15% off the sources score, each turn's orders 3%. An event a
// teacher introduced (engine inject.ts) is a choice no source records: it counts as a decision
// outside the record.
// The plausibility is the product of the two scores, out of 100.

import { copyState } from '../../engine/draft';
import { applyMove, type Compiled, compile, type GameState, type Move, type NewsList, stateHash } from '../../engine/index';
import type { Scenario } from '../../scenario/schema';
import { atPoint, injectedAt, lineStart, reseeded } from './line';
import { drewDice } from './tree';
import type { Line, OffRecordChoice, Plausibility, UnlikelyDraw } from './types';
import { dateText, describeMove, isHistoricalMove, teacherText } from './words';

/** Re-rolls of each move that drew dice (default). */
export const DEFAULT_ROLLS = 64;
const DECISION_KEEP = 0.85;
const ORDERS_KEEP = 0.97;
/** A draw listed as unlikely: the result came up in under a quarter of re-rolls, and at most a third as often as the likeliest. */
const UNLIKELY = 0.25;

const ZERO_RNG = { c: 0, s0: 0, s1: 0, s2: 0 } as const;
/** A state's fingerprint without its dice and seed: two results of a move are the same if these match. */
function outcomeKey(s: GameState): string {
  const x = copyState(s);
  x.rng = ZERO_RNG;
  x.seed = '';
  return stateHash(x);
}

/** The news a move added, oldest first. */
function newsAdded(before: GameState, after: GameState): string[] {
  const out: string[] = [];
  for (let n: NewsList | null = after.news; n && n !== before.news; n = n.n) out.push(n.e.text);
  return out.reverse();
}

export function plausibility(sc: Scenario, line: Line, opts: { rolls?: number } = {}): Plausibility {
  const c = compile(sc);
  const rolls = Math.max(8, opts.rolls ?? DEFAULT_ROLLS);
  let s = lineStart(sc, line);
  let surprise = 0,
    mean = 0,
    variance = 0,
    diceMoves = 0;
  const unlikely: UnlikelyDraw[] = [];
  const offRecord: OffRecordChoice[] = [];
  let decisionsOff = 0,
    ordersOff = 0,
    injectedOff = 0,
    choices = 0;
  const teacher = (k: number) => {
    for (const x of injectedAt(line, k)) {
      choices++;
      decisionsOff++;
      injectedOff++;
      offRecord.push({ index: k, day: c.days[s.turn]!, side: null, text: teacherText(c, x.event) });
    }
  };
  teacher(0);
  for (let k = 0; k < line.moves.length; k++) {
    if (k > 0) {
      const p = atPoint(sc, line, s, k);
      if (!p.ok) throw new Error(p.error);
      s = p.value;
      teacher(k);
    }
    const m = line.moves[k]!;
    const r = applyMove(sc, s, m);
    if (!r.ok) throw new Error(`move ${k + 1} is illegal: ${r.error}`);
    const after = r.value;
    const day = c.days[s.turn]!;
    // The sources: a choice is a decision, or a side's orders for the turn.
    choices++;
    if (!isHistoricalMove(c, s, m)) {
      if (m.type === 'decide') decisionsOff++;
      else ordersOff++;
      offRecord.push({ index: k, day, side: m.side, text: describeMove(c, s, m) });
    }
    if (drewDice(s, after)) {
      diceMoves++;
      const d = reroll(sc, s, m, k, rolls, outcomeKey(after));
      surprise += d.bits;
      mean += d.expected;
      variance += d.variance;
      if (d.chance < UNLIKELY && d.chance * 3 < d.mode) unlikely.push({ index: k, day, text: unlikelyText(c, s, m, after, d.modeNews), chance: d.chance });
    }
    s = after;
  }
  if (line.moves.length > 0) teacher(line.moves.length);
  const bits = surprise - mean;
  const z = variance > 0 ? bits / Math.sqrt(variance) : 0;
  const diceScore = 100 * Math.min(1, 2 * upperTail(z));
  const sourcesScore = 100 * DECISION_KEEP ** decisionsOff * ORDERS_KEEP ** ordersOff;
  const score = (diceScore * sourcesScore) / 100;
  unlikely.sort((a, b) => a.chance - b.chance);
  return {
    score,
    dice: { score: diceScore, bits, rolls: diceMoves, unlikely },
    sources: { score: sourcesScore, choices, offRecord },
    explanation: explain(score, diceScore, bits, diceMoves, unlikely, sourcesScore, choices, offRecord, { decisions: decisionsOff - injectedOff, orders: ordersOff, injected: injectedOff }, rolls),
  };
}

/** Play a move again on fresh dice: the share of the real result, the likeliest's, and the expected surprise. */
function reroll(sc: Scenario, s: GameState, m: Move, k: number, rolls: number, real: string) {
  const counts = new Map<string, { n: number; j: number }>();
  // Re-rolls keep no news (faster); the likeliest result is played once more with news, for its words.
  const quiet = copyState(s);
  quiet.record = false;
  const seedOf = (j: number) => `plausibility/${k}/${j}`;
  for (let j = 0; j < rolls; j++) {
    const r = applyMove(sc, reseeded(quiet, seedOf(j)), m);
    if (!r.ok) continue;
    const key = outcomeKey(r.value);
    const hit = counts.get(key);
    if (hit) hit.n++;
    else counts.set(key, { n: 1, j });
  }
  let mode = 0,
    modeJ = 0;
  for (const v of counts.values())
    if (v.n > mode) {
      mode = v.n;
      modeJ = v.j;
    }
  const from = reseeded(s, seedOf(modeJ));
  const again = applyMove(sc, from, m);
  const modeNews = again.ok ? newsAdded(from, again.value) : [];
  // A result never seen in the re-rolls is rarer than one in `rolls`: count it as half a roll.
  const chance = (counts.get(real)?.n ?? 0.5) / rolls;
  const pm = mode / rolls;
  let expected = 0,
    square = 0;
  for (const v of counts.values()) {
    const p = v.n / rolls;
    const b = Math.log2(pm / p);
    expected += p * b;
    square += p * b * b;
  }
  return { chance, mode: pm, bits: Math.log2(pm / chance), expected, variance: Math.max(0, square - expected * expected), modeNews };
}

/** What the dice decided, in the move's own news: the lines that the likeliest result did not have. */
function unlikelyText(c: Compiled, s: GameState, m: Move, after: GameState, modeNews: string[]): string {
  const mine = newsAdded(s, after);
  const usual = new Set(modeNews);
  const odd = mine.filter(t => !usual.has(t));
  return odd.length
    ? odd
        .slice(0, 3)
        .map(x => x.replace(/\.$/, ''))
        .join('; ')
    : `${describeMove(c, s, m)} (its figures fell unusually)`;
}

/** P(Z >= z) for a standard normal Z (Abramowitz and Stegun 7.1.26, error under 1.5e-7). */
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * k - 1.453152027) * k + 1.421413741) * k - 0.284496736) * k + 0.254829592) * k * Math.exp(-x * x);
  return z >= 0 ? (1 - erf) / 2 : (1 + erf) / 2;
}

const pct = (x: number) => `${x < 0.01 ? (x * 100).toFixed(1) : Math.round(x * 100)}%`;

function explain(
  score: number,
  dice: number,
  bits: number,
  diceMoves: number,
  unlikely: UnlikelyDraw[],
  sources: number,
  choices: number,
  off: OffRecordChoice[],
  count: { decisions: number; orders: number; injected: number },
  rolls: number,
): string[] {
  const out: string[] = [];
  out.push(`Plausibility ${Math.round(score)} out of 100: ${Math.round(dice)} for the luck of the dice, ${Math.round(sources)} for the choices (each of 100, multiplied together).`);
  if (choices === 0) out.push('No choice has been made yet on this path.');
  else if (off.length === 0) out.push(choices === 1 ? 'Its one choice is the one the sources record.' : `All ${choices} choices are the ones the sources record.`);
  else {
    const first = off[0]!;
    const kinds = [`${count.decisions} decision${count.decisions === 1 ? '' : 's'}`, `${count.orders} turn${count.orders === 1 ? '' : 's'} of orders`];
    if (count.injected) kinds.push(`${count.injected} event${count.injected === 1 ? '' : 's'} the teacher introduced`);
    out.push(`${off.length} of ${choices} choices depart from what the sources record (${kinds.join(', ')}); the first, on ${dateText(first.day)}: ${first.text}.`);
  }
  const shots = unlikely.slice(0, 3).map(x => `${dateText(x.day)}, ${x.text.replace(/\.$/, '')} (${pct(x.chance)} of re-rolls)`);
  if (diceMoves === 0) out.push('No dice were rolled.');
  else if (dice >= 99.5)
    out.push(
      `The luck was ordinary: ${diceMoves} rolls, each played ${rolls} times again, fell no more unusually than a typical game's${shots.length ? `; its long shots (${shots.join('; ')}) are balanced by likely results elsewhere` : ''}.`,
    );
  else {
    // Bits are halvings of the odds: said as such, with the factor they come to, for a reader who has not met them.
    out.push(
      `The luck: each of its ${diceMoves} rolls of the dice was thrown again ${rolls} times. Taken together, its rolls came up ${bits.toFixed(1)} halvings of the odds (“bits”) less likely than a typical game's, about ${Math.round(2 ** bits).toLocaleString('en-GB')} times less likely; only ${pct(dice / 200)} of games making the same choices would be this unusual, so the luck scores ${Math.round(dice)} of 100 (a game of typical luck scores 100).`,
    );
    if (shots.length) out.push(`The unlikeliest draws: ${shots.join('; ')}.`);
  }
  return out;
}
