/**
 * Indexes the dataset once, at load: lookups by id, by day and by article,
 * and every quoted passage of an article with the events that quote it.
 * Components get this index, never the raw arrays to scan.
 */
import type { Article, Category, Dataset, TimelineEvent } from './schema.ts';
import { categoryIdsOf } from './contract.ts';
import type { CalendarDay } from '../lib/time/calendarDay.ts';

export type QuotedPassage = { paragraph: number; start: number; end: number; eventIds: string[] };
export type DayGroup = { day: CalendarDay; events: TimelineEvent[] };

export type DatasetIndex = {
  title: string;
  /** Who may reuse the data and how, when the dataset says. */
  licence?: string;
  /** The edition's one-line description, when the dataset has one. */
  dek?: string;
  /** Every event, by date, and within a day in the order the sources tell (the dataset's order). */
  events: TimelineEvent[];
  byId: ReadonlyMap<string, TimelineEvent>;
  articles: Article[];
  articleById: ReadonlyMap<string, Article>;
  /** The quoted passages of each article, in reading order. */
  passagesByArticle: ReadonlyMap<string, QuotedPassage[]>;
  /** Categories that occur, in the edition's order (its `categories`, else the first edition's). */
  categories: Category[];
  first: CalendarDay | null;
  last: CalendarDay | null;
};

/** By day only: the sort is stable, so within a day the dataset's order (the sources' order) stays. */
function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * Within each day, key events lead, as far as the sources allow: a key event moves ahead of the
 * day's other events except those it is said to come after (directly or through others). The
 * rest keep the order the sources tell.
 */
export function leadWithKeyEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const comesAfter = (a: TimelineEvent, b: TimelineEvent, seen = new Set<string>()): boolean =>
    (a.after ?? []).some((r) => r.event === b.id || (!seen.has(r.event) && seen.add(r.event) && byId.has(r.event) && comesAfter(byId.get(r.event)!, b, seen)));
  const out: TimelineEvent[] = [];
  let dayStart = 0;
  for (const event of events) {
    if (out.length && out[out.length - 1]!.date !== event.date) dayStart = out.length;
    let at = out.length;
    if (event.key) {
      while (at > dayStart && !out[at - 1]!.key && !comesAfter(event, out[at - 1]!)) at--;
    }
    out.splice(at, 0, event);
  }
  return out;
}

/** Builds the index of a validated dataset. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  // The pipeline writes events in date order: check that in one pass before paying for a sort.
  const inOrder = dataset.events.every((e, i, all) => i === 0 || compareEvents(all[i - 1]!, e) <= 0);
  const events = leadWithKeyEvents(inOrder ? [...dataset.events] : [...dataset.events].sort(compareEvents));
  const byId = new Map(events.map((e) => [e.id, e]));
  const articleById = new Map(dataset.articles.map((a) => [a.id, a]));
  const passages = new Map<string, Map<string, QuotedPassage>>();
  const used = new Set<Category>();
  let last: CalendarDay | null = null;
  for (const event of events) {
    used.add(event.category);
    const end = event.end ?? event.date;
    if (last === null || end > last) last = end;
    for (const q of event.quotes) {
      const key = `${q.paragraph}:${q.start}:${q.end}`;
      const forArticle = passages.get(q.article) ?? new Map<string, QuotedPassage>();
      passages.set(q.article, forArticle);
      const passage = forArticle.get(key) ?? { paragraph: q.paragraph, start: q.start, end: q.end, eventIds: [] };
      if (!passage.eventIds.includes(event.id)) passage.eventIds.push(event.id);
      forArticle.set(key, passage);
    }
  }
  const passagesByArticle = new Map(
    [...passages].map(([id, m]) => [id, [...m.values()].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end)]),
  );
  return {
    title: dataset.title,
    licence: dataset.licence,
    dek: dataset.dek,
    events,
    byId,
    articles: dataset.articles,
    articleById,
    passagesByArticle,
    categories: categoryIdsOf(dataset).filter((c) => used.has(c)),
    first: events[0]?.date ?? null,
    last,
  };
}

/** Groups events (already in date order) under the day they start. */
export function groupByDay(events: readonly TimelineEvent[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const event of events) {
    const current = groups[groups.length - 1];
    if (current && current.day === event.date) current.events.push(event);
    else groups.push({ day: event.date, events: [event] });
  }
  return groups;
}
