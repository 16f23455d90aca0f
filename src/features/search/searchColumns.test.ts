import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldQuery } from '../../lib/search/filterEvents.ts';
import {
  beginSearch, continueSearch, foldTitle, locateEvent, prepareSearch, searchColumns,
  type SearchAnswer, type SearchColumns, type SearchQuery,
} from './searchColumns.ts';

/** Columns from [id, title, lane] rows, on consecutive days, two rows a chunk. */
function columnsOf(rows: Array<[id: string, title: string, lane: number]>): SearchColumns {
  return {
    ids: rows.map(([id]) => id),
    days: rows.map((_, i) => `2022-03-${String(1 + i).padStart(2, '0')}`),
    lanes: rows.map(([, , lane]) => lane),
    chunks: rows.map((_, i) => i >> 1),
    titles: rows.map(([, title]) => title),
  };
}

/** The oracle: every row in order, folded on the spot. */
function naiveSearch(columns: SearchColumns, { q, lanes, limit }: SearchQuery): SearchAnswer {
  const folded = foldQuery(q);
  const rows = columns.ids.map((_, i) => i).filter((i) => (!lanes || lanes.includes(columns.lanes[i]!))
    && (foldQuery(columns.titles[i]!).includes(folded) || foldQuery(columns.ids[i]!).includes(folded)));
  return {
    total: rows.length,
    hits: rows.slice(0, limit).map((i) => ({ id: columns.ids[i]!, day: columns.days[i]!, lane: columns.lanes[i]!, chunk: columns.chunks[i]!, title: columns.titles[i]! })),
  };
}

const guterres: [string, string, number] = ['guterres-calls-for-talks', 'António Guterres calls for talks', 1];
const kyiv: [string, string, number] = ['shelling-near-kyiv', 'Shelling  near KYIV', 0];
const lviv: [string, string, number] = ['aid-convoy-lviv', 'Aid convoy leaves Lviv’s station', 2];
const kharkiv: [string, string, number] = ['kharkiv-shelled', 'Харків обстріляли', 0];
const sample = columnsOf([guterres, kyiv, lviv, kharkiv]);
const titlesOf = (answer: SearchAnswer) => answer.hits.map((h) => h.title);

// Text mostly from a small alphabet (so queries hit), with the cases folding must get right.
const unit = fc.constantFrom('a', 'b', 'e', 'é', 'E', ' ', '  ', '\t', '\n', '\u00a0', '-', '0', '’', 'ı', 'İ', 'ß', 'Σ', 'ς', 'ї', 'Ї', 'e\u0301', '\u0301', '😀', 'ﬁ');
const text = fc.string({ unit, maxLength: 12 });
const row = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'e', '-', '0', 'B'), maxLength: 6 }), text, fc.integer({ min: 0, max: 3 }));

