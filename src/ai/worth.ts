// What a package is worth to each side by its objectives, not by the term tables: the rest of the
// game is played out (personas on both sides) with the package bound now and without it, the notes
// on the table set aside in both, and the difference in each side's final score is the package's
// utility. Whole-space utilities come from an additive model fitted by rollouts: a reference
// package, then each term's other options swapped in one at a time (a few dozen playouts, not one
// per package), all with common random numbers so that the differences are not drowned by the dice.
import { compile } from '../engine/compile';
import { closeDraft, copyState, openDraft } from '../engine/draft';
import { bindAgreement } from '../engine/negotiation';
import { seedRng } from '../engine/rng';
import { score } from '../engine/scoring';
import type { GameState, Offer, Terms } from '../engine/types';
import { type BySide, SIDES, type Side } from '../engine/vocab';
import type { Scenario } from '../scenario/schema';
import { type PackageSpace, packageSpace, type Utilities } from './packages';
import { makeSidePersona } from './persona';
import { type Player, runGame } from './player';

export interface WorthOptions {
  /** Playouts per package evaluated (common random numbers across packages). */
  readonly rollouts: number;
  /** Seeds the playouts' dice (a player passes one drawn from its own dice). */
  readonly seed: string;
}

/** Each side's utility for every package, and the part of it common to all packages (binding any agreement). */
export interface Worth extends Utilities {
  /** Playouts run to make the table. */
  readonly playouts: number;
  /** Per term and option: what swapping that option into the reference package changes, per side. */
  readonly parts: BySide<number[][]>;
  /**
   * The same, objective by objective (per term, option and objective of the side, in points of the
   * final score): which objectives a term's worth comes from. They add up to `parts`.
   */
  readonly byObjective: BySide<number[][][]>;
  /** Standard errors over the playouts of `parts` and `byObjective` (each a mean of paired differences; infinite from one playout). */
  readonly partsSe: BySide<number[][]>;
  readonly byObjectiveSe: BySide<number[][][]>;
  /**
   * The part common to every package: the reference package bound against none (what binding any
   * agreement does), with its standard error, and objective by objective with theirs.
   */
  readonly base: BySide<Split>;
  /**
   * Playout by playout (the same worlds and dice for every package): binding the reference package
   * against none (`base[p]`), and each term's option against the reference (`parts[t][o][p]`), per
   * side. A package's worth in playout p is their sum, so its standard error is read off them (packageSe).
   */
  readonly byPlayout: BySide<{ base: number[]; parts: number[][][] }>;
}

/** A worth in points with its standard error over the playouts, and the same objective by objective. */
export interface Split {
  readonly value: number;
  readonly se: number;
  readonly byObjective: readonly number[];
  readonly byObjectiveSe: readonly number[];
}

/** Both sides' final scores, and each objective's points in them. */
interface Scores {
  britain: number;
  ussr: number;
  objectives: BySide<number[]>;
}

/** Mean scores over the playouts, and each playout's own (for the standard errors of differences). */
interface MeanScores extends Scores {
  each: Scores[];
}

const policies = new WeakMap<Scenario, BySide<Player>>();
/** The playout policy: the personas of both sides (quick, and playing to their objectives). */
function policy(sc: Scenario): BySide<Player> {
  let p = policies.get(sc);
  if (!p) {
    p = { britain: makeSidePersona(sc, 'britain'), ussr: makeSidePersona(sc, 'ussr') };
    policies.set(sc, p);
  }
  return p;
}

/** Every note still outstanding (sent or on the table) marked lapsed, unread if it never arrived; the list itself if none is. */
function setAside(offers: Offer[]): Offer[] {
  if (!offers.some(o => o.status === 'sent' || o.status === 'delivered')) return offers;
  return offers.map(o => (o.status === 'delivered' ? { ...o, status: 'lapsed' as const } : o.status === 'sent' ? { ...o, status: 'lapsed' as const, unread: true as const } : o));
}

