import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  addCalendarDays, dayStartMs, dayToUtc, daysBetween, formatDay, formatLongDay, isCalendarDay, utcToDay, type CalendarDay,
} from './calendarDay.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const day = (s: string) => s as CalendarDay;

/** Zones far from UTC on both sides, ones whose clocks change in March 2022, and one that skipped a whole day (Apia, 30 Dec 2011). */
const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'Pacific/Apia'];
const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Runs `fn` with the process in each time zone; Node applies a change of TZ at once. */
function inEachTimeZone(fn: () => void): void {
  const offsets = new Set<number>();
  for (const tz of TIME_ZONES) {
    process.env.TZ = tz;
    offsets.add(new Date(2022, 2, 9, 12).getTimezoneOffset());
    fn();
  }
  // Guards against a runtime that ignores TZ changes, which would make the loop prove nothing.
  expect(offsets.size).toBeGreaterThan(3);
}

inEveryZone(() => {
  describe('isCalendarDay', () => {
    test.each(['2022-02-30', '2023-02-29', '2022-13-01', '2022-00-10', '2022-03-32', '03/03/2022', '2022-3-3', 'tomorrow', '', '2022-03-03T00:00:00Z', ' 2022-03-03'])(
      'rejects %j',
      (value) => expect(isCalendarDay(value)).toBe(false),
    );

    test.each(['2024-02-29', '2022-03-09', '2022-02-28', '2022-12-31'])('accepts %j', (value) => {
      expect(isCalendarDay(value)).toBe(true);
    });
  });

  describe('dayToUtc and utcToDay', () => {
    test('a day starts at its UTC midnight', () => {
      expect(dayToUtc(day('2022-03-09')).getTime()).toBe(Date.UTC(2022, 2, 9));
      expect(dayToUtc(day('2022-03-09')).toISOString()).toBe('2022-03-09T00:00:00.000Z');
    });

    test('dayStartMs is the same instant as a number, for any year', () => {
      fc.assert(fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const utcMidnight = new Date(`${iso}T00:00:00Z`).getTime();
        expect(dayStartMs(day(iso))).toBe(utcMidnight);
        expect(dayToUtc(day(iso)).getTime()).toBe(utcMidnight);
      }));
    });

    test('every instant of a UTC day belongs to that day', () => {
      expect(utcToDay(Date.UTC(2022, 2, 9, 0, 0, 0))).toBe('2022-03-09');
      expect(utcToDay(new Date(Date.UTC(2022, 2, 9, 23, 59, 59, 999)))).toBe('2022-03-09');
      expect(utcToDay(Date.UTC(2022, 2, 10))).toBe('2022-03-10');
    });

    test('round-trips days across month ends, a leap day and DST changes, in every time zone', () => {
      const days = ['2022-02-24', '2022-02-28', '2022-03-01', '2022-03-13', '2022-03-27', '2022-10-30', '2022-11-06', '2022-12-31', '2024-02-29'].map(day);
      inEachTimeZone(() => {
        for (const d of days) expect(utcToDay(dayToUtc(d))).toBe(d);
      });
    });
  });

  describe('formatLongDay and formatDay', () => {
    test('write 2022-03-09 as “Wed 9 Mar 2022” and “9 Mar 2022” in every time zone', () => {
      inEachTimeZone(() => {
        expect(formatLongDay(day('2022-03-09'))).toBe('Wed 9 Mar 2022');
        expect(formatDay(day('2022-03-09'))).toBe('9 Mar 2022');
      });
    });

    test('write the first of a month without a leading zero', () => {
      expect(formatLongDay(day('2022-03-01'))).toBe('Tue 1 Mar 2022');
    });
  });

  describe('addCalendarDays', () => {
    test('crosses month and year ends, forwards and back', () => {
      expect(addCalendarDays(day('2022-02-28'), 1)).toBe('2022-03-01');
      expect(addCalendarDays(day('2022-03-01'), -1)).toBe('2022-02-28');
      expect(addCalendarDays(day('2024-02-28'), 1)).toBe('2024-02-29');
      expect(addCalendarDays(day('2022-12-31'), 1)).toBe('2023-01-01');
      expect(addCalendarDays(day('2022-02-24'), 7)).toBe('2022-03-03');
    });

    test('adding zero days gives the same day', () => {
      expect(addCalendarDays(day('2022-03-09'), 0)).toBe('2022-03-09');
    });

    test('steps over DST changes (US 13 Mar, EU 27 Mar, EU 30 Oct, US 6 Nov 2022) one day at a time in every time zone', () => {
      inEachTimeZone(() => {
        expect(addCalendarDays(day('2022-03-12'), 1)).toBe('2022-03-13');
        expect(addCalendarDays(day('2022-03-13'), 1)).toBe('2022-03-14');
        expect(addCalendarDays(day('2022-03-26'), 2)).toBe('2022-03-28');
        expect(addCalendarDays(day('2022-10-29'), 2)).toBe('2022-10-31');
        expect(addCalendarDays(day('2022-11-07'), -2)).toBe('2022-11-05');
        expect(addCalendarDays(day('2022-03-01'), 30)).toBe('2022-03-31');
      });
    });
  });

  describe('daysBetween', () => {
    test('counts whole days, positive forwards, negative backwards, zero on the same day', () => {
      expect(daysBetween(day('2022-02-24'), day('2022-03-03'))).toBe(7);
      expect(daysBetween(day('2022-03-03'), day('2022-02-24'))).toBe(-7);
      expect(daysBetween(day('2022-03-09'), day('2022-03-09'))).toBe(0);
      expect(daysBetween(day('2024-01-01'), day('2025-01-01'))).toBe(366);
    });

    test('counts across DST changes as whole days in every time zone', () => {
      inEachTimeZone(() => {
        expect(daysBetween(day('2022-03-12'), day('2022-03-14'))).toBe(2);
        expect(daysBetween(day('2022-03-26'), day('2022-03-28'))).toBe(2);
        expect(daysBetween(day('2022-03-01'), day('2022-04-01'))).toBe(31);
        expect(daysBetween(day('2022-10-01'), day('2022-11-30'))).toBe(60);
      });
    });

    test('undoes addCalendarDays', () => {
      for (const n of [-400, -31, -1, 0, 1, 17, 365]) {
        expect(daysBetween(day('2022-03-09'), addCalendarDays(day('2022-03-09'), n))).toBe(n);
      }
    });
  });

  /** The UTC midnight of a civil date, by the engine's own calendar (setUTCFullYear takes years 0–99 as written). */
  function utcMidnight(y: number, m: number, d: number): number {
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    return t.getTime();
  }

  describe('every year from 0001 to 9999', () => {
    test.each(['0001-01-01', '0050-06-15', '0099-12-31', '0004-02-29', '0400-02-29', '1900-02-28', '2000-02-29', '9999-12-31'])('accepts %j', (value) => {
      expect(isCalendarDay(value)).toBe(true);
    });

    test.each(['0000-01-01', '0005-02-29', '0100-02-29', '1900-02-29', '9999-12-32', '10000-01-01', '-0001-01-01'])('rejects %j', (value) => {
      expect(isCalendarDay(value)).toBe(false);
    });

    test('years 0–99 are those years, not 1900–1999', () => {
      expect(dayToUtc(day('0050-01-01')).getUTCFullYear()).toBe(50);
      expect(dayToUtc(day('0001-01-01')).getTime()).toBe(utcMidnight(1, 1, 1));
      expect(utcToDay(utcMidnight(99, 12, 31))).toBe('0099-12-31');
      expect(addCalendarDays(day('0099-12-31'), 1)).toBe('0100-01-01');
      expect(formatLongDay(day('0001-01-01'))).toBe('Mon 1 Jan 0001');
    });

    test('counts the whole range exactly', () => {
      expect(daysBetween(day('0001-01-01'), day('9999-12-31'))).toBe(3_652_058);
      expect(addCalendarDays(day('0001-01-01'), 3_652_058)).toBe('9999-12-31');
      expect(dayToUtc(day('9999-12-31')).toISOString()).toBe('9999-12-31T00:00:00.000Z');
      expect(formatLongDay(day('9999-12-31'))).toBe('Fri 31 Dec 9999');
    });

    test('agrees with the engine’s UTC calendar on any day, in every time zone', () => {
      const anyDay = fc.record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
        .filter(({ y, m, d }) => new Date(utcMidnight(y, m, d)).getUTCDate() === d);
      inEachTimeZone(() => {
        fc.assert(fc.property(anyDay, ({ y, m, d }) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(isCalendarDay(text)).toBe(true);
          expect(dayToUtc(day(text)).getTime()).toBe(utcMidnight(y, m, d));
          expect(utcToDay(utcMidnight(y, m, d) + 86_399_999)).toBe(text);
          const weekday = new Date(utcMidnight(y, m, d)).getUTCDay();
          expect(formatLongDay(day(text)).slice(0, 3)).toBe(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekday]);
        }), { seed: 20220224, numRuns: 200 });
      });
    });
  });

  describe('a day that a time zone skipped is still a day', () => {
    test('Pacific/Apia skipped 30 Dec 2011; it is still valid, counted and written there', () => {
      process.env.TZ = 'Pacific/Apia';
      // Guard: this runtime knows the skip (local 29 Dec 2011 + 24 h lands on 31 Dec).
      expect(new Date(2011, 11, 29, 12).getTime() + 86_400_000).toBe(new Date(2011, 11, 31, 12).getTime());
      expect(isCalendarDay('2011-12-30')).toBe(true);
      expect(addCalendarDays(day('2011-12-29'), 1)).toBe('2011-12-30');
      expect(daysBetween(day('2011-12-29'), day('2011-12-31'))).toBe(2);
      expect(utcToDay(dayToUtc(day('2011-12-30')))).toBe('2011-12-30');
      expect(formatLongDay(day('2011-12-30'))).toBe('Fri 30 Dec 2011');
    });
  });
});
