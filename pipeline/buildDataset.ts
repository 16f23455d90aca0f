/**
 * Step 4 of the data pipeline: turns the inputs (readInputs) into the dataset.
 * Cleans each article, locates every quote and every dating phrase, resolves
 * every date and checks it against the event, and collects every problem
 * instead of stopping at the first. Pure apart from nothing: no files, no clock.
 */
import type { Article, Dataset, DateEvidence, Quote, TimelineEvent } from '../src/data/schema.ts';
import { datasetSchema } from '../src/data/schema.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { cleanArticle } from './cleanArticle.ts';
import { findOccurrences, locateQuote, type Location } from './locateQuote.ts';
import { findDateExpressions, resolveCounted, resolvePhrase } from './resolveDate.ts';
import type { EventInput } from './inputSchema.ts';
import type { Inputs } from './readInputs.ts';

export type CoverageEntry = { article: string; paragraph: number; start: number; text: string; day: CalendarDay; citedBy: string[] };
export type BuildResult = { dataset: Dataset | null; errors: string[]; warnings: string[]; coverage: CoverageEntry[] };

/** Builds the dataset from the inputs: see the file header. `dataset` is null when there is any error. */
export function buildDataset(inputs: Inputs): BuildResult {
  const errors = [...inputs.errors];
  const articles = new Map<string, Article>();
  for (const { meta, raw, file } of inputs.articles) {
    const { paragraphs } = cleanArticle(raw, meta.headline);
    articles.set(meta.id, {
      id: meta.id,
      headline: meta.headline,
      published: meta.published,
      publishedEvidence: meta.publishedEvidence,
      publisher: meta.publisher,
      url: meta.url,
      file,
      paragraphs: paragraphs.map((p) => p.text),
      paragraphInfo: paragraphs.map(({ kind, rawStart, rawEnd }) => ({ kind, rawStart, rawEnd })),
    });
  }

  const seen = new Set<string>();
  const events: TimelineEvent[] = [];
  for (const input of inputs.events) {
    const where = `${inputs.eventsFile}: event "${input.id}"`;
    const fail = (field: string, message: string) => errors.push(`${where} → ${field}: ${message}`);
    if (seen.has(input.id)) fail('id', `duplicate id: another event already has "${input.id}"`);
    seen.add(input.id);
    if (input.end !== undefined && input.end <= input.date) fail('end', `expected a day after date ${input.date}, got ${input.end}`);

    const quotes: Quote[] = [];
    input.quotes.forEach((q, i) => {
      const article = articles.get(q.article);
      if (!article) return fail(`quotes.${i}.article`, `unknown article "${q.article}"; known: ${[...articles.keys()].join(', ')}`);
      const found = locateQuote(article.paragraphs, q.text, q.occurrence);
      if (!found.ok) return fail(`quotes.${i}.text`, found.error);
      quotes.push({ article: q.article, ...found.location });
    });

    const evidence = resolveEvidence(input, articles, quotes, fail);
    if (evidence && (input.end === undefined || input.end > input.date)) {
      const inSpan = input.end === undefined
        ? evidence.resolved === input.date
        : evidence.resolved >= input.date && evidence.resolved <= input.end;
      if (!inSpan) {
        fail('date', `the evidence resolves to ${evidence.resolved}, but the event is dated ${input.end ? `${input.date} to ${input.end}` : input.date}`);
      }
    }
    if (evidence && quotes.length === input.quotes.length) {
      events.push({
        id: input.id,
        date: input.date as CalendarDay,
        ...(input.end !== undefined && { end: input.end as CalendarDay }),
        title: input.title,
        summary: input.summary,
        category: input.category,
        quotes,
        dateEvidence: evidence,
      });
    }
  }

  const coverage = reportCoverage([...articles.values()], events);
  const warnings = coverage
    .filter((c) => c.citedBy.length === 0)
    .map((c) => `${c.article} ¶${c.paragraph}: date expression "${c.text}" (${c.day}) is not cited by any event`);

  if (errors.length) return { dataset: null, errors, warnings, coverage };
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const dataset: Dataset = { version: 1, title: inputs.title, articles: [...articles.values()], events };
  const checked = datasetSchema.safeParse(dataset);
  if (!checked.success) {
    return { dataset: null, errors: checked.error.issues.map((i) => `dataset → ${i.path.join('.')}: ${i.message}`), warnings, coverage };
  }
  return { dataset, errors, warnings, coverage };
}

