// Which objectives carry a worth: given a worth split objective by objective (the persona's
// gradient, the negotiator's playouts), the two or three that carry most of it, each with its share,
// named as the scenario spells them, and the sources they rest on. A reason that says a move or a
// term is worth so much to the side's objectives names these and cites their sources first; never
// an objective whose part the playouts cannot tell from their noise.
import type { Compiled } from '../engine/compiled';
import type { Side } from '../engine/vocab';
import { pct, pts, ptsSe } from './reasons';

/** One objective's part of a worth: its index among the side's objectives, its points and its share of the whole. */
export interface Carrier {
  readonly k: number;
  readonly value: number;
  /** Its part of the sum of every objective's part taken without sign (parts may pull both ways). */
  readonly share: number;
  /** Its standard error, where the parts were measured by playouts (carriers' `se`). */
  readonly se?: number;
}

/** An objective's part below this share of the whole is not named (it carries too little to say). */
const LEAST_SHARE = 0.1;
/** Nor a part below this many points: it would read "+0.0". */
const LEAST_POINTS = 0.05;
/**
 * How many standard errors a part measured by playouts must stand from zero to be named: below
 * that it may be the playouts' noise, and a reason must not give noise as a cause.
 */
export const CLEAR_OF_NOISE = 2;

/** Whether a figure measured with standard error `se` stands clear of the noise (an exact figure has se 0). */
export const clearOfNoise = (value: number, se: number): boolean => Math.abs(value) >= CLEAR_OF_NOISE * se && Math.abs(value) >= LEAST_POINTS;

/**
 * The objectives that carry most of a worth split by objective (`parts[k]`, points), largest first:
 * at most `top`. Where the parts were measured by playouts, `se[k]` is each part's standard error,
 * and a part not clear of that noise is never named (so none may be, though the worth is large).
 */
export function carriers(parts: readonly number[], top = 3, se?: readonly number[]): Carrier[] {
  const whole = parts.reduce((a, x) => a + Math.abs(x), 0);
  if (!(whole > 1e-9)) return [];
  return parts
    .map((value, k) => ({ k, value, share: Math.abs(value) / whole, ...(se ? { se: se[k]! } : {}) }))
    .filter(x => x.share >= LEAST_SHARE && clearOfNoise(x.value, se?.[x.k] ?? 0))
    .sort((a, b) => b.share - a.share || a.k - b.k)
    .slice(0, top);
}

/**
 * The sources an objective rests on: the list every side's objective cites (schema.ts,
 * SideObjective), then any reference (e.g. "thesis L5514-5516") its texts make besides.
 */
export function objectiveSources(c: Compiled, side: Side, k: number): string[] {
  const o = c.sc.objectives[side][k]!;
  const text = `${o.description ?? ''} ${o.history ?? ''}`;
  return [...new Set([...o.sources, ...[...text.matchAll(/\bthesis (?:fn )?L\d+(?:-\d+)?/g)].map(m => m[0])])];
}

/**
 * The carriers in words, each objective quoted as the scenario names it (a label is never spliced
 * into a sentence unquoted), each with its error where measured by playouts, saying no more than
 * the shares do: "all of it for “A” +1.2 (100%)"
 * when one objective carries it all; "most of it for “A” +1.2 (60%), ..." when the named carry half
 * or more and pull the same way; "some of it for ..." when they carry less than half; "the net of “A”
 * +0.8 (52%) and “B” −0.7 (48%)" when they pull both ways. Empty when no objective is named.
 */
export function carrierWords(c: Compiled, side: Side, cs: readonly Carrier[]): string {
  if (!cs.length) return '';
  const list = cs.map(x => `“${c.objectives[side][x.k]!.label}” ${x.se === undefined ? pts(x.value) : ptsSe(x.value, x.se)} (${pct(x.share)})`);
  if (cs.length === 1 && cs[0]!.share > 0.995) return `all of it for ${list[0]}`;
  if (cs.some(x => x.value > 0) && cs.some(x => x.value < 0)) return `the net of ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  return `${cs.reduce((a, x) => a + x.share, 0) >= 0.5 ? 'most' : 'some'} of it for ${list.join(', ')}`;
}

/**
 * The sources a worth carried by `cs` rests on, for a move or term that cites `own` sources: each
 * carrier's first source (largest carrier first), then the move's or term's own, then the rest of
 * the carriers'. A front end shows the first few, so each objective named and the thing weighed are
 * all cited in them.
 */
export function carrierSources(c: Compiled, side: Side, cs: readonly Carrier[], own: readonly string[]): string[] {
  const each = cs.map(x => objectiveSources(c, side, x.k));
  return [...new Set([...each.flatMap(xs => xs.slice(0, 1)), ...own, ...each.flat()])];
}
