/**
 * The archive contract (version 2): how the build ships a large dataset as an
 * index and period chunks, so that the page draws its first view from the
 * index alone and loads the events of the period the reader looks at.
 *
 *   data/timeline.json          the index (this file's `archiveIndexSchema`)
 *   data/chunks/<n>-<hash>.json  one period's events and the articles they quote (`archiveChunkSchema`)
 *   data/search.json             every event's id, day, lane, chunk and title, for the search worker
 *
 * A small edition keeps the single version-1 file (schema.ts): the page reads both.
 * The build splits at ARCHIVE_THRESHOLD events; a chunk holds whole days only, about
 * CHUNK_EVENTS events (a day with more is one chunk of its own).
 */
import {
  array, enum as zEnum, int, literal, maxLength, minimum, minLength, nonnegative, nullable, object, optional, regex, string, unknown,
  type infer as Infer,
} from 'zod/mini';
import type { CalendarDay } from '../lib/time/calendarDay.ts';
import { articleSchema, categoryInfoSchema, CERTAINTIES, day, id, MAX_CATEGORIES } from './schema.ts';

export const ARCHIVE_VERSION = 2;
/** From how many events the build ships an archive instead of one file. */
export const ARCHIVE_THRESHOLD = 20_000;
/** About how many events a chunk holds. */
export const CHUNK_EVENTS = 2_000;

const count = () => int().check(nonnegative());
/** A file of the archive, relative to data/timeline.json's folder's parent (the page): `data/…`, no `..`. */
const dataFile = () => string().check(regex(/^data\/(?:[a-z0-9-]+\/)*[a-z0-9.-]+\.json$/, 'expected a file under data/'));

/**
 * Events per lane on each day, week or month that has any: `lanes` are the category ids in the
 * edition's order; each row is `[period, count in lane 0, count in lane 1, …]`, periods ascending
 * (a week by its Monday, a month by its first day).
 */
export const densitySchema = object({
  lanes: array(id()),
  byDay: array(array(unknown())),
  byWeek: array(array(unknown())),
  byMonth: array(array(unknown())),
});

/** What the first view needs of a key event: enough to draw and name it; the rest is in its chunk. */
export const keyEventSchema = object({
  id: id(),
  date: day(),
  end: optional(day()),
  title: string().check(minLength(1)),
  category: id(),
  /** How its date is known (certaintyOf), and its bounds: a mark says it before its chunk loads. */
  certainty: zEnum(CERTAINTIES),
  earliest: optional(nullable(day())),
  latest: optional(day()),
  /** Its chunk: an index into `chunks`. */
  chunk: count(),
});

export const chunkInfoSchema = object({
  file: dataFile(),
  /** The first and last day of its events (an event's `end` may reach beyond `to`). */
  from: day(),
  to: day(),
  /** The last day any of its events reaches (`end`), ≥ `to`. */
  reach: day(),
  count: int().check(minimum(1)),
  bytes: int().check(minimum(1)),
  /** SHA-256 of the file's bytes, hex: the page checks a chunk against it. */
  sha256: string().check(regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex')),
});

/** The article list without its text: for the Sources menu and citations before any chunk loads. */
export const articleHeadSchema = object({
  id: id(),
  headline: string().check(minLength(1)),
  published: day(),
  publisher: nullable(string()),
  url: nullable(string()),
});

export const archiveIndexSchema = object({
  version: literal(2),
  title: string().check(minLength(1)),
  licence: optional(string().check(minLength(1))),
  dek: optional(string().check(minLength(1))),
  categories: optional(array(categoryInfoSchema).check(minLength(1), maxLength(MAX_CATEGORIES))),
  /** The first event's day and the last day any event reaches. */
  first: day(),
  last: day(),
  /** How many events the archive holds. */
  total: int().check(minimum(1)),
  density: densitySchema,
  key: array(keyEventSchema),
  chunks: array(chunkInfoSchema).check(minLength(1)),
  articles: array(articleHeadSchema).check(minLength(1)),
  /** The search index for the worker: every event's id, day, lane, chunk and folded title. */
  search: object({ file: dataFile(), bytes: int().check(minimum(1)) }),
});

/** One chunk: the events of its period (checked one by one as the version-1 events are) and the articles they quote. */
export const archiveChunkSchema = object({
  version: literal(2),
  chunk: count(),
  from: day(),
  to: day(),
  articles: array(articleSchema),
  events: array(unknown()),
});

/**
 * The search index (columns, one entry per event in date order): `ids[i]` is on `days[i]`, in
 * lane `lanes[i]` (an index into the archive's density lanes), in chunk `chunks[i]`, titled
 * `titles[i]` (as written; the worker folds them once).
 */
export const searchIndexSchema = object({
  version: literal(2),
  ids: array(string()),
  days: array(string()),
  lanes: array(int()),
  chunks: array(int()),
  titles: array(string()),
});

export type DensityRow = [period: CalendarDay, ...counts: number[]];
export type ArchiveIndex = Infer<typeof archiveIndexSchema>;
export type ArchiveChunkInfo = Infer<typeof chunkInfoSchema>;
export type KeyEventStub = Infer<typeof keyEventSchema>;
export type ArticleHead = Infer<typeof articleHeadSchema>;
export type ArchiveChunk = Infer<typeof archiveChunkSchema>;
export type SearchIndex = Infer<typeof searchIndexSchema>;