function resolveEvidence(
  input: EventInput,
  articles: Map<string, Article>,
  quotes: Quote[],
  fail: (field: string, message: string) => void,
): DateEvidence | null {
  const ev = input.dateEvidence;
  const article = articles.get(ev.article);
  if (!article) {
    fail('dateEvidence.article', `unknown article "${ev.article}"`);
    return null;
  }
  const reference = article.published as CalendarDay;
  if (ev.kind === 'undated') {
    return { kind: 'undated', article: ev.article, placement: ev.placement, resolved: input.date, ...(ev.note && { note: ev.note }) };
  }
  const location = locatePhrase(article, ev.phrase, quotes);
  if (!location.ok) {
    fail('dateEvidence.phrase', location.error);
    return null;
  }
  const where = { phrase: ev.phrase, article: ev.article, paragraph: location.at.paragraph, start: location.at.start, end: location.at.end };
  const note = ev.note ? { note: ev.note } : {};
  if (ev.kind === 'counted') {
    const r = resolveCounted(ev.phrase, ev.from as CalendarDay, ev.count, ev.inclusive);
    if (!r.ok) return fail('dateEvidence.count', r.error), null;
    return { kind: 'counted', ...where, from: ev.from, count: ev.count, inclusive: ev.inclusive, resolved: r.day, ...note };
  }
  const r = resolvePhrase(ev.phrase, ev.kind, reference);
  if (!r.ok) return fail('dateEvidence.phrase', r.error), null;
  return ev.kind === 'explicit'
    ? { kind: 'explicit', ...where, resolved: r.day, ...note }
    : { kind: 'relative', ...where, reference, resolved: r.day, ...note };
}

/** A dating phrase is looked for inside the event's own quotes first; elsewhere it must be unique. */
function locatePhrase(article: Article, phrase: string, quotes: Quote[]): { ok: true; at: Location } | { ok: false; error: string } {
  const all = findOccurrences(article.paragraphs, phrase);
  const inQuote = all.find((o) => quotes.some((q) => q.article === article.id && q.paragraph === o.paragraph && o.start >= q.start && o.end <= q.end));
  if (inQuote) return { ok: true, at: inQuote };
  if (all.length === 1) return { ok: true, at: all[0]! };
  return {
    ok: false,
    error: all.length === 0
      ? `"${phrase}" does not occur in article "${article.id}"`
      : `"${phrase}" occurs ${all.length} times in article "${article.id}" and in none of this event's quotes; quote the passage that holds it`,
  };
}

/** Lists every date expression chrono-node finds in the articles, with the events whose evidence cites it. */
export function reportCoverage(articles: Article[], events: TimelineEvent[]): CoverageEntry[] {
  const out: CoverageEntry[] = [];
  for (const article of articles) {
    article.paragraphs.forEach((text, paragraph) => {
      for (const found of findDateExpressions(text, article.published as CalendarDay)) {
        const end = found.index + found.text.length;
        const citedBy = events
          .filter(({ dateEvidence: ev }) => ev.kind !== 'undated' && ev.article === article.id && ev.paragraph === paragraph && ev.start < end && ev.end > found.index)
          .map((e) => e.id);
        out.push({ article: article.id, paragraph, start: found.index, text: found.text, day: found.day, citedBy });
      }
    });
  }
  return out;
}
