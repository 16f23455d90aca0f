/**
 * Dateline as publication evidence: an article's `publishedDateline` (its
 * metadata) names the words of the page's dateline ("Sunday, 6 March 2022,
 * 09:57"). Called by readInputs: locates the words in the raw text (UTF-8 byte
 * offsets and line) and checks with chrono-node that they name, with their
 * year, the article's `published` day. Pure: no files, no clock.
 */
import * as chrono from 'chrono-node';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';

export type DatelineInput = { phrase: string; occurrence?: number; note?: string };
export type LocatedDateline = { phrase: string; rawStart: number; rawEnd: number; line: number; day: CalendarDay; note?: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The day the dateline's words name, read as written (no time-zone shift), or an error in words. */
export function readDatelineDay(phrase: string): { ok: true; day: CalendarDay } | { ok: false; error: string } {
  // Reference only for chrono's guesses; a dateline without a year is refused below, so no guess is used.
  const results = chrono.parse(phrase, new Date(2000, 0, 1, 12));
  if (results.length === 0) return { ok: false, error: `chrono-node finds no date in "${phrase}"` };
  const { start } = results[0]!;
  if (!start.isCertain('day') || !start.isCertain('month')) return { ok: false, error: `"${phrase}" does not name a day of a month` };
  if (!start.isCertain('year')) return { ok: false, error: `"${phrase}" gives no year: a dateline is evidence of the day only with its year` };
  const day = `${start.get('year')}-${pad(start.get('month')!)}-${pad(start.get('day')!)}` as CalendarDay;
  return { ok: true, day };
}

/**
 * Locates the dateline in `raw` and checks it against `published`. Returns the located dateline,
 * or an error for the field `publishedDateline.<field>` in words.
 */
export function locateDateline(raw: string, input: DatelineInput, published: CalendarDay):
  { ok: true; dateline: LocatedDateline } | { ok: false; field: string; error: string } {
  const occurrence = input.occurrence ?? 1;
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = raw.indexOf(input.phrase, at + 1);
    if (at === -1) break;
  }
  if (at === -1) {
    const count = raw.split(input.phrase).length - 1;
    return { ok: false, field: count ? 'publishedDateline.occurrence' : 'publishedDateline.phrase',
      error: count ? `expected at most ${count} (the words occur ${count} time(s)), got ${occurrence}` : `"${input.phrase}" is not in the article's text (copy the dateline's words exactly)` };
  }
  const read = readDatelineDay(input.phrase);
  if (!read.ok) return { ok: false, field: 'publishedDateline.phrase', error: read.error };
  if (read.day !== published) {
    return { ok: false, field: 'published', error: `the dateline "${input.phrase}" gives ${read.day}, but published is ${published}` };
  }
  const before = raw.slice(0, at);
  const rawStart = Buffer.byteLength(before, 'utf8');
  return {
    ok: true,
    dateline: {
      phrase: input.phrase,
      rawStart,
      rawEnd: rawStart + Buffer.byteLength(input.phrase, 'utf8'),
      line: before.split(/\r\n|\r|\n/).length,
      day: read.day,
      ...(input.note !== undefined && { note: input.note }),
    },
  };
}
