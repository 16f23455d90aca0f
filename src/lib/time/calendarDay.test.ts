import { afterEach, describe, expect, test } from 'vitest';
import {
  addCalendarDays, dayToUtc, daysBetween, formatDay, formatLongDay, isCalendarDay, utcToDay, type CalendarDay,
} from './calendarDay.ts';

const day = (s: string) => s as CalendarDay;

/** Zones far from UTC on both sides, and ones whose clocks change in March 2022. */
const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London'];
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
