/**
 * Splits a version-1 dataset into the version-2 archive (src/data/archiveSchema.ts): an index the
 * page draws its first view from, period chunks of whole days, and a search index. The build
 * (vite.config.ts) ships it in place of the single file from ARCHIVE_THRESHOLD events; the bench
 * writes it for its large sizes. Pure: dataset in, texts out (no file is read or written).
 *
 * Each chunk is stringified on its own and handed over at once, so a million events never make
 * one string (V8's limit is about 512 MB) and a caller that writes chunks out need not keep them.
 */
import { createHash } from 'node:crypto';
import { startOfISOWeek } from 'date-fns';
import {
  ARCHIVE_VERSION, CHUNK_EVENTS,
  type ArchiveChunkInfo, type ArchiveIndex, type ArticleHead, type DensityRow, type KeyEventStub,
} from '../src/data/archiveSchema.ts';
import { categoryIdsOf, type Article, type Dataset, type TimelineEvent } from '../src/data/schema.ts';
import { boundsOf, certaintyOf } from '../src/lib/evidence/describeCertainty.ts';
import { dayToUtc, utcToDay, type CalendarDay } from '../src/lib/time/calendarDay.ts';

export type ArchiveFile = { file: string; text: string };
export type SplitOptions = { chunkEvents?: number };

/** SHA-256 of `text`'s UTF-8 bytes, in hex, and how many bytes that is. */
function digest(text: string): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(text, 'utf8').digest('hex'), bytes: Buffer.byteLength(text, 'utf8') };
}

/** The events in date order: as given when they already are (the pipeline's order within a day is kept), else sorted stably by date. */
function inDateOrder(events: readonly TimelineEvent[]): readonly TimelineEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.date < events[i - 1]!.date) return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return events;
}

/** The last day an event reaches. */
const reachOf = (e: TimelineEvent): CalendarDay => e.end ?? e.date;

/** Events per lane on each day, ISO week (its Monday) and month (its first day) that has any, periods ascending. */
function densityOf(events: readonly TimelineEvent[], lanes: readonly string[]): ArchiveIndex['density'] {
  const laneOf = new Map(lanes.map((id, i) => [id, i]));
  const byDay = new Map<CalendarDay, number[]>();
  for (const e of events) {
    let row = byDay.get(e.date);
    if (!row) byDay.set(e.date, (row = lanes.map(() => 0)));
    row[laneOf.get(e.category)!]! += 1;
  }
  const days = [...byDay.keys()].sort();
  // Each period is worked out once per day with events, not once per event.
  const sumBy = (periodOf: (day: CalendarDay) => CalendarDay): DensityRow[] => {
    const rows = new Map<CalendarDay, number[]>();
    for (const day of days) {
      const period = periodOf(day);
      const row = rows.get(period) ?? lanes.map(() => 0);
      byDay.get(day)!.forEach((n, lane) => { row[lane]! += n; });
      rows.set(period, row);
    }
    return [...rows].map(([period, counts]) => [period, ...counts]);
  };
  return {
    lanes: [...lanes],
    byDay: sumBy((day) => day),
    byWeek: sumBy((day) => utcToDay(startOfISOWeek(dayToUtc(day)))),
    byMonth: sumBy((day) => `${day.slice(0, 7)}-01` as CalendarDay),
  };
}

/** Cuts the events into runs of whole days, each closed at the first day boundary once it holds `size` events. */
function* runsOfDays(events: readonly TimelineEvent[], size: number): Generator<TimelineEvent[]> {
  let run: TimelineEvent[] = [];
  for (const e of events) {
    if (run.length >= size && e.date !== run[run.length - 1]!.date) {
      yield run;
      run = [];
    }
    run.push(e);
  }
  if (run.length > 0) yield run;
}

/** The articles an event cites: its quotes' and its date evidence's. */
function citedBy(e: TimelineEvent, into: Set<string>): void {
  for (const q of e.quotes) into.add(q.article);
  into.add(e.dateEvidence.article);
}

