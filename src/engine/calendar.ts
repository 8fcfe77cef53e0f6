// Dates as day numbers (days since 1700-01-01, so every date in play is positive and -1 can mean
// "never"), computed without `Date` so the engine stays pure.
// Algorithm: Howard Hinnant's days_from_civil / civil_from_days.

function unixDay(iso: string): number {
  const y0 = Number(iso.slice(0, 4)),
    m = Number(iso.slice(5, 7)),
    d = Number(iso.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day 0 is 1 January 1700. */
const EPOCH = unixDay('1700-01-01');

export const dayOf = (iso: string): number => unixDay(iso) - EPOCH;

export function isoOf(day: number): string {
  const z = day + EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Months since year 0, so consecutive months differ by one. */
export const monthIndexOfDay = (day: number): number => {
  const iso = isoOf(day);
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
};
export const monthIndexOf = (yyyyMm: string): number => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
export const monthLabel = (mi: number): string => `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday']; // 1970-01-01 was a Thursday

/** "Thursday 12 May 1927" */
export function longDate(day: number): string {
  const u = day + EPOCH;
  return `${WEEKDAYS[((u % 7) + 7) % 7]} ${dayDate(day)}`;
}

/** "12 May 1927": the game's date without its weekday, for tables and lists. */
export function dayDate(day: number): string {
  const iso = isoOf(day);
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A day as "21 Feb", for a turn's span in the top bar. */
export function shortDate(day: number): string {
  const iso = isoOf(day);
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]!.slice(0, 3)}`;
}

export interface Phase {
  name: string;
  until: string;
  stepDays: number;
}

/**
 * The turn dates of a scenario: from start, stepping by the current phase's stepDays, never
 * jumping past a phase's end (the step is shortened to land on it), ending exactly on `end`.
 */
export function turnDays(start: string, end: string, phases: readonly Phase[]): { days: number[]; phase: number[] } {
  const endDay = dayOf(end);
  const bounds = phases.map(p => Math.min(dayOf(p.until), endDay));
  const days: number[] = [];
  const phase: number[] = [];
  let d = dayOf(start);
  let p = 0;
  for (;;) {
    // A turn dated on a phase's `until` already belongs to the next phase.
    while (p < phases.length - 1 && d >= bounds[p]!) p++;
    days.push(d);
    phase.push(p);
    if (d >= endDay) break;
    d = Math.min(d + phases[p]!.stepDays, d < bounds[p]! ? bounds[p]! : endDay);
  }
  return { days, phase };
}

/** The turn whose span contains a day (the last turn starting on or before it; the first for a day before the first turn). */
export function turnOfDay(c: { readonly days: readonly number[] }, day: number): number {
  let lo = 0,
    hi = c.days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.days[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