/** Both sides' final scores after playing the game out from `s`, with `terms` bound first if given. */
function playout(sc: Scenario, s: GameState, terms: Terms | null, seed: string, from: Side): Scores {
  const c = compile(sc);
  let st = copyState(s);
  st.seed = seed;
  st.rng = seedRng(seed);
  st.record = false;
  // The notes on the table set aside: a package is weighed against no agreement now, not against
  // futures where the personas go on to ratify a note on the table (often the very package weighed,
  // which then came out worth nothing to the side deciding whether to accept it).
  st.offers = setAside(st.offers);
  if (terms) {
    const d = openDraft(c, st);
    bindAgreement(d, terms, 'rollout', from);
    st = closeDraft(d);
  }
  const end = st.ended ? st : runGame(sc, st, policy(sc), false).state;
  const b = score(c, end, 'britain'),
    u = score(c, end, 'ussr');
  // An objective's points in the score out of 100 (scoring.ts: 100 x achieved x weight / all weights).
  const points = (r: typeof b) => {
    const all = r.objectives.reduce((a, o) => a + o.weight, 0);
    return r.objectives.map(o => (all === 0 ? 0 : (100 * o.achieved * o.weight) / all));
  };
  return { britain: b.total, ussr: u.total, objectives: { britain: points(b), ussr: points(u) } };
}

/**
 * Mean final scores over the playouts with package i bound (or none, for -1). Playout k starts from
 * world k (of those given, in turn): the same worlds and dice for every package, so that the
 * differences between packages are not drowned by the draw.
 */
function meanScores(sc: Scenario, worlds: readonly GameState[], i: number, o: WorthOptions, from: Side, termsOf: (i: number) => Terms): MeanScores {
  let b = 0,
    u = 0;
  const objectives = { britain: [] as number[], ussr: [] as number[] };
  const each: Scores[] = [];
  for (let k = 0; k < o.rollouts; k++) {
    const r = playout(sc, worlds[k % worlds.length]!, i < 0 ? null : termsOf(i), `${o.seed}/${k}`, from);
    each.push(r);
    b += r.britain;
    u += r.ussr;
    for (const side of ['britain', 'ussr'] as const) r.objectives[side].forEach((x, j) => (objectives[side][j] = (objectives[side][j] ?? 0) + x / o.rollouts));
  }
  return { britain: b / o.rollouts, ussr: u / o.rollouts, objectives, each };
}

/** Standard error of the mean of the paired differences a(k) - b(k) over playouts k (infinite with one playout: no spread to read). */
function pairedSe(n: number, a: (k: number) => number, b: (k: number) => number): number {
  if (n < 2) return Infinity;
  let t = 0,
    tt = 0;
  for (let k = 0; k < n; k++) {
    const d = a(k) - b(k);
    t += d;
    tt += d * d;
  }
  const m = t / n;
  return Math.sqrt(Math.max(0, (tt - n * m * m) / (n - 1)) / n);
}

/** Standard errors of `r` less `ref`, playout by playout (the same worlds and dice): the total and each objective's, for `side`. */
function diffSe(r: MeanScores, ref: MeanScores, side: Side): { se: number; byObjective: number[] } {
  const n = r.each.length;
  return {
    se: pairedSe(
      n,
      k => r.each[k]![side],
      k => ref.each[k]![side],
    ),
    byObjective: r.objectives[side].map((_, j) =>
      pairedSe(
        n,
        k => r.each[k]!.objectives[side][j]!,
        k => ref.each[k]!.objectives[side][j]!,
      ),
    ),
  };
}

/** The option of a term with `n` options that the reference package takes: its middle one (each term's part is counted from it). */
export const middleOption = (n: number): number => Math.floor((n - 1) / 2);

/**
 * Utilities of every package of the scenario's space from a full state (the referee's) or from
 * worlds a seat draws from its view (engine/sample.ts: one a playout), for a note sent by `from`.
 * The reference package takes each term's middle option; the utility of package P is
 * (reference bound - nothing bound) + the sum over terms of (P's option swapped in - reference).
 */