describe('searchColumns', () => {
  test('finds the query in titles ignoring case, accents and runs of white space, in index order', () => {
    const prepared = prepareSearch(sample);
    expect(titlesOf(searchColumns(prepared, { q: 'antonio', lanes: null, limit: 10 }))).toEqual(['António Guterres calls for talks']);
    expect(titlesOf(searchColumns(prepared, { q: 'shelling near kyiv', lanes: null, limit: 10 }))).toEqual(['Shelling  near KYIV']);
    expect(titlesOf(searchColumns(prepared, { q: 'ХАРКІВ', lanes: null, limit: 10 }))).toEqual(['Харків обстріляли']);
    expect(titlesOf(searchColumns(prepared, { q: 'lviv’s', lanes: null, limit: 10 }))).toEqual(['Aid convoy leaves Lviv’s station']);
  });

  test('finds the query in ids too, and never across a title and its id', () => {
    const prepared = prepareSearch(sample);
    expect(searchColumns(prepared, { q: 'convoy-lviv', lanes: null, limit: 10 }).hits.map((h) => h.id)).toEqual(['aid-convoy-lviv']);
    expect(searchColumns(prepared, { q: 'talks guterres', lanes: null, limit: 10 }).total).toBe(0);
  });

  test('counts every match but returns only the first `limit`, with each hit’s day, lane and chunk', () => {
    const prepared = prepareSearch(sample);
    const answer = searchColumns(prepared, { q: 'i', lanes: null, limit: 2 });
    expect(answer.total).toBe(4);
    expect(answer.hits).toEqual([
      { id: 'guterres-calls-for-talks', day: '2022-03-01', lane: 1, chunk: 0, title: 'António Guterres calls for talks' },
      { id: 'shelling-near-kyiv', day: '2022-03-02', lane: 0, chunk: 0, title: 'Shelling  near KYIV' },
    ]);
  });

  test('keeps to the lanes asked for; an empty query matches every event of them', () => {
    const prepared = prepareSearch(sample);
    expect(searchColumns(prepared, { q: '', lanes: [0], limit: 10 }).hits.map((h) => h.id)).toEqual(['shelling-near-kyiv', 'kharkiv-shelled']);
    expect(searchColumns(prepared, { q: 'shell', lanes: [1, 2], limit: 10 }).total).toBe(0);
    expect(searchColumns(prepared, { q: '', lanes: [], limit: 10 }).total).toBe(0);
    expect(searchColumns(prepared, { q: '  ', lanes: null, limit: 0 })).toEqual({ total: 4, hits: [] });
  });

  test('answers as the naive search does, for any rows, query, lanes and limit', () => {
    fc.assert(fc.property(
      fc.array(row, { maxLength: 14 }),
      fc.oneof(text, fc.nat(13).chain((i) => fc.tuple(fc.constant(i), fc.nat(12), fc.nat(6)))),
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 })),
      fc.nat(5), fc.integer({ min: 1, max: 5 }),
      (rows, query, lanes, limit, blockRows) => {
        const columns = columnsOf(rows);
        // Half the queries are slices of a title, so that most of them match something.
        const q = typeof query === 'string' ? query : (rows[query[0] % Math.max(1, rows.length)]?.[1] ?? '').slice(query[1], query[1] + query[2]);
        const asked = { q, lanes, limit };
        expect(searchColumns(prepareSearch(columns, blockRows), asked)).toEqual(naiveSearch(columns, asked));
      },
    ), { numRuns: 400 });
  });

  test('finds a query that every id of a block begins with in every row of it', () => {
    const columns = columnsOf(Array.from({ length: 9 }, (_, i) => [i < 6 ? `ev-00${i}` : `other-${i}`, `Title ${i}`, 0]));
    const prepared = prepareSearch(columns, 3);
    expect(prepared.blocks.map((b) => b.common)).toEqual(['ev-00', 'ev-00', 'other-']);
    expect(searchColumns(prepared, { q: 'V-0', lanes: null, limit: 0 }).total).toBe(6);
    expect(searchColumns(prepared, { q: 'er-', lanes: null, limit: 0 }).total).toBe(3);
  });

  test('gives the same answer scanned a block at a time', () => {
    const columns = columnsOf(Array.from({ length: 23 }, (_, i) => [`ev-${i}`, i % 3 ? `Talks, round ${i}` : `Shelling ${i}`, i % 4]));
    const prepared = prepareSearch(columns, 4);
    const scan = beginSearch({ q: 'talks', lanes: [1, 2, 3], limit: 5 });
    let steps = 0;
    while (!continueSearch(prepared, scan, 1)) steps++;
    expect(steps).toBe(5);
    expect({ total: scan.total, hits: scan.hits }).toEqual(searchColumns(prepareSearch(columns), { q: 'talks', lanes: [1, 2, 3], limit: 5 }));
  });
});

describe('foldTitle', () => {
  test('folds as foldQuery does, for any text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary' }), fc.string()), (t) => {
      expect(foldTitle(t)).toBe(foldQuery(t));
    }), { numRuns: 200 });
  });
});

describe('locateEvent', () => {
  test('gives an event’s day and chunk, or null for an id the index lacks', () => {
    expect(locateEvent(sample, 'aid-convoy-lviv')).toEqual({ day: '2022-03-03', chunk: 1 });
    expect(locateEvent(sample, 'aid-convoy')).toBeNull();
  });
});
