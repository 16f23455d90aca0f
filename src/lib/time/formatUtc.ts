/**
 * Axis labels of a UTC instant, in the words the list and the details use for days ("Thu 3 Mar",
 * "Mar 2022"): written from the calendar day that holds the instant, so the page needs no date
 * formatting library and every time zone reads the same label.
 */
import { formatLongDay, utcToDay } from './calendarDay.ts';

export type LabelForm = 'weekday day month' | 'day month' | 'month year' | 'month' | 'year';

/** The label of the UTC day that holds `ms`, in the given form. */
export function formatUtc(ms: number, form: LabelForm): string {
  // "Thu 3 Mar 2022": weekday, day, month, year.
  const [weekday, day, month, year] = formatLongDay(utcToDay(ms)).split(' ') as [string, string, string, string];
  switch (form) {
    case 'weekday day month': return `${weekday} ${day} ${month}`;
    case 'day month': return `${day} ${month}`;
    case 'month year': return `${month} ${year}`;
    case 'month': return month;
    case 'year': return year;
  }
}