/**
 * Splits `dataset` into the archive, handing each chunk to `write` as soon as it is made (so a
 * caller may write it out and let it go); returns the index and the search index.
 */
export function splitDatasetInto(
  dataset: Dataset, write: (chunk: ArchiveFile) => void, { chunkEvents = CHUNK_EVENTS }: SplitOptions = {},
): { index: ArchiveIndex; search: ArchiveFile } {
  if (dataset.events.length === 0) throw new Error('splitDataset: the dataset has no events, and an archive needs at least one');
  if (!(chunkEvents >= 1)) throw new Error(`splitDataset: chunkEvents: expected a positive number, got ${chunkEvents}`);
  const events = inDateOrder(dataset.events);
  const lanes = categoryIdsOf(dataset);
  const laneOf = new Map(lanes.map((id, i) => [id, i]));

  const chunks: ArchiveChunkInfo[] = [];
  const chunkOf = new Int32Array(events.length); // by the event's place in `events`
  let at = 0;
  for (const run of runsOfDays(events, chunkEvents)) {
    const chunk = chunks.length;
    const cited = new Set<string>();
    let reach = run[0]!.date;
    for (const e of run) {
      citedBy(e, cited);
      if (reachOf(e) > reach) reach = reachOf(e);
      chunkOf[at++] = chunk;
    }
    const from = run[0]!.date;
    const to = run[run.length - 1]!.date;
    const articles: Article[] = dataset.articles.filter((a) => cited.has(a.id));
    const text = JSON.stringify({ version: ARCHIVE_VERSION, chunk, from, to, articles, events: run });
    const { sha256, bytes } = digest(text);
    const file = `data/chunks/${String(chunk).padStart(4, '0')}-${sha256.slice(0, 10)}.json`;
    chunks.push({ file, from, to, reach, count: run.length, bytes, sha256 });
    write({ file, text });
  }

  const searchText = JSON.stringify({
    version: ARCHIVE_VERSION,
    ids: events.map((e) => e.id),
    days: events.map((e) => e.date),
    lanes: events.map((e) => laneOf.get(e.category)!),
    chunks: Array.from(chunkOf),
    titles: events.map((e) => e.title),
  });
  const search = { file: `data/search-${digest(searchText).sha256.slice(0, 10)}.json`, text: searchText };

  const key: KeyEventStub[] = events.flatMap((e, i) => (e.key
    ? [{
        id: e.id, date: e.date, ...(e.end && { end: e.end }), title: e.title, category: e.category,
        certainty: certaintyOf(e), ...(boundsOf(e).earliest !== null && { earliest: boundsOf(e).earliest }), latest: boundsOf(e).latest, chunk: chunkOf[i]!,
      }]
    : []));
  const articles: ArticleHead[] = dataset.articles.map(({ id, headline, published, publisher, url }) => ({ id, headline, published, publisher, url }));
  const index: ArchiveIndex = {
    version: ARCHIVE_VERSION,
    title: dataset.title,
    ...(dataset.licence && { licence: dataset.licence }),
    ...(dataset.dek && { dek: dataset.dek }),
    ...(dataset.categories && { categories: dataset.categories }),
    first: events[0]!.date,
    last: chunks.reduce((last, c) => (c.reach > last ? c.reach : last), chunks[0]!.reach),
    total: events.length,
    density: densityOf(events, lanes),
    key,
    chunks,
    articles,
    search: { file: search.file, bytes: Buffer.byteLength(searchText, 'utf8') },
  };
  return { index, search };
}

/** Splits `dataset` into the archive: its index, its chunks (in order) and its search index. */
export function splitDataset(dataset: Dataset, opts: SplitOptions = {}): { index: ArchiveIndex; chunks: ArchiveFile[]; search: ArchiveFile } {
  const chunks: ArchiveFile[] = [];
  const { index, search } = splitDatasetInto(dataset, (c) => chunks.push(c), opts);
  return { index, chunks, search };
}
