/**
 * The dataset contract: the one place its shape is written down. The pipeline
 * validates its output with it and the app checks the loaded file with it;
 * every data type in the code is inferred from here. Built on `zod/mini`
 * with named imports so that the runtime check stays a few KB in the page.
 */
import {
  array, custom, discriminatedUnion, enum as zEnum, int, literal, maxLength, minimum, minLength, nonnegative,
  nullable, object, optional, refine, regex, string, boolean, unknown, type infer as Infer,
} from 'zod/mini';
import { isCalendarDay, type CalendarDay } from '../lib/time/calendarDay.ts';
import { CATEGORY_COLOURS, CATEGORY_SHAPES, CERTAINTIES, categoryIdsOf, DEFAULT_CATEGORY_IDS, ID_PATTERN, isHttpUrl, MAX_CATEGORIES } from './contract.ts';

export { CATEGORY_COLOURS, CATEGORY_SHAPES, CERTAINTIES, categoryIdsOf, DEFAULT_CATEGORY_IDS, ID_PATTERN, isHttpUrl, MAX_CATEGORIES };

const text = () => string().check(minLength(1), refine((s) => s.trim().length > 0, 'must not be blank'));
/** A field that holds a real calendar day (YYYY-MM-DD), as a new schema each time. */
export const day = () =>
  custom<CalendarDay>((v) => typeof v === 'string' && isCalendarDay(v), 'expected a real calendar day as YYYY-MM-DD');
const offset = () => int().check(nonnegative());
/** A field that holds an id (ID_PATTERN), as a new schema each time. */
export const id = () => string().check(regex(ID_PATTERN, 'expected an id as a kebab-case slug, e.g. "second-talks-belarus"'));
const httpUrl = () => string().check(refine(isHttpUrl, 'expected an http: or https: address'));

/**
 * A category id: the edition's own slug (content/site.json), like an event id. Which ids are
 * valid is the dataset's to say (its `categories`, else DEFAULT_CATEGORY_IDS), checked across the
 * whole dataset below.
 */
export const categorySchema = id();

/** How an edition names and draws a category (from content/site.json). */
export const categoryInfoSchema = object({
  id: categorySchema,
  label: text(),
  colour: zEnum(CATEGORY_COLOURS),
  shape: zEnum(CATEGORY_SHAPES),
});

export const paragraphInfoSchema = object({
  kind: zEnum(['text', 'caption']),
  /** UTF-8 byte offsets of the paragraph's line in the raw article file. */
  rawStart: offset(),
  rawEnd: offset(),
});

/** A line of an article's raw text that cleaning removed: its 1-based line, its words, and why. */
export const removedLineSchema = object({ line: int().check(minimum(1)), text: text(), reason: text() });

export const articleSchema = object({
  id: id(),
  headline: text(),
  published: day(),
  /** How the publication day is known, in words. */
  publishedEvidence: text(),
  publisher: nullable(text()),
  url: nullable(httpUrl()),
  /** An archived copy of the page, where the metadata gives one. */
  archived: optional(object({ url: httpUrl(), captured: day() })),
  /** The file the article was read from, relative to the project. */
  file: text(),
  paragraphs: array(text()).check(minLength(1)),
  paragraphInfo: array(paragraphInfoSchema),
  /** Who wrote it, where the page names them. */
  byline: optional(text()),
  /** The words of the page's dateline that give `published`, with their UTF-8 byte range and line in the raw text. */
  publishedDateline: optional(object({ phrase: text(), rawStart: offset(), rawEnd: offset(), line: int().check(minimum(1)), note: optional(text()) })),
  /** The lines of the raw text that are not the story (navigation, banners, datelines …), each with why: nothing is lost. */
  removed: optional(array(removedLineSchema)),
  /**
   * For an article saved as a web page: its text is the story Mozilla's Readability extracted from
   * `extractedFrom` (`by` names the versions); `paragraphInfo`, `removed` and `publishedDateline`
   * count bytes and lines of that extracted text, and quotes are verbatim to it.
   */
  provenance: optional(object({ extractedFrom: text(), by: text() })),
});