export function packageWorth(sc: Scenario, s: GameState | readonly GameState[], o: WorthOptions, from: Side): Worth {
  const worlds = Array.isArray(s) ? (s as readonly GameState[]) : [s as GameState];
  const c = compile(sc);
  const ps = packageSpace(c);
  const nt = ps.radix.length;
  const ref = ps.radix.map(middleOption);
  const mul: number[] = [];
  ps.radix.reduce((m, n, t) => {
    mul[t] = m;
    return m * n;
  }, 1);
  const refIndex = ref.reduce((a, d, t) => a + d * mul[t]!, 0);
  const terms = (i: number): Terms => {
    const out: Terms = {};
    c.terms.forEach((t, k) => {
      out[t.id] = t.options[Math.floor(i / mul[k]!) % ps.radix[k]!]!.id;
    });
    return out;
  };
  let playouts = 0;
  const run = (i: number) => {
    playouts += o.rollouts;
    return meanScores(sc, worlds, i, o, from, terms);
  };
  const none = run(-1);
  const atRef = run(refIndex);
  const each = (r: MeanScores, ref: MeanScores, side: Side) => r.each.map((x, k) => x[side] - ref.each[k]![side]);
  const byPlayout = { britain: { base: each(atRef, none, 'britain'), parts: [] as number[][][] }, ussr: { base: each(atRef, none, 'ussr'), parts: [] as number[][][] } };
  const parts = { britain: [] as number[][], ussr: [] as number[][] };
  const byObjective = { britain: [] as number[][][], ussr: [] as number[][][] };
  const partsSe = { britain: [] as number[][], ussr: [] as number[][] };
  const byObjectiveSe = { britain: [] as number[][][], ussr: [] as number[][][] };
  for (let t = 0; t < nt; t++) {
    for (const side of SIDES) {
      parts[side].push([]);
      byObjective[side].push([]);
      partsSe[side].push([]);
      byObjectiveSe[side].push([]);
      byPlayout[side].parts.push([]);
    }
    for (let k = 0; k < ps.radix[t]!; k++) {
      if (k === ref[t]) {
        for (const side of SIDES) {
          parts[side][t]![k] = 0;
          byObjective[side][t]![k] = atRef.objectives[side].map(() => 0);
          partsSe[side][t]![k] = 0;
          byObjectiveSe[side][t]![k] = atRef.objectives[side].map(() => 0);
          byPlayout[side].parts[t]![k] = atRef.each.map(() => 0);
        }
        continue;
      }
      const r = run(refIndex + (k - ref[t]!) * mul[t]!);
      for (const side of SIDES) {
        parts[side][t]![k] = r[side] - atRef[side];
        byObjective[side][t]![k] = r.objectives[side].map((x, j) => x - atRef.objectives[side][j]!);
        const e = diffSe(r, atRef, side);
        partsSe[side][t]![k] = e.se;
        byObjectiveSe[side][t]![k] = e.byObjective;
        byPlayout[side].parts[t]![k] = each(r, atRef, side);
      }
    }
  }
  const out = { britain: new Float64Array(ps.size), ussr: new Float64Array(ps.size) };
  const base = { britain: atRef.britain - none.britain, ussr: atRef.ussr - none.ussr };
  for (let i = 0; i < ps.size; i++) {
    let b = base.britain,
      u = base.ussr;
    for (let t = 0; t < nt; t++) {
      const d = ps.digits[i * nt + t]!;
      b += parts.britain[t]![d]!;
      u += parts.ussr[t]![d]!;
    }
    out.britain[i] = b;
    out.ussr[i] = u;
  }
  const split = (side: Side): Split => {
    const e = diffSe(atRef, none, side);
    return { value: base[side], se: e.se, byObjective: atRef.objectives[side].map((x, j) => x - none.objectives[side][j]!), byObjectiveSe: e.byObjective };
  };
  return { ...out, playouts, parts, byObjective, partsSe, byObjectiveSe, base: { britain: split('britain'), ussr: split('ussr') }, byPlayout };
}

/** One table of two: `side`'s column and everything of it from `mine`, the other side's from `theirs`. */
export function joinWorth(mine: Worth, theirs: Worth, side: Side): Worth {
  const pick = <T>(f: (w: Worth) => BySide<T>): BySide<T> => (side === 'britain' ? { britain: f(mine).britain, ussr: f(theirs).ussr } : { britain: f(theirs).britain, ussr: f(mine).ussr });
  return {
    ...pick(w => w),
    playouts: mine.playouts + theirs.playouts,
    parts: pick(w => w.parts),
    byObjective: pick(w => w.byObjective),
    partsSe: pick(w => w.partsSe),
    byObjectiveSe: pick(w => w.byObjectiveSe),
    base: pick(w => w.base),
    byPlayout: pick(w => w.byPlayout),
  };
}

/**
 * The standard error of package i's worth to `side` in table `w` (for figures a reason states): its
 * worth playout by playout, the agreement's part and each of its terms' (Worth.byPlayout), has a
 * mean, which is the table's figure, and a spread over the playouts. Infinite from one playout.
 */
export function packageSe(w: Worth, ps: PackageSpace, i: number, side: Side): number {
  const { base, parts } = w.byPlayout[side];
  const nt = ps.radix.length;
  return pairedSe(
    base.length,
    k => {
      let x = base[k]!;
      for (let t = 0; t < nt; t++) x += parts[t]![ps.digits[i * nt + t]!]![k]!;
      return x;
    },
    () => 0,
  );
}
