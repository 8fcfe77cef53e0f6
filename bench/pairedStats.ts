// What a strength cell's paired games say, and how sure that is: the mean lead of the search player
// over the persona with its standard error, and the paired win rate (ties count half) with a 95%
// Wilson interval. Eight games a cell put the win rate's interval some 30 points wide, so a cell at
// 75% (six wins of eight) may be one at 88%, and the reverse: the interval says which shortfalls the
// games cannot tell from the target.

/** Issue 11's target for a cell: a mean lead of at least 5 points and at least 80% paired wins. */
export const TARGET = { lead: 5, wins: 0.8 } as const;

/** Two-sided 95%. */
const Z = 1.959964;

export interface CellStats {
  games: number;
  /** Mean of search less persona, and its standard error (Infinity with one game). */
  lead: number;
  se: number;
  /** Paired wins (ties half) as a share, and its 95% Wilson interval. */
  wins: number;
  lo: number;
  hi: number;
  /** Whether the cell meets the target on these games. */
  met: boolean;
  /** Short of the target, but the target lies within both 95% intervals (lead ± 1.96 s.e., the win rate's). */
  unsure: boolean;
}

/** Wilson's 95% interval for a share `p` of `n` trials (ties counted half go in as half a success). */
export function wilson(p: number, n: number): { lo: number; hi: number } {
  if (n <= 0) return { lo: 0, hi: 1 };
  const z2 = Z * Z;
  const mid = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { lo: Math.max(0, mid - half), hi: Math.min(1, mid + half) };
}

/** A cell's figures from its games' differences (the search player's score less the persona's, seed by seed). */
export function cellStats(diffs: readonly number[]): CellStats {
  const n = diffs.length;
  let t = 0,
    wins = 0;
  for (const d of diffs) {
    t += d;
    wins += d > 1e-9 ? 1 : Math.abs(d) <= 1e-9 ? 0.5 : 0;
  }
  const lead = n ? t / n : 0;
  let ss = 0;
  for (const d of diffs) ss += (d - lead) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Infinity;
  const share = n ? wins / n : 0;
  const { lo, hi } = wilson(share, n);
  const met = lead >= TARGET.lead && share >= TARGET.wins;
  return { games: n, lead, se, wins: share, lo, hi, met, unsure: !met && lead + Z * se >= TARGET.lead && hi >= TARGET.wins };
}

/** `x` signed, to `digits` places: "+1.1", "-0.1". */
export const signed = (x: number, digits = 1): string => (x >= 0 ? '+' : '') + x.toFixed(digits);
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** Each seed's difference, signed, to a tenth: "+1.1 -0.1 +25.4". */
export const bySeed = (diffs: readonly number[]): string => diffs.map(d => signed(d)).join(' ');

/** "+8.8 points (s.e. 2.4), wins 88% (95%: 69-96%)". */
export function describeCell(s: CellStats): string {
  const se = Number.isFinite(s.se) ? ` (s.e. ${s.se.toFixed(1)})` : '';
  return `${signed(s.lead)} points${se}, wins ${pct(s.wins)} (95%: ${(100 * s.lo).toFixed(0)}-${pct(s.hi)})`;
}

/** The closing lines of a grid: the cells that meet the target, those short of it the games cannot tell from it, and the rest. */
export function verdictLines(cells: readonly { name: string; stats: CellStats }[]): string[] {
  const named = (xs: typeof cells) => xs.map(c => `${c.name} (${signed(c.stats.lead)}, ${pct(c.stats.wins)})`).join('; ') || 'none';
  const met = cells.filter(c => c.stats.met),
    unsure = cells.filter(c => c.stats.unsure),
    short = cells.filter(c => !c.stats.met && !c.stats.unsure);
  return [
    `meet +${TARGET.lead} points and ${pct(TARGET.wins)} paired wins (${met.length} of ${cells.length}): ${named(met)}`,
    `short of it, but within the games' 95% intervals (${unsure.length}): ${named(unsure)}`,
    `short of it beyond them (${short.length}): ${named(short)}`,
  ];
}
