/**
 * Part of step 4 of the data pipeline: resolves an event's date evidence
 * against its article. Locates the words, resolves the day (resolveDate), and
 * checks it against the article's publication day: nothing is dated after the
 * article that tells it unless the article's own words announce it. Pure.
 */
import type { Article, DateEvidence, Quote } from '../src/data/schema.ts';
import { formatLongDay, type CalendarDay } from '../src/lib/time/calendarDay.ts';
import type { EventInput } from './inputSchema.ts';
import { locatePhrase } from './locatePhrase.ts';
import { findOccurrences } from './locateQuote.ts';
import { resolveCounted, resolvePhrase } from './resolveDate.ts';

export type Fail = (field: string, message: string) => void;

/** The plain words for an undated event when the events file gives none. */
export function defaultPlacement(published: CalendarDay): string {
  return `The source gives no date: the article published ${formatLongDay(published)} reports it.`;
}

/**
 * The evidence of `input` resolved in `article`, or null after reporting why through `fail`.
 * `announced` is true when the article's words say that the event is announced for a later day.
 */
export function resolveEvidence(input: EventInput, article: Article, quotes: readonly Quote[], fail: Fail): { evidence: DateEvidence; announced: boolean } | null {
  const ev = input.dateEvidence;
  const published = article.published as CalendarDay;
  const note = ev.note ? { note: ev.note } : {};
  if (ev.kind === 'undated') {
    if (input.date > published) {
      fail('date', `an undated event is placed on or before the day its article reports it, ${published}; got ${input.date}`);
      return null;
    }
    return { evidence: { kind: 'undated', article: ev.article, placement: ev.placement ?? defaultPlacement(published), resolved: input.date as CalendarDay, ...note }, announced: false };
  }

  const location = locatePhrase(article, ev.phrase, quotes);
  if (!location.ok) return fail('dateEvidence.phrase', location.error), null;
  const where = { phrase: ev.phrase, article: ev.article, paragraph: location.at.paragraph, start: location.at.start, end: location.at.end };

  if (ev.kind === 'range') {
    const latest = (ev.latest ?? published) as CalendarDay;
    const earliest = (ev.earliest ?? null) as CalendarDay | null;
    if (latest > published) return fail('dateEvidence.latest', `expected a day on or before ${published}, the day article "${article.id}" was published; got ${latest}`), null;
    if (earliest !== null && earliest > latest) return fail('dateEvidence.earliest', `expected a day on or before latest ${latest}, got ${earliest}`), null;
    if (input.date !== latest) return fail('date', `a range event is drawn at its latest day, ${latest}; got ${input.date}`), null;
    return { evidence: { kind: 'range', ...where, earliest, latest, resolved: latest, ...note }, announced: false };
  }

  const r = ev.kind === 'counted'
    ? resolveCounted(ev.phrase, ev.from as CalendarDay, ev.count, ev.inclusive)
    : resolvePhrase(ev.phrase, ev.kind, published);
  if (!r.ok) return fail(ev.kind === 'counted' ? 'dateEvidence.count' : 'dateEvidence.phrase', r.error), null;

  let announced = false;
  if (ev.announced !== undefined) {
    if (findOccurrences(article.paragraphs, ev.announced).length === 0) {
      return fail('dateEvidence.announced', `"${ev.announced}" does not occur in article "${article.id}"`), null;
    }
    announced = true;
  }
  if (r.day > published && !announced) {
    fail(ev.kind === 'counted' ? 'dateEvidence.count' : 'dateEvidence.phrase',
      `"${ev.phrase}" resolves to ${r.day}, after article "${article.id}" was published (${published}); ` +
      'a day after publication needs announced: with the words that say the event is to come');
    return null;
  }
  const evidence: DateEvidence = ev.kind === 'explicit'
    ? { kind: 'explicit', ...where, resolved: r.day, ...note }
    : ev.kind === 'relative'
      ? { kind: 'relative', ...where, reference: published, resolved: r.day, ...note }
      : { kind: 'counted', ...where, from: ev.from as CalendarDay, count: ev.count, inclusive: ev.inclusive, resolved: r.day, ...note };
  return { evidence, announced };
}
