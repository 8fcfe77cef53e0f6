// Which objectives carry a worth: given a worth split objective by objective (the persona's
// gradient, the negotiator's playouts), the two or three that carry most of it, each with its share,
// named as the scenario spells them, and the sources they rest on. A reason that says a move or a
// term is worth so much to the side's objectives names these and cites their sources first.
import type { Compiled } from '../engine/compiled';
import type { Side } from '../engine/vocab';
import { pct, pts } from './reasons';

/** One objective's part of a worth: its index among the side's objectives, its points and its share of the whole. */
export interface Carrier {
  readonly k: number;
  readonly value: number;
  /** Its part of the sum of every objective's part taken without sign (parts may pull both ways). */
  readonly share: number;
}

/** An objective's part below this share of the whole is not named (it carries too little to say). */
const LEAST_SHARE = 0.1;

/** The objectives that carry most of a worth split by objective (`parts[k]`, points), largest first: at most `top`. */
export function carriers(parts: readonly number[], top = 3): Carrier[] {
  const whole = parts.reduce((a, x) => a + Math.abs(x), 0);
  if (!(whole > 1e-9)) return [];
  return parts
    .map((value, k) => ({ k, value, share: Math.abs(value) / whole }))
    .filter(x => x.share >= LEAST_SHARE)
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
 * into a sentence unquoted): "most of it for “Keep the Cabinet united” +1.2 (60%), ...", "all of it
 * for ..." when one objective carries it all; empty when no objective carries any of it.
 */
export function carrierWords(c: Compiled, side: Side, cs: readonly Carrier[]): string {
  if (!cs.length) return '';
  const all = cs.length === 1 && cs[0]!.share > 0.995;
  return `${all ? 'all' : 'most'} of it for ${cs.map(x => `“${c.objectives[side][x.k]!.label}” ${pts(x.value)} (${pct(x.share)})`).join(', ')}`;
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
