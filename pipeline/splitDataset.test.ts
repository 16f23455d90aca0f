import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  archiveChunkSchema, archiveIndexSchema, CHUNK_EVENTS, searchIndexSchema, type ArchiveChunk, type ArchiveIndex, type SearchIndex,
} from '../src/data/archiveSchema.ts';
import { datasetSchema, eventSchema, type Article, type CategoryInfo, type Dataset, type TimelineEvent } from '../src/data/schema.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { realDataset } from '../tests/fixtures/openData.ts';
import { splitDataset, splitDatasetInto } from './splitDataset.ts';
import { inEveryZone } from '../tests/inEveryZone.ts';

// Days are worked out here with Date.UTC, apart from the calendar code the splitter uses.
const START = Date.UTC(2021, 11, 20); // a Monday, 12 days before a new year
const dayAt = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10) as CalendarDay;
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const daysFrom = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

function article(n: number): Article {
  const text = `Words of article ${n}, verbatim.`;
  return {
    id: `article-${n}`, headline: `Headline ${n}`, published: '2022-06-30' as CalendarDay, publishedEvidence: 'The fixture says so.',
    publisher: n % 2 ? 'Wire' : null, url: n % 2 ? `https://example.org/${n}` : null, file: `content/articles/${n}.txt`,
    paragraphs: [text], paragraphInfo: [{ kind: 'text', rawStart: 0, rawEnd: text.length }],
  };
}
const ARTICLES = [1, 2, 3, 4].map(article);

type Draft = { day: number; span: number; category: string; quoted: number; dated: number; key: boolean };

/** An event of the contract on `dayAt(day)`, quoting article `quoted` and dated by article `dated`. */
function event(i: number, d: Draft): TimelineEvent {
  const quoted = ARTICLES[d.quoted]!;
  return {
    id: `event-${i}`, date: dayAt(d.day), ...(d.span > 0 && { end: dayAt(d.day + d.span) }), title: `Title ${i}`, summary: `Summary ${i}.`,
    category: d.category, ...(d.key && { key: true }),
    quotes: [{ article: quoted.id, paragraph: 0, start: 0, end: quoted.paragraphs[0]!.length, text: quoted.paragraphs[0]! }],
    dateEvidence: { kind: 'undated', article: ARTICLES[d.dated]!.id, placement: 'By the fixture.', resolved: dayAt(d.day) },
  };
}

const CATEGORIES: CategoryInfo[] = [
  { id: 'talks', label: 'Talks', colour: 'blue', shape: 'circle' },
  { id: 'fighting', label: 'Fighting', colour: 'red', shape: 'diamond' },
  { id: 'aid', label: 'Aid', colour: 'green', shape: 'square' },
];

/** A dataset of `drafts` in the order given (the splitter sorts them by day when they are not). */
function datasetOf(drafts: Draft[], categories = true): Dataset {
  return {
    version: 1, title: 'Fixture', licence: 'CC BY 4.0', dek: 'A fixture.', ...(categories && { categories: CATEGORIES }),
    articles: ARTICLES, events: drafts.map((d, i) => event(i, d)),
  };
}

const draftArb = (categories: string[]) => fc.record({
  day: fc.integer({ min: 0, max: 70 }),
  span: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  category: fc.constantFrom(...categories),
  quoted: fc.integer({ min: 0, max: 3 }),
  dated: fc.integer({ min: 0, max: 3 }),
  key: fc.boolean(),
});
const draftsArb = fc.array(draftArb(CATEGORIES.map((c) => c.id)), { minLength: 1, maxLength: 120 });

type Split = { index: ArchiveIndex; chunks: ArchiveChunk[]; texts: Array<{ file: string; text: string }>; search: SearchIndex; searchText: string; searchFile: string };
function split(dataset: Dataset, chunkEvents?: number): Split {
  const out = splitDataset(dataset, chunkEvents === undefined ? {} : { chunkEvents });
  return {
    index: archiveIndexSchema.parse(JSON.parse(JSON.stringify(out.index))),
    chunks: out.chunks.map((c) => archiveChunkSchema.parse(JSON.parse(c.text))),
    texts: out.chunks,
    search: searchIndexSchema.parse(JSON.parse(out.search.text)),
    searchText: out.search.text,
    searchFile: out.search.file,
  };
}
const eventsOf = (chunk: ArchiveChunk) => chunk.events.map((e) => eventSchema.parse(e));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

