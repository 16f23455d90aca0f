/**
 * Calendar days: a `YYYY-MM-DD` string with a brand, so that a day is never
 * confused with an instant. Every conversion is integer arithmetic on the
 * proleptic Gregorian calendar, years 0001 to 9999: nothing is parsed or
 * built through the machine's time zone (which may have skipped a day, and
 * whose Date constructor reads years 0–99 as 1900–1999). On the time axis a
 * day is drawn at its UTC midnight, so every time zone shows the same day.
 */
import { UTCDate } from '@date-fns/utc';

export type CalendarDay = string & { readonly __brand: 'CalendarDay' };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Days in `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `value` is a real calendar day written as `YYYY-MM-DD`, year 0001–9999 (`2022-02-30` is not). */
export function isCalendarDay(value: string): value is CalendarDay {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil: exact for any year). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date `days` after 1970-01-01 (the inverse of daysFromCivil). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Days since 1970-01-01 of `day`. */
function dayNumber(day: CalendarDay): number {
  return daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

/** The day `days` after 1970-01-01. */
function dayFromNumber(days: number): CalendarDay {
  const [y, m, d] = civilFromDays(days);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(m, 2)}-${pad(d, 2)}` as CalendarDay;
}

/** The instant at which `day` starts in UTC: its position on a `scaleUtc` axis. */
export function dayToUtc(day: CalendarDay): Date {
  return new UTCDate(dayStartMs(day));
}

/** `dayToUtc(day).getTime()` without making a Date: what the axis and the layout work in. */
export function dayStartMs(day: CalendarDay): number {
  return dayNumber(day) * DAY_MS;
}

/** The calendar day that contains `instant` in UTC (the inverse of `dayToUtc`). */
export function utcToDay(instant: Date | number): CalendarDay {
  return dayFromNumber(Math.floor(Number(instant) / DAY_MS));
}

/** `day` shifted by `amount` days (negative goes back). */
export function addCalendarDays(day: CalendarDay, amount: number): CalendarDay {
  return dayFromNumber(dayNumber(day) + amount);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** "Wed 9 Mar 2022": how a day is written in the list and the details. */
export function formatLongDay(day: CalendarDay): string {
  const weekday = WEEKDAYS[(((dayNumber(day) + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  return `${weekday} ${formatDay(day)}`;
}

/** "9 Mar 2022": a day in running text. */
export function formatDay(day: CalendarDay): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}
