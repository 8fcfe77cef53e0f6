// Links the calendar: the phases in date order, the day each turn falls on and its phase, and
// the months each turn's resolution completes.
import { dayOf, monthIndexOfDay, turnDays } from '../calendar';
import type { SetupCalendar } from '../setup';
import { CompileError } from './context';

export function linkCalendar(cal: SetupCalendar): { days: number[]; phaseOf: number[]; monthAfter: number[] } {
  for (const [k, p] of cal.phases.entries()) {
    if (k > 0 && dayOf(p.until) <= dayOf(cal.phases[k - 1]!.until)) throw new CompileError(`calendar.phases[${k}].until`, 'phases must end in date order');
  }
  if (dayOf(cal.end) <= dayOf(cal.start)) throw new CompileError('calendar.end', 'the end must come after the start');
  const { days, phase: phaseOf } = turnDays(cal.start, cal.end, cal.phases);
  return { days, phaseOf, monthAfter: days.map((d, t) => monthIndexOfDay(days[t + 1] ?? d + 1)) };
}

/** A date of the file as a day number, which must fall within the calendar. */
export function dayWithin(days: readonly number[], iso: string, path: string): number {
  const day = dayOf(iso);
  if (day < days[0]! || day > days[days.length - 1]!) throw new CompileError(path, `${iso} is outside the calendar`);
  return day;
}
