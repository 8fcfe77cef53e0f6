// Why a computer player made its move, taken from the numbers that chose it: the factors that
// decided (each with its weight in the evaluation and the sources it rests on) and the
// alternatives it weighed and rejected. Never written apart from the evaluation that chose the move.

/** One factor of the evaluation that chose a move. */
export interface Factor {
  /** Plain words, e.g. "Cabinet unity (objective, weight 3)". */
  readonly label: string;
  /** Its weight in the evaluation. */
  readonly weight: number;
  /** What it contributed to the chosen move's value (weight times the change it expects). */
  readonly value: number;
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
