/**
 * Step 4 of the data pipeline: turns the inputs (readInputs) into the dataset.
 * Cleans each article (keeping what it removed, and why), locates every quote, speaker and dating phrase, resolves
 * every date with how certain it is (dateBounds), checks that titles and
 * summaries claim nothing beyond the quotes (checkClaims), links each quote to
 * its passage on the publisher's page (buildTextFragment), and orders the
 * events as the sources tell them (orderEvents). Collects every problem instead
 * of stopping at the first. Pure: no files, no clock.
 */
import type { Article, Dataset, Quote, TimelineEvent } from '../src/data/schema.ts';
import { datasetSchema } from '../src/data/schema.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { buildTextFragment } from './buildTextFragment.ts';
import { describeUnsupported, findUnsupportedClaims } from './checkClaims.ts';
import { cleanRawArticle } from './readArticle.ts';
import { boundsOf, checkEdtf, formatEdtf } from './dateBounds.ts';
import type { EventInput } from './inputSchema.ts';
import { diagnoseQuote } from './diagnoseQuote.ts';
import { isSkipped } from './eventsSource.ts';
import { findOccurrences, locateQuote } from './locateQuote.ts';
import { locateSpeaker } from './locateSpeaker.ts';
import { orderEvents } from './orderEvents.ts';
import { findDateExpressions } from './resolveDate.ts';
import { resolveEvidence, type Fail } from './resolveEvidence.ts';
import type { Inputs } from './readInputs.ts';

export type CoverageEntry = { article: string; paragraph: number; start: number; text: string; day: CalendarDay; citedBy: string[] };
export type BuildResult = { dataset: Dataset | null; errors: string[]; warnings: string[]; coverage: CoverageEntry[] };

/** Builds the dataset from the inputs: see the file header. `dataset` is null when there is any error. */
export function buildDataset(inputs: Inputs): BuildResult {
  const errors = [...inputs.errors];
  const articles = new Map<string, Article>();
  for (const article of inputs.articles) {
    const { meta, file, dateline, provenance } = article;
    const { paragraphs, removed } = cleanRawArticle(article);
    articles.set(meta.id, {
      id: meta.id,
      headline: meta.headline,
      published: meta.published,
      // A dateline is evidence enough: its words, located in the text, say how the day is known.
      publishedEvidence: meta.publishedEvidence
        ?? (dateline ? `The page’s dateline, “${dateline.phrase}” (line ${dateline.line} of the text as received), states the day.` : '(unknown)'),
      publisher: meta.publisher,
      url: meta.url,
      ...(meta.archived && { archived: { url: meta.archived.url, captured: meta.archived.captured as CalendarDay } }),
      file,
      paragraphs: paragraphs.map((p) => p.text),
      paragraphInfo: paragraphs.map(({ kind, rawStart, rawEnd }) => ({ kind, rawStart, rawEnd })),
      ...(meta.byline !== undefined && { byline: meta.byline }),
      ...(dateline && { publishedDateline: { phrase: dateline.phrase, rawStart: dateline.rawStart, rawEnd: dateline.rawEnd, line: dateline.line, ...(dateline.note !== undefined && { note: dateline.note }) } }),
      ...(removed.length > 0 && { removed }),
      ...(provenance && { provenance }),
    });
  }

  const seen = new Set<string>();
  const built: TimelineEvent[] = [];
  for (const input of inputs.events) {
    const where = `${inputs.eventsFile}: event "${input.id}"`;
    // A field that failed its shape check (already reported) stands in: its later checks would only repeat it.
    const skip = inputs.eventSkips?.get(input);
    const fail: Fail = (field, message) => {
      if (!skip || !isSkipped(skip, field)) errors.push(`${where} → ${field}: ${message}`);
    };
    if (seen.has(input.id)) fail('id', `duplicate id: another event already has "${input.id}"`);
    // An event's category is checked against the edition's ids where the events file is read (checkEventItem).
    seen.add(input.id);
    const event = buildEvent(input, articles, fail);
    if (event) built.push(event);
  }

  const ordered = orderEvents(built, inputs.events, articles, inputs.eventsFile);
  errors.push(...ordered.errors);
  const events = ordered.events;

  const coverage = reportCoverage([...articles.values()], built);
  const warnings = coverage
    .filter((c) => c.citedBy.length === 0)
    .map((c) => `${c.article} ¶${c.paragraph + 1}: date expression "${c.text}" (${c.day}) is not cited by any event`);

  if (errors.length) return { dataset: null, errors, warnings, coverage };
  const { dek, categories } = inputs.site ?? {};
  const dataset: Dataset = {
    version: 1, title: inputs.title, ...(inputs.licence !== undefined && { licence: inputs.licence }),
    ...(dek !== undefined && { dek }), ...(categories !== undefined && { categories }),
    articles: [...articles.values()], events,
  };
  const checked = datasetSchema.safeParse(dataset);
  if (!checked.success) {
    return { dataset: null, errors: checked.error.issues.map((i) => `dataset → ${i.path.join('.')}: ${i.message}`), warnings, coverage };
  }
  return { dataset, errors, warnings, coverage };
}