inEveryZone(() => {
  describe('splitDataset', () => {
    test('puts every event in exactly one chunk, chunks in day order, and keeps the order of a day\'s events', () => {
      fc.assert(fc.property(draftsArb, fc.integer({ min: 1, max: 30 }), (drafts, size) => {
        const dataset = datasetOf(drafts);
        const { chunks } = split(dataset, size);
        const ids = chunks.flatMap((c) => eventsOf(c).map((e) => e.id));
        expect([...ids].sort()).toEqual(dataset.events.map((e) => e.id).sort());
        const days = chunks.flatMap((c) => eventsOf(c).map((e) => e.date));
        expect(days).toEqual([...days].sort());
        // Within a day, the dataset's order (here, the drafts' order: event-<i>).
        const place = new Map(dataset.events.map((e, i) => [e.id, i]));
        ids.forEach((id, i) => { if (i > 0 && days[i] === days[i - 1]) expect(place.get(id)!).toBeGreaterThan(place.get(ids[i - 1]!)!); });
        chunks.forEach((c, i) => expect(c.chunk).toBe(i));
      }));
    });

    test('never splits a day, and closes a chunk at the first day boundary once it holds chunkEvents', () => {
      fc.assert(fc.property(draftsArb, fc.integer({ min: 1, max: 30 }), (drafts, size) => {
        const { chunks, index } = split(datasetOf(drafts), size);
        const seen = new Set<string>();
        chunks.forEach((c, i) => {
          const days = new Set(eventsOf(c).map((e) => e.date));
          for (const d of days) expect(seen.has(d)).toBe(false);
          days.forEach((d) => seen.add(d));
          if (i < chunks.length - 1) {
            expect(c.events.length).toBeGreaterThanOrEqual(size);
            const lastDay = eventsOf(c).filter((e) => e.date === c.to).length;
            expect(c.events.length - lastDay).toBeLessThan(size);
          }
          expect(index.chunks[i]!.count).toBe(c.events.length);
        });
      }));
    });

    test('keeps a day with more events than chunkEvents whole, as one chunk', () => {
      const drafts: Draft[] = [
        { day: 0, span: 0, category: 'aid', quoted: 0, dated: 0, key: false },
        { day: 0, span: 0, category: 'talks', quoted: 0, dated: 0, key: false },
        ...Array.from({ length: 7 }, () => ({ day: 3, span: 0, category: 'talks', quoted: 1, dated: 1, key: false })),
        { day: 4, span: 0, category: 'aid', quoted: 0, dated: 0, key: false },
      ];
      const { index } = split(datasetOf(drafts), 2);
      expect(index.chunks.map((c) => [c.from, c.to, c.count])).toEqual([
        [dayAt(0), dayAt(0), 2], [dayAt(3), dayAt(3), 7], [dayAt(4), dayAt(4), 1],
      ]);
    });

    test('gives each chunk its period, its reach, and the whole articles its events cite, in dataset order', () => {
      fc.assert(fc.property(draftsArb, fc.integer({ min: 1, max: 30 }), (drafts, size) => {
        const { chunks, index } = split(datasetOf(drafts), size);
        chunks.forEach((c, i) => {
          const events = eventsOf(c);
          const info = index.chunks[i]!;
          expect([c.from, c.to]).toEqual([events[0]!.date, events[events.length - 1]!.date]);
          expect([info.from, info.to]).toEqual([c.from, c.to]);
          expect(info.reach).toBe(events.map((e) => e.end ?? e.date).sort().pop());
          const cited = new Set(events.flatMap((e) => [...e.quotes.map((q) => q.article), e.dateEvidence.article]));
          expect(c.articles).toEqual(ARTICLES.filter((a) => cited.has(a.id)));
          // Each chunk stands on its own: its events and their articles fit the version-1 contract.
          expect(datasetSchema.safeParse({ version: 1, title: 'Chunk', categories: CATEGORIES, articles: c.articles, events }).success).toBe(true);
        });
      }));
    });

    test('names each chunk by its number and the SHA-256 of its exact UTF-8 bytes', () => {
      const dataset = datasetOf([
        { day: 1, span: 0, category: 'aid', quoted: 0, dated: 0, key: false },
        { day: 9, span: 2, category: 'talks', quoted: 1, dated: 1, key: false },
      ]);
      dataset.events[0]!.title = 'Zürich — “quoted” 🙂'; // UTF-8 bytes ≠ UTF-16 length
      const { index, texts } = split(dataset, 1);
      expect(texts).toHaveLength(2);
      texts.forEach(({ file, text }, i) => {
        const bytes = new TextEncoder().encode(text);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        expect(index.chunks[i]).toMatchObject({ file, bytes: bytes.length, sha256 });
        expect(file).toBe(`data/chunks/000${i}-${sha256.slice(0, 10)}.json`);
      });
      expect(index.chunks[0]!.bytes).toBeGreaterThan(texts[0]!.text.length);
    });

    test('counts every event once in each density, on its day, week (by its Monday) and month (by its first day)', () => {
      fc.assert(fc.property(draftsArb, (drafts) => {
        const dataset = datasetOf(drafts);
        const { index } = split(dataset, 5);
        const { lanes, byDay, byWeek, byMonth } = index.density;
        expect(lanes).toEqual(CATEGORIES.map((c) => c.id));
        const perLane = lanes.map((l) => dataset.events.filter((e) => e.category === l).length);
        for (const rows of [byDay, byWeek, byMonth]) {
          const periods = rows.map((r) => r[0] as string);
          expect(periods).toEqual([...new Set(periods)].sort());
          expect(lanes.map((_, l) => sum(rows.map((r) => r[l + 1] as number)))).toEqual(perLane);
          expect(sum(rows.flatMap((r) => r.slice(1) as number[]))).toBe(index.total);
          rows.forEach((r) => expect(sum(r.slice(1) as number[])).toBeGreaterThan(0));
        }
        for (const [week] of byWeek) expect(weekdayOf(week as string)).toBe(1);
        for (const [month] of byMonth) expect(month).toMatch(/^\d{4}-\d{2}-01$/);
        for (const e of dataset.events) {
          const lane = lanes.indexOf(e.category) + 1;
          expect(byDay.find((r) => r[0] === e.date)![lane]).toBeGreaterThan(0);
          const week = byWeek.find((r) => daysFrom(r[0] as string, e.date) >= 0 && daysFrom(r[0] as string, e.date) < 7);
          expect(week![lane]).toBeGreaterThan(0);
          expect(byMonth.find((r) => r[0] === `${e.date.slice(0, 7)}-01`)![lane]).toBeGreaterThan(0);
        }
      }));
    });

    test('files a day at the turn of a year under the ISO week of its Monday, in the previous year', () => {
      const { index } = split(datasetOf([
        { day: 12, span: 0, category: 'talks', quoted: 0, dated: 0, key: false }, // Sat 1 Jan 2022
        { day: 13, span: 0, category: 'aid', quoted: 0, dated: 0, key: false }, // Sun 2 Jan 2022
        { day: 14, span: 0, category: 'aid', quoted: 0, dated: 0, key: false }, // Mon 3 Jan 2022
      ]));
      expect(index.density.byWeek).toEqual([['2021-12-27', 1, 0, 1], ['2022-01-03', 0, 0, 1]]);
      expect(index.density.byMonth).toEqual([['2022-01-01', 1, 0, 2]]);
    });

    test('uses the first edition\'s lanes when the dataset names no categories', () => {
      const { index } = split(datasetOf([{ day: 0, span: 0, category: 'diplomacy', quoted: 0, dated: 0, key: false }], false));
      expect(index.density.lanes).toEqual(['military', 'diplomacy', 'humanitarian', 'international']);
      expect(index.density.byDay).toEqual([[dayAt(0), 0, 1, 0, 0]]);
      expect(index.categories).toBeUndefined();
    });

    test('sorts events that are not in day order by day, stably', () => {
      const { chunks } = split(datasetOf([
        { day: 5, span: 0, category: 'talks', quoted: 0, dated: 0, key: false },
        { day: 2, span: 0, category: 'talks', quoted: 0, dated: 0, key: false },
        { day: 5, span: 0, category: 'talks', quoted: 0, dated: 0, key: false },
        { day: 2, span: 0, category: 'talks', quoted: 0, dated: 0, key: false },
      ]), 1);
      expect(chunks.map((c) => c.events.map((e) => (e as TimelineEvent).id))).toEqual([['event-1', 'event-3'], ['event-0', 'event-2']]);
    });

    test('indexes the edition, its span, its key events and every article\'s head', () => {
      fc.assert(fc.property(draftsArb, fc.integer({ min: 1, max: 30 }), (drafts, size) => {
        const dataset = datasetOf(drafts);
        const { index, chunks } = split(dataset, size);
        expect(index).toMatchObject({ version: 2, title: 'Fixture', licence: 'CC BY 4.0', dek: 'A fixture.', categories: CATEGORIES, total: drafts.length });
        expect(index.first).toBe(dataset.events.map((e) => e.date).sort()[0]);
        expect(index.last).toBe(dataset.events.map((e) => e.end ?? e.date).sort().pop());
        expect(index.articles).toEqual(ARTICLES.map((a) => ({ id: a.id, headline: a.headline, published: a.published, publisher: a.publisher, url: a.url })));
        const keyed = dataset.events.filter((e) => e.key);
        expect(index.key.map((k) => k.id).sort()).toEqual(keyed.map((e) => e.id).sort());
        for (const k of index.key) {
          const e = keyed.find((x) => x.id === k.id)!;
          expect(k).toMatchObject({ id: e.id, date: e.date, title: e.title, category: e.category });
          expect(k.end).toBe(e.end);
          expect(eventsOf(chunks[k.chunk]!).some((x) => x.id === k.id)).toBe(true);
        }
      }));
    });

    test('writes a search index with one entry per event: its id, day, lane, chunk and title', () => {
      fc.assert(fc.property(draftsArb, fc.integer({ min: 1, max: 30 }), (drafts, size) => {
        const dataset = datasetOf(drafts);
        const { index, chunks, search, searchText, searchFile } = split(dataset, size);
        const inOrder = chunks.flatMap((c, n) => eventsOf(c).map((e) => ({ e, n })));
        expect(search.ids).toEqual(inOrder.map(({ e }) => e.id));
        expect(search.days).toEqual(inOrder.map(({ e }) => e.date));
        expect(search.lanes).toEqual(inOrder.map(({ e }) => index.density.lanes.indexOf(e.category)));
        expect(search.chunks).toEqual(inOrder.map(({ n }) => n));
        expect(search.titles).toEqual(inOrder.map(({ e }) => e.title));
        const bytes = new TextEncoder().encode(searchText);
        expect(index.search).toEqual({ file: searchFile, bytes: bytes.length });
        expect(searchFile).toBe(`data/search-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.json`);
      }));
    });

    test('hands the chunks to a writer one by one, the same as it returns them', () => {
      const dataset = datasetOf(Array.from({ length: 40 }, (_, i) => ({ day: i, span: 0, category: 'aid', quoted: 0, dated: 0, key: false })));
      const written: string[] = [];
      const { index } = splitDatasetInto(dataset, (c) => written.push(c.file), { chunkEvents: 7 });
      expect(written).toEqual(splitDataset(dataset, { chunkEvents: 7 }).chunks.map((c) => c.file));
      expect(written).toEqual(index.chunks.map((c) => c.file));
    });

    test(`splits the real edition into one chunk at the default size (${CHUNK_EVENTS})`, () => {
      const dataset = realDataset();
      const { index, chunks } = split(dataset);
      expect(chunks).toHaveLength(1);
      expect(index.total).toBe(dataset.events.length);
      expect(eventsOf(chunks[0]!).map((e) => e.id)).toEqual(dataset.events.map((e) => e.id));
    });

    test('refuses a dataset without events', () => {
      expect(() => splitDataset({ ...datasetOf([]), events: [] })).toThrow(/no events/);
    });
  });
});
