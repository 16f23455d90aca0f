/**
 * Step 3 of the data pipeline: resolves the words that date an event.
 * Explicit and relative phrases go through chrono-node with the article's
 * publication day as the reference; counted ones are day arithmetic with
 * date-fns from their start day. A bare weekday ("on Wednesday") is the most
 * recent such day on or before the publication day: chrono may pick the next
 * one. Pure: no files, no clock.
 */
import * as chrono from 'chrono-node';
import {
  addCalendarDays, dayToUtc, type CalendarDay,
} from '../src/lib/time/calendarDay.ts';
import { format } from 'date-fns';

const NAMES_A_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s*(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\b/i;
const RELATIVE_WORDS = /\b(yesterday|today|tonight|tomorrow|ago)\b/i;
/** Words that move a weekday away from the most recent one: chrono's reading of them is kept. */
const WEEKDAY_MODIFIERS = /\b(next|last|this|coming|past|previous|following)\b/i;

export type ResolveResult = { ok: true; day: CalendarDay } | { ok: false; error: string };

/** Chrono reads in local time: noon of the reference day keeps every time zone on that day. */
function referenceInstant(day: CalendarDay): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function componentsToDay(result: chrono.ParsedResult): CalendarDay {
  const { start } = result;
  const y = start.get('year')!;
  const m = start.get('month')!;
  const d = start.get('day')!;
  return format(new Date(y, m - 1, d, 12), 'yyyy-MM-dd') as CalendarDay;
}

/**
 * The most recent day on or before `reference` that falls on `weekday` (0 Sunday … 6 Saturday):
 * an article that says "on Wednesday" tells of a Wednesday that has happened.
 */
export function latestWeekdayOnOrBefore(reference: CalendarDay, weekday: number): CalendarDay {
  const back = (dayToUtc(reference).getUTCDay() - weekday + 7) % 7;
  return addCalendarDays(reference, -back);
}

/**
 * Resolves a phrase such as "on March 3" (explicit: names the day) or "on
 * Wednesday" (relative: a bare weekday is the most recent one on or before the
 * reference day; "next Wednesday" and "tomorrow" may fall after it).
 */
export function resolvePhrase(phrase: string, kind: 'explicit' | 'relative', reference: CalendarDay): ResolveResult {
  const results = chrono.parse(phrase, referenceInstant(reference));
  if (results.length !== 1) {
    return { ok: false, error: results.length === 0
      ? `chrono-node finds no date in "${phrase}"`
      : `chrono-node finds ${results.length} dates in "${phrase}"; give the words of one` };
  }
  const result = results[0]!;
  // Explicit: the words name a day of a month ("on March 3", "3/3"). Relative: a weekday or a
  // word that counts from the day of writing ("on Wednesday", "yesterday"). Neither: not a day.
  const names = result.start.isCertain('day') && result.start.isCertain('month') && NAMES_A_DAY.test(phrase);
  const relative = !names && (result.start.isCertain('weekday') || RELATIVE_WORDS.test(phrase)) && !/\b(week|month|year)\b/i.test(phrase);
  if (kind === 'explicit' && !names) {
    return { ok: false, error: relative
      ? `"${phrase}" does not name a day of a month: it is relative (kind: relative)`
      : `"${phrase}" does not name a day` };
  }
  if (kind === 'relative' && !relative) {
    return { ok: false, error: names
      ? `"${phrase}" names its day: it is explicit (kind: explicit)`
      : `"${phrase}" is not a weekday or a day counted from the day of writing` };
  }
  return { ok: true, day: dayOfResult(result, phrase, reference) };
}

/** The day chrono's reading gives, except that a bare weekday is the most recent one on or before the reference. */
function dayOfResult(result: chrono.ParsedResult, phrase: string, reference: CalendarDay): CalendarDay {
  const weekday = result.start.get('weekday');
  if (weekday !== null && result.start.isCertain('weekday') && !result.start.isCertain('day') && !WEEKDAY_MODIFIERS.test(phrase)) {
    return latestWeekdayOnOrBefore(reference, weekday);
  }
  return componentsToDay(result);
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen'];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth'];

/** Whether the phrase counts `count` days: "8 days", "eight days", "the tenth day". */
function phraseStatesCount(phrase: string, count: number): boolean {
  const names = [String(count), NUMBER_WORDS[count], ORDINAL_WORDS[count]].filter(Boolean).join('|');
  return new RegExp(`\\b(${names})\\s+(days?|nights?)\\b`, 'i').test(phrase);
}

/**
 * Resolves a count of days such as "8 days of fighting" from its start day.
 * Inclusive: the start day is day 1, so day `count` is `count - 1` days later.
 */
export function resolveCounted(phrase: string, from: CalendarDay, count: number, inclusive: boolean): ResolveResult {
  if (!phraseStatesCount(phrase, count)) {
    return { ok: false, error: `the phrase "${phrase}" does not state the count ${count}` };
  }
  return { ok: true, day: addCalendarDays(from, inclusive ? count - 1 : count) };
}

/** Every date expression chrono-node finds in a paragraph: the coverage report lists them. */
export function findDateExpressions(text: string, reference: CalendarDay): Array<{ index: number; text: string; day: CalendarDay }> {
  // The same reading as resolvePhrase: "on Monday" in a Friday's article is the Monday before it.
  return chrono.parse(text, referenceInstant(reference)).map((r) => ({ index: r.index, text: r.text, day: dayOfResult(r, r.text, reference) }));
}

