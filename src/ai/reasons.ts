// Why a computer player made its move, taken from the numbers that chose it: the factors that
// decided (each with its weight in the evaluation and the sources it rests on) and the
// alternatives it weighed and rejected. Never written apart from the evaluation that chose the move.
import { typographic } from '../engine/labels';

/** The units a factor's value may be counted in (see Factor.unit). */
export type FactorUnit = 'points' | 'share' | 'percentage points' | 'none';

/** One factor of the evaluation that chose a move. */
export interface Factor {
  /** Plain words, e.g. "Cabinet unity (objective, weight 3)". */
  readonly label: string;
  /** Its weight in the evaluation. */
  readonly weight: number;
  /** What it contributed to the chosen move's value (weight times the change it expects), in `unit`. */
  readonly value: number;
  /**
   * What `value` is counted in, said once when it is shown (factorFigure): objective points (the
   * default), a share from 0 to 1 (shown as a percentage), percentage points, or nothing to count
   * (a fact the move rests on, such as the record, shown without a figure).
   */
  readonly unit?: FactorUnit;
  /**
   * The standard error of `value` where it was measured by playouts (infinite from one playout, whose
   * noise cannot be read); shown with the figure (factorFigure). Absent for an exact figure.
   */
  readonly se?: number;
  /** Source references the factor rests on (the scenario's `sources` strings). */
  readonly sources: readonly string[];
}

/** A move the player weighed and did not make. */
export interface Alternative {
  readonly label: string;
  /** Its value in the same evaluation as the chosen move. */
  readonly score: number;
  /** Why it lost, in words built from the numbers. */
  readonly why: string;
}

export interface Reasons {
  /** One sentence a player can read, e.g. "Moscow refused: ...". */
  readonly summary: string;
  /** The two or three factors that decided, largest first. */
  readonly factors: readonly Factor[];
  readonly rejected: readonly Alternative[];
  /**
   * The reasons for the note answers alone, built from numbers that do not depend on the other
   * orders in the set. When the set holds a private order the match withholds the whole and may
   * show these instead (app/match.ts, shareable): they name nothing else the set holds.
   */
  readonly answers?: Reasons;
  /**
   * The reasons for the note the move sends alone (a bargaining player's), built from the note's
   * worth and the talks, never from the other orders: shown with the answers where the set holds a
   * private order, so a note still arrives with its reasons (app/match.ts, shareableReasons).
   */
  readonly note?: Reasons;
}

/** Points, signed, to one decimal place, with a true minus sign (as every figure a player reads is signed). */
export const pts = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
/**
 * How many decimals a figure measured with standard error `se` is given to, counted from `places`
 * (one for points): one more where the error is under half the last of them, so that the figure
 * carries as many places as its error ("+7.80 ± 0.03", "−0.01 ± 0.02").
 */
export const placesFor = (se: number, places = 1): number => (se < 0.5 * 10 ** -places ? places + 1 : places);
/** A signed figure to `places` decimals; one that rounds to nought there has no sign ("0.00", not "−0.00"). */
const signedTo = (x: number, places: number): string => {
  const body = Math.abs(x).toFixed(places);
  return Number(body) === 0 ? body : `${x > 0 ? '+' : '−'}${body}`;
};
/** Points as pts gives them, but two decimals for a figure under 0.05 that is not nought (it would read "−0.0"). */
export const ptsFine = (x: number): string => (x !== 0 && Math.abs(x) < 0.05 ? signedTo(x, 2) : pts(x));
/**
 * A standard error as a reason prints it, to `places` decimals (one for points, nought for a
 * percentage), one more where it is under half the last of them (so a small one does not read as
 * none), and "<" the finest of those where even that would round to nought: "± <0.01", never
 * "± 0.00", since a figure from playouts is never known exactly. One rule for every error a reason
 * gives, in the browser and the terminal alike (both print these strings).
 */
export const err = (se: number, places = 1): string => {
  const fine = places + 1;
  return se < 0.5 * 10 ** -fine ? `<${(10 ** -fine).toFixed(fine)}` : se.toFixed(placesFor(se, places));
};
/**
 * A figure measured by playouts, with its standard error: "+6.1 ± 0.4", "+7.80 ± <0.01"; from one
 * playout, whose noise cannot be read, "+6.1 (one playout: its noise unread)"; its unit, if given,
 * after the error ("+6.1 ± 0.4 points"). Every figure a reason states from
 * playouts is written with this (or says it is within the noise).
 */
export const ptsSe = (x: number, se: number, unit = ''): string => {
  const u = unit ? ` ${unit}` : '';
  // A figure to as many places as its error: "−0.01 ± 0.02", not "−0.0 ± 0.02".
  return Number.isFinite(se) ? `${signedTo(x, placesFor(se))} ± ${err(se)}${u}` : `${signedTo(x, 1)}${u} (one playout: its noise unread)`;
};
/**
 * The same figure with its error in plain words, for reasons read by a newcomer: "+1.7 (give or
 * take 1.4)", "+0.4 points (give or take 0.7)"; from one playout, ptsSe's words.
 */
export const ptsGiveOrTake = (x: number, se: number, unit = ''): string =>
  Number.isFinite(se) ? `${signedTo(x, placesFor(se))}${unit ? ` ${unit}` : ''} (give or take ${err(se)})` : ptsSe(x, se, unit);
/** A chance as a whole percentage. */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * A factor's value as a player reads it, in its own unit, said once, with its error where it was
 * measured by playouts: "+2.1 points", "+2.1 points (give or take 0.4)", "62%",
 * "−50.0 percentage points"; null for a factor with nothing to count. Every front end shows factors
 * through this (the browser's why panel and the terminal).
 */
export function factorFigure(f: Factor): string | null {
  switch (f.unit ?? 'points') {
    case 'points':
      // Its error in words, as the summaries give theirs: a bare "±" meant nothing to a player new to statistics.
      return f.se === undefined ? `${pts(f.value)} points` : ptsGiveOrTake(f.value, f.se, 'points');
    case 'share':
      return pct(f.value);
    case 'percentage points':
      return `${pts(f.value)} percentage points`;
    case 'none':
      return null;
  }
}

/**
 * Reasons as a player reads them: every sentence with its quotes typographic (typographic), so a
 * title a reason quotes from the scenario ("The Trade Delegation's status") reads with the same ’ as
 * the sentence the code wrote round it. Every front end shows reasons through this (the browser's
 * why panel and the terminal); the figures and sources are as they were.
 */
export function shownReasons(r: Reasons): Reasons {
  return {
    summary: typographic(r.summary),
    factors: r.factors.map(f => ({ ...f, label: typographic(f.label) })),
    rejected: r.rejected.map(a => ({ ...a, label: typographic(a.label), why: typographic(a.why) })),
    ...(r.answers ? { answers: shownReasons(r.answers) } : {}),
    ...(r.note ? { note: shownReasons(r.note) } : {}),
  };
}
