import { describe, expect, it } from 'vitest';
import { dayOf, isoOf, longDate, monthIndexOf, monthIndexOfDay, turnDays } from '../../src/engine/calendar';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

describe('dayOf / isoOf', () => {
  it('day 0 is 1 January 1700 and days are consecutive', () => {
    expect(dayOf('1700-01-01')).toBe(0);
    expect(isoOf(0)).toBe('1700-01-01');
    expect(dayOf('1700-01-02')).toBe(1);
  });

  it('round-trips every day from 1700 to 2100 and agrees with the proleptic Gregorian calendar', () => {
    const start = Date.UTC(1700, 0, 1);
    const n = dayOf('2100-12-31');
    for (let d = 0; d <= n; d++) {
      const s = iso(start + d * DAY_MS);
      if (isoOf(d) !== s) throw new Error(`isoOf(${d}) = ${isoOf(d)}, expected ${s}`);
      if (dayOf(s) !== d) throw new Error(`dayOf(${s}) = ${dayOf(s)}, expected ${d}`);
    }
    expect(isoOf(n)).toBe('2100-12-31');
  });

  it('handles leap years: 1928 and 2000 have 29 February, 1900 and 1927 do not', () => {
    expect(isoOf(dayOf('1928-02-28') + 1)).toBe('1928-02-29');
    expect(isoOf(dayOf('1928-02-29') + 1)).toBe('1928-03-01');
    expect(isoOf(dayOf('2000-02-28') + 1)).toBe('2000-02-29');
    expect(isoOf(dayOf('1900-02-28') + 1)).toBe('1900-03-01');
    expect(isoOf(dayOf('1927-02-28') + 1)).toBe('1927-03-01');
    expect(dayOf('1929-01-01') - dayOf('1928-01-01')).toBe(366);
    expect(dayOf('1928-01-01') - dayOf('1927-01-01')).toBe(365);
    expect(dayOf('1901-01-01') - dayOf('1900-01-01')).toBe(365);
  });

  it('month indices step by one across year ends', () => {
    expect(monthIndexOfDay(dayOf('1928-01-01')) - monthIndexOfDay(dayOf('1927-12-31'))).toBe(1);
    expect(monthIndexOfDay(dayOf('1927-05-31'))).toBe(monthIndexOf('1927-05'));
    expect(monthIndexOfDay(dayOf('1927-06-01'))).toBe(monthIndexOf('1927-06'));
  });
});

describe('longDate', () => {
  it('12 May 1927 was a Thursday', () => {
    expect(longDate(dayOf('1927-05-12'))).toBe('Thursday 12 May 1927');
  });

  it('gives the right weekday for known dates', () => {
    expect(longDate(dayOf('1927-05-27'))).toBe('Friday 27 May 1927'); // the Commons debate on the break
    expect(longDate(dayOf('1929-10-03'))).toBe('Thursday 3 October 1929'); // relations restored
    expect(longDate(dayOf('1700-01-01'))).toBe('Friday 1 January 1700');
  });

  it('agrees with the Gregorian weekday for every day 1900-1950', () => {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    for (let d = dayOf('1900-01-01'); d <= dayOf('1950-12-31'); d++) {
      const date = new Date(`${isoOf(d)}T00:00:00Z`);
      const want = names[date.getUTCDay()]!;
      const got = longDate(d).split(' ')[0];
      if (got !== want) throw new Error(`${isoOf(d)}: ${got}, expected ${want}`);
    }
  });
});

describe('turnDays', () => {
  const phases = [
    { name: 'Weekly', until: '1927-05-11', stepDays: 7 },
    { name: 'Daily', until: '1927-05-16', stepDays: 1 },
    { name: 'Fortnightly', until: '1927-07-31', stepDays: 14 },
  ];

  it('steps weekly, then daily, then fortnightly, shortening steps to land on phase ends and the end', () => {
    const { days, phase } = turnDays('1927-05-02', '1927-07-31', phases);
    expect(days.map(isoOf)).toEqual([
      '1927-05-02',
      '1927-05-09',
      '1927-05-11', // 9 -> 11: shortened to the phase end
      '1927-05-12',
      '1927-05-13',
      '1927-05-14',
      '1927-05-15',
      '1927-05-16',
      '1927-05-30',
      '1927-06-13',
      '1927-06-27',
      '1927-07-11',
      '1927-07-25',
      '1927-07-31', // 25 -> 31: shortened to the end
    ]);
    // A turn dated on a phase's `until` already steps with the next phase.
    expect(phase).toEqual([0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('never steps past a phase end, the first day is the start and the last is the end', () => {
    const cases = [
      {
        start: '1927-05-02',
        end: '1927-12-31',
        phases: [
          { name: 'a', until: '1927-05-11', stepDays: 7 },
          { name: 'b', until: '1927-05-28', stepDays: 1 },
          { name: 'c', until: '1927-07-02', stepDays: 7 },
          { name: 'd', until: '1927-12-31', stepDays: 14 },
        ],
      },
      {
        start: '1928-02-20',
        end: '1928-03-10',
        phases: [
          { name: 'x', until: '1928-03-01', stepDays: 4 },
          { name: 'y', until: '1928-12-31', stepDays: 3 },
        ],
      },
      { start: '1927-01-01', end: '1927-01-20', phases: [{ name: 'z', until: '1927-01-05', stepDays: 30 }] },
    ];
    for (const k of cases) {
      const { days } = turnDays(k.start, k.end, k.phases);
      expect(days[0]).toBe(dayOf(k.start));
      expect(days.at(-1)).toBe(dayOf(k.end));
      for (let i = 1; i < days.length; i++) {
        expect(days[i]!).toBeGreaterThan(days[i - 1]!);
        for (const p of k.phases) {
          const u = dayOf(p.until);
          // no step jumps over a phase end
          expect(days[i - 1]! < u && days[i]! > u).toBe(false);
        }
      }
    }
  });

  it('the steps within a phase have the phase length (2-day steps across 29 February 1928)', () => {
    const { days } = turnDays('1928-02-25', '1928-03-05', [{ name: 'x', until: '1928-03-05', stepDays: 2 }]);
    expect(days.map(isoOf)).toEqual(['1928-02-25', '1928-02-27', '1928-02-29', '1928-03-02', '1928-03-04', '1928-03-05']);
  });

  it('a last phase ending before the end keeps its step up to the end', () => {
    const { days } = turnDays('1927-01-01', '1927-01-20', [{ name: 'z', until: '1927-01-05', stepDays: 30 }]);
    // 1 -> 5 (phase end), then 30-day steps shortened to the end
    expect(days.map(isoOf)).toEqual(['1927-01-01', '1927-01-05', '1927-01-20']);
  });
});
