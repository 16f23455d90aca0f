/**
 * Calendar days: a `YYYY-MM-DD` string with a brand, so that a day is never
 * confused with an instant. Conversions go through date-fns at the edges; on
 * the time axis a day is drawn at its UTC midnight, so every time zone shows
 * the same day.
 */
import { addDays, differenceInCalendarDays, format, isExists } from 'date-fns';
import { UTCDate } from '@date-fns/utc';

export type CalendarDay = string & { readonly __brand: 'CalendarDay' };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written as `YYYY-MM-DD` (`2022-02-30` is not). */
export function isCalendarDay(value: string): value is CalendarDay {
  // isExists checks the numbers without building and parsing a date: this runs for every day in the dataset.
  return DAY_PATTERN.test(value) && isExists(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
}

/** The instant at which `day` starts in UTC: its position on a `scaleUtc` axis. */
export function dayToUtc(day: CalendarDay): Date {
  return new UTCDate(`${day}T00:00:00Z`);
}

/** The calendar day that contains `instant` in UTC (the inverse of `dayToUtc`). */
export function utcToDay(instant: Date | number): CalendarDay {
  return format(new UTCDate(instant), 'yyyy-MM-dd') as CalendarDay;
}

/** `day` shifted by `amount` days (negative goes back). */
export function addCalendarDays(day: CalendarDay, amount: number): CalendarDay {
  return utcToDay(addDays(dayToUtc(day), amount));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInCalendarDays(dayToUtc(to), dayToUtc(from));
}

/** "Wed 9 Mar 2022": how a day is written in the list and the details. */
export function formatLongDay(day: CalendarDay): string {
  return format(dayToUtc(day), 'EEE d MMM yyyy');
}

/** "9 Mar 2022": a day in running text. */
export function formatDay(day: CalendarDay): string {
  return format(dayToUtc(day), 'd MMM yyyy');
}
