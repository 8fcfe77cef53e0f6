// The package space of a scenario's negotiation: every package its terms allow (one option per
// term), numbered in mixed radix so a package is one integer, with each side's term-table value
// (what its cabinet weighs when it ratifies). Given each side's utility for every package, the
// Pareto frontier and the Nash point of the space, and how far a package lies from each.
import type { Compiled } from '../engine/compiled';
import { optionOpen } from '../engine/negotiation';
import type { GameState, Terms } from '../engine/types';
import type { BySide } from '../engine/vocab';

export interface PackageSpace {
  readonly c: Compiled;
  /** Options per term, in the scenario's term order. */
  readonly radix: readonly number[];
  readonly size: number;
  /** The option index of term t in package i: digit(i, t). Kept as a flat table (size x terms). */
  readonly digits: Uint8Array;
  /** Each side's term-table value of every package (engine/negotiation.ts, packageValue). */
  readonly table: BySide<Float64Array>;
}

const cache = new WeakMap<Compiled, PackageSpace>();

/** The scenario's whole package space, enumerated once per compiled scenario. */
export function packageSpace(c: Compiled): PackageSpace {
  let ps = cache.get(c);
  if (ps) return ps;
  const radix = c.terms.map(t => t.options.length);
  const size = radix.reduce((a, n) => a * n, 1);
  const nt = radix.length;
  const digits = new Uint8Array(size * nt);
  const table = { britain: new Float64Array(size), ussr: new Float64Array(size) };
  for (let i = 0; i < size; i++) {
    let rest = i;
    let vb = 0,
      vu = 0;
    for (let t = 0; t < nt; t++) {
      const o = rest % radix[t]!;
      rest = Math.floor(rest / radix[t]!);
      digits[i * nt + t] = o;
      const opt = c.terms[t]!.options[o]!;
      vb += opt.value.britain;
      vu += opt.value.ussr;
    }
    table.britain[i] = vb;
    table.ussr[i] = vu;
  }
  ps = { c, radix, size, digits, table };
  cache.set(c, ps);
  return ps;
}

/** The option index of term t in package i. */
export const digit = (ps: PackageSpace, i: number, t: number): number => ps.digits[i * ps.radix.length + t]!;

/** Whether every option of package i is on offer in this state (an option's `when` holds). */
export function packageOpen(ps: PackageSpace, i: number, s: GameState): boolean {
  for (let k = 0; k < ps.c.terms.length; k++) if (!optionOpen(ps.c.terms[k]!.options[digit(ps, i, k)]!, s)) return false;
  return true;
}

/** Package i as the terms of an offer. */
export function termsOf(ps: PackageSpace, i: number): Terms {
  const out: Terms = {};
  ps.c.terms.forEach((t, k) => {
    out[t.id] = t.options[digit(ps, i, k)]!.id;
  });
  return out;
}

/** The number of a package given as terms, or -1 if the terms are not a whole package of this space. */
export function indexOf(ps: PackageSpace, terms: Terms): number {
  let i = 0,
    mul = 1;
  for (let t = 0; t < ps.radix.length; t++) {
    const term = ps.c.terms[t]!;
    const o = term.options.findIndex(x => x.id === terms[term.id]);
    if (o < 0) return -1;
    i += o * mul;
    mul *= ps.radix[t]!;
  }
  return i;
}

/** A package in plain words: "Propaganda: reciprocal pledge; Raids: ...". */
export function describePackage(ps: PackageSpace, i: number): string {
  return describeTerms(ps.c, termsOf(ps, i));
}

/** A note's terms in words, term by term: "Term: option; ..." (a term the note leaves out is not named). */
export function describeTerms(c: Compiled, terms: Terms): string {
  return c.terms.flatMap(t => t.options.filter(o => o.id === terms[t.id]).map(o => `${t.label}: ${o.label}`)).join('; ');
}

/** Each side's utility for every package of a space, in objective points gained over no agreement. */
export type Utilities = BySide<Float64Array>;

/**
 * The packages no other package beats for both sides at once (weakly better for both, strictly for
 * one), by a sweep in order of Britain's utility. Returned in that order, best for Britain first.
 */
export function paretoFrontier(u: Utilities): number[] {
  const n = u.britain.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => u.britain[b]! - u.britain[a]! || u.ussr[b]! - u.ussr[a]!);
  const out: number[] = [];
  let bestU = -Infinity;
  for (const i of order) {
    if (u.ussr[i]! > bestU) {
      out.push(i);
      bestU = u.ussr[i]!;
    }
  }
  return out;
}

/**
 * The Nash bargaining point: the package that maximises the product of both sides' gains over no
 * agreement (the disagreement point, utility 0), among packages both gain from; null when none does.
 */
export function nashPoint(u: Utilities): number | null {
  let best: number | null = null,
    bp = 0;
  for (let i = 0; i < u.britain.length; i++) {
    const b = u.britain[i]!,
      s = u.ussr[i]!;
    if (b > 0 && s > 0 && b * s > bp) {
      bp = b * s;
      best = i;
    }
  }
  return best;
}

const dist = (u: Utilities, i: number, j: number): number => Math.hypot(u.britain[i]! - u.britain[j]!, u.ussr[i]! - u.ussr[j]!);

/** How far package i lies from the nearest frontier package, in objective points (0 on the frontier). */
export function distanceToFrontier(u: Utilities, frontier: readonly number[], i: number): number {
  let d = Infinity;
  for (const j of frontier) d = Math.min(d, dist(u, i, j));
  return d;
}

/** How far package i lies from the Nash point, in objective points (null when there is none). */
export const distanceToNash = (u: Utilities, nash: number | null, i: number): number | null => (nash === null ? null : dist(u, i, nash));

/** Lowest and highest utility a side has over the space (for normalising, as the negotiation literature does). */
export function span(x: Float64Array): { min: number; max: number } {
  let min = Infinity,
    max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