/** One event of the events file, checked and resolved; null when it has a problem (reported through `fail`). */
function buildEvent(input: EventInput, articles: ReadonlyMap<string, Article>, fail: Fail): TimelineEvent | null {
  const failures: string[] = [];
  const note: Fail = (field, message) => (failures.push(field), fail(field, message));
  if (input.end !== undefined && input.end <= input.date) note('end', `expected a day after date ${input.date}, got ${input.end}`);

  const quotes = locateQuotes(input, articles, note);
  checkClaims(input, note);

  const article = articles.get(input.dateEvidence.article);
  if (!article) {
    note('dateEvidence.article', `unknown article "${input.dateEvidence.article}"; known: ${[...articles.keys()].join(', ')}`);
    return null;
  }
  // A dating phrase that occurs several times is placed by the quotes: when a quote was not found, that error says it all.
  const quoteMissing = quotes.length !== input.quotes.length;
  const resolved = resolveEvidence(input, article, quotes, (field, message) => {
    if (quoteMissing && /in none of the quotes/.test(message)) failures.push(field);
    else note(field, message);
  });
  if (!resolved) return null;
  const { evidence, announced } = resolved;
  const date = input.date as CalendarDay;
  const end = input.end as CalendarDay | undefined;

  if (evidence.kind === 'explicit' || evidence.kind === 'relative' || evidence.kind === 'counted') {
    const inSpan = end === undefined ? evidence.resolved === date : evidence.resolved >= date && evidence.resolved <= end;
    if (!inSpan && (end === undefined || end > date)) {
      note('date', `the evidence resolves to ${evidence.resolved}, but the event is dated ${end ? `${date} to ${end}` : date}`);
    }
  }
  if (end !== undefined) {
    if (evidence.kind === 'range') note('end', 'a range event has no end: its bounds are dateEvidence.earliest and dateEvidence.latest');
    else if (end > article.published && !announced) {
      note('end', `expected a day on or before ${article.published}, the day article "${article.id}" was published, got ${end}; ` +
        'a day after publication needs dateEvidence.announced: with the words that say the event is to come');
    }
  }

  const bounds = boundsOf(date, end, evidence);
  const generated = formatEdtf(bounds);
  const wrong = checkEdtf(input.edtf ?? generated, bounds);
  if (wrong) note('edtf', wrong);

  if (failures.length || quotes.length !== input.quotes.length) return null;
  return {
    id: input.id,
    date,
    ...(end !== undefined && { end }),
    title: input.title,
    summary: input.summary,
    category: input.category,
    quotes,
    dateEvidence: evidence,
    certainty: bounds.certainty,
    earliest: bounds.earliest,
    latest: bounds.latest,
    edtf: input.edtf ?? generated,
    ...(input.key !== undefined && { key: input.key }),
  };
}

/** Each quote located in its article, with its speaker's words and its link to the publisher's page. */
function locateQuotes(input: EventInput, articles: ReadonlyMap<string, Article>, fail: Fail): Quote[] {
  const quotes: Quote[] = [];
  input.quotes.forEach((q, i) => {
    const article = articles.get(q.article);
    if (!article) return fail(`quotes.${i}.article`, `unknown article "${q.article}"; known: ${[...articles.keys()].join(', ')}`);
    const found = locateQuote(article.paragraphs, q.text, q.occurrence);
    if (!found.ok) {
      const missing = findOccurrences(article.paragraphs, q.text).length === 0;
      return fail(`quotes.${i}.text`, missing ? diagnoseQuote(article.paragraphs, q.text) : found.error);
    }
    const quote: Quote = { article: q.article, ...found.location };
    if (q.speaker !== undefined) {
      const speaker = locateSpeaker(article.paragraphs, q.speaker, found.location);
      if (!speaker.ok) return fail(`quotes.${i}.speaker`, speaker.error);
      const { text, paragraph, start, end } = speaker.at;
      quote.speaker = { text, paragraph, start, end };
    }
    if (article.url !== null) {
      const fragment = buildTextFragment(article.url, article.paragraphs, found.location);
      if (!fragment.ok) return fail(`quotes.${i}.text`, fragment.error);
      quote.fragment = fragment.url;
    }
    quotes.push(quote);
  });
  return quotes;
}

/** No claim beyond the quotes: the title and the summary against the quotes, speakers and allowed words. */
function checkClaims(input: EventInput, fail: Fail): void {
  const support = [
    ...input.quotes.flatMap((q) => [q.text, ...(q.speaker ? [q.speaker] : [])]),
    ...(input.allow ?? []).map((a) => a.words),
  ];
  for (const field of ['title', 'summary'] as const) {
    const unsupported = findUnsupportedClaims(input[field], support);
    if (unsupported.length) fail(field, describeUnsupported(unsupported));
  }
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
