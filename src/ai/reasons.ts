// Why a computer player made its move, taken from the numbers that chose it: the factors that
// decided (each with its weight in the evaluation and the sources it rests on) and the
// alternatives it weighed and rejected. Never written apart from the evaluation that chose the move.

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
}

/** Points, signed, to one decimal place, with a true minus sign (as every figure a player reads is signed). */
export const pts = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
/** Points as pts gives them, but two decimals for a figure under 0.05 that is not nought (it would read "−0.0"). */
export const ptsFine = (x: number): string => (x !== 0 && Math.abs(x) < 0.05 ? `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}` : pts(x));
/** A standard error as a reason prints it: one decimal, two below 0.05 (so a small one does not read as none). */
export const err = (se: number): string => se.toFixed(se < 0.05 ? 2 : 1);
/**
 * A figure measured by playouts, with its standard error: "+6.1 ± 0.4"; from one playout, whose
 * noise cannot be read, "+6.1 (one playout: its noise unread)"; its unit, if given, after the
 * error ("+6.1 ± 0.4 points"). Every figure a reason states from
 * playouts is written with this (or says it is within the noise).
 */
export const ptsSe = (x: number, se: number, unit = ''): string => {
  const u = unit ? ` ${unit}` : '';
  // A figure to as many places as its error: "−0.01 ± 0.02", not "−0.0 ± 0.02".
  const fig = se > 0 && se < 0.05 ? `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}` : pts(x);
  return Number.isFinite(se) ? `${fig} ± ${err(se)}${u}` : `${fig}${u} (one playout: its noise unread)`;
};
/** A chance as a whole percentage. */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * A factor's value as a player reads it, in its own unit, said once, with its error where it was
 * measured by playouts: "+2.1 points", "+2.1 ± 0.4 points", "62%",
 * "−50.0 percentage points"; null for a factor with nothing to count. Every front end shows factors
 * through this (the browser's why panel and the terminal).
 */
export function factorFigure(f: Factor): string | null {
  switch (f.unit ?? 'points') {
    case 'points':
      return f.se === undefined ? `${pts(f.value)} points` : ptsSe(f.value, f.se, 'points');
    case 'share':
      return pct(f.value);
    case 'percentage points':
      return `${pts(f.value)} percentage points`;
    case 'none':
      return null;
  }
}
