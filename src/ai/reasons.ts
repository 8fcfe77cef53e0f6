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
/** A chance as a whole percentage. */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * A factor's value as a player reads it, in its own unit, said once: "+2.1 points", "62%",
 * "−50.0 percentage points"; null for a factor with nothing to count. Every front end shows factors
 * through this (the browser's why panel and the terminal).
 */
export function factorFigure(f: Factor): string | null {
  switch (f.unit ?? 'points') {
    case 'points':
      return `${pts(f.value)} points`;
    case 'share':
      return pct(f.value);
    case 'percentage points':
      return `${pts(f.value)} percentage points`;
    case 'none':
      return null;
  }
}
