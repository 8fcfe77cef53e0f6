// A group's distance from history as the teacher's console says it. The distance is a fraction
// (0 is the historical path, 1 far from it); early in a game a group is usually a fraction of a
// per cent away, which whole per cents would show as 0%, the same as a group still on history's path.

/** "0%" only on the historical path itself; "under 0.1%", one decimal below 10%, whole per cents above. */
export function distancePercent(d: number): string {
  if (!(d > 0)) return '0%';
  const pct = d * 100;
  if (pct < 0.1) return 'under 0.1%';
  if (pct < 10) return `${(Math.round(pct * 10) / 10).toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

/** The width of the distance bar, in per cent: any distance at all shows as a sliver. */
export const distanceBar = (d: number): number => (d > 0 ? Math.max(1, Math.min(100, Math.round(d * 100))) : 0);