export const quoteSchema = object({
  article: text(),
  paragraph: offset(),
  /** UTF-16 offsets into `paragraphs[paragraph]`: `slice(start, end) === text`. */
  start: offset(),
  end: offset(),
  text: text(),
  /**
   * The words that name the speaker when the quote itself does not ("he added"): verbatim from
   * the same article, with their place (`paragraph`, UTF-16 `start`/`end`).
   */
  speaker: optional(object({ text: text(), paragraph: offset(), start: offset(), end: offset() })),
  /** The quote on the publisher's page: the article's URL with a text fragment (`#:~:text=…`). */
  fragment: optional(httpUrl()),
});

/** Where the words of a date's evidence stand in their article. */
const locationShape = { article: text(), paragraph: offset(), start: offset(), end: offset() };

export const dateEvidenceSchema = discriminatedUnion('kind', [
  object({ kind: literal('explicit'), phrase: text(), ...locationShape, resolved: day(), note: optional(text()) }),
  object({
    kind: literal('relative'), phrase: text(), ...locationShape,
    /** The day the phrase is relative to: the article's publication day. */
    reference: day(), resolved: day(), note: optional(text()),
  }),
  object({
    kind: literal('counted'), phrase: text(), ...locationShape,
    from: day(), count: int().check(nonnegative()), inclusive: boolean(), resolved: day(), note: optional(text()),
  }),
  /** The words bound the day without fixing it: "in the last week", "earlier". `earliest` null: open. */
  object({
    kind: literal('range'), phrase: text(), ...locationShape,
    earliest: nullable(day()), latest: day(), resolved: day(), note: optional(text()),
  }),
  /** No words date it: it happened on or before the day the article reports it (`resolved`). */
  object({ kind: literal('undated'), article: text(), placement: text(), resolved: day(), note: optional(text()) }),
]);

export const certaintySchema = zEnum(CERTAINTIES);

/** "This event comes after that one", with the words of a source that say so, located. */
export const relationSchema = object({ event: text(), phrase: text(), ...locationShape });

export const eventSchema = object({
  id: id(),
  date: day(),
  end: optional(day()),
  title: text(),
  summary: text(),
  category: categorySchema,
  quotes: array(quoteSchema).check(minLength(1)),
  dateEvidence: dateEvidenceSchema,
  /** Added in the second edition; an event without them is dated to the day (`date`…`end`). */
  certainty: optional(certaintySchema),
  earliest: optional(nullable(day())),
  latest: optional(day()),
  /** The date in EDTF (ISO 8601-2): `2022-03-03`, `2022-02-24/2022-03-03`, `../2022-03-03`. */
  edtf: optional(text()),
  /** One of the few events the edition is about: drawn larger, always labelled, first in its day where no relation puts another before it. */
  key: optional(boolean()),
  /** Events this one comes after, each with the words that say so. */
  after: optional(array(relationSchema)),
});

type DatasetShape = { articles: Infer<typeof articleSchema>[]; events: Infer<typeof eventSchema>[]; categories?: Infer<typeof categoryInfoSchema>[] };

/**
 * Checks across the whole dataset, beyond each item's shape. `explain`, where given, words the
 * failure for the dataset at hand (naming the event or id), in place of the general `message`.
 */
export const DATASET_INTEGRITY: Array<{ message: string; holds: (d: DatasetShape) => boolean; explain?: (d: DatasetShape) => string }> = [
  {
    message: 'every quote must name an article of the dataset',
    holds: (d) => {
      const ids = new Set(d.articles.map((a) => a.id));
      return d.events.every((e) => e.quotes.every((q) => ids.has(q.article)));
    },
  },
  {
    message: 'every quote must be the exact slice of its paragraph that it claims',
    holds: (d) => {
      const byId = new Map(d.articles.map((a) => [a.id, a]));
      return d.events.every((e) => e.quotes.every((q) => byId.get(q.article)?.paragraphs[q.paragraph]?.slice(q.start, q.end) === q.text));
    },
  },
  { message: 'an event\'s end must come after its date', holds: (d) => d.events.every((e) => e.end === undefined || e.end > e.date) },
  { message: 'event ids must be unique', holds: (d) => new Set(d.events.map((e) => e.id)).size === d.events.length },
  {
    message: 'an event\'s bounds must hold its day: earliest ≤ date ≤ latest',
    holds: (d) => d.events.every((e) => (e.earliest == null || e.earliest <= e.date) && (e.latest === undefined || e.date <= e.latest)),
  },
  {
    message: 'category ids must be unique',
    holds: (d) => !d.categories || new Set(d.categories.map((c) => c.id)).size === d.categories.length,
    explain: (d) => {
      const ids = (d.categories ?? []).map((c) => c.id);
      const twice = ids.find((c, i) => ids.indexOf(c) !== i);
      return `category ids must be unique: "${twice}" is listed twice`;
    },
  },
  {
    message: 'every event\'s category must be one of the dataset\'s categories',
    holds: (d) => {
      const ids = new Set<string>(categoryIdsOf(d));
      return d.events.every((e) => ids.has(e.category));
    },
    explain: (d) => {
      const ids = categoryIdsOf(d);
      const e = d.events.find((x) => !ids.includes(x.category));
      return `event "${e?.id}": category "${e?.category}" is not one of the dataset's categories (${ids.join(', ')})`;
    },
  },
  {
    message: 'every order relation must name another event of the dataset',
    holds: (d) => {
      const ids = new Set(d.events.map((e) => e.id));
      return d.events.every((e) => (e.after ?? []).every((r) => r.event !== e.id && ids.has(r.event)));
    },
  },
];

/** The dataset without its events checked: the app checks those in slices, so no task blocks for long. */
export const datasetHeadSchema = object({
  version: literal(1),
  title: text(),
  /** Who may reuse the data and how, in words (from content/site.json). */
  licence: optional(text()),
  /** The edition's one-line description under its title (from content/site.json). */
  dek: optional(text()),
  /**
   * The edition's categories (from content/site.json), in the order of lanes, legend and filters:
   * they define the ids an event may use. Absent: the first edition's four.
   */
  categories: optional(array(categoryInfoSchema).check(minLength(1), maxLength(MAX_CATEGORIES))),
  articles: array(articleSchema).check(minLength(1)),
  events: array(unknown()),
});

export const datasetSchema = object({
  version: literal(1),
  title: text(),
  /** Who may reuse the data and how, in words (from content/site.json). */
  licence: optional(text()),
  /** The edition's one-line description under its title (from content/site.json). */
  dek: optional(text()),
  /**
   * The edition's categories (from content/site.json), in the order of lanes, legend and filters:
   * they define the ids an event may use. Absent: the first edition's four.
   */
  categories: optional(array(categoryInfoSchema).check(minLength(1), maxLength(MAX_CATEGORIES))),
  articles: array(articleSchema).check(minLength(1)),
  events: array(eventSchema),
}).check(...DATASET_INTEGRITY.map(({ message, holds, explain }) =>
  refine<DatasetShape>(holds, { error: (issue) => (explain ? explain(issue.input as DatasetShape) : message) })));

/** A category id; the dataset's `categories` (or DEFAULT_CATEGORY_IDS) say which are valid. */
export type Category = Infer<typeof categorySchema>;
export type CategoryInfo = Infer<typeof categoryInfoSchema>;
export type Article = Infer<typeof articleSchema>;
export type RemovedLine = Infer<typeof removedLineSchema>;
export type Quote = Infer<typeof quoteSchema>;
export type DateEvidence = Infer<typeof dateEvidenceSchema>;
export type Certainty = Infer<typeof certaintySchema>;
export type Relation = Infer<typeof relationSchema>;
export type TimelineEvent = Infer<typeof eventSchema>;
export type Dataset = Infer<typeof datasetSchema>;
