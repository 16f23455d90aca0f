import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldQuery } from '../../lib/search/filterEvents.ts';
import {
  beginSearch, continueSearch, foldTitle, locateEvent, pickPairBits, prepareSearch, searchColumns,
  type SearchAnswer, type SearchColumns, type SearchQuery,
} from './searchColumns.ts';
import { EXACT_PAIRS } from './searchSignature.ts';

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

/** The oracle: every row in order, its title and id folded apart (once, for many queries), and `includes`. */
function naiveSearcher(columns: SearchColumns): (query: SearchQuery) => SearchAnswer {
  const titles = columns.titles.map(foldQuery);
  const ids = columns.ids.map(foldQuery);
  return ({ q, lanes, limit }) => {
    const folded = foldQuery(q);
    const rows = columns.ids.map((_, i) => i).filter((i) => (!lanes || lanes.includes(columns.lanes[i]!))
      && (titles[i]!.includes(folded) || ids[i]!.includes(folded)));
    return {
      total: rows.length,
      hits: rows.slice(0, limit).map((i) => ({ id: columns.ids[i]!, day: columns.days[i]!, lane: columns.lanes[i]!, chunk: columns.chunks[i]!, title: columns.titles[i]! })),
    };
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
      fc.oneof(
        text,
        // One character, folded to a letter, a digit, the hyphen or another character.
        fc.string({ unit, minLength: 1, maxLength: 1 }),
        // A slice of a title, so that most queries match something.
        fc.tuple(fc.constant('title' as const), fc.nat(13), fc.nat(12), fc.nat(6)),
        // The end of a title and the start of its id: no match may span the two.
        fc.tuple(fc.constant('across' as const), fc.nat(13), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      ),
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 })),
      fc.nat(5), fc.integer({ min: 1, max: 5 }),
      // How many pairs get a bit of their own, and whether they are counted in these rows or in others.
      fc.integer({ min: 0, max: EXACT_PAIRS }), fc.option(fc.array(row, { maxLength: 14 })),
      (rows, query, lanes, limit, blockRows, exactPairs, otherRows) => {
        const columns = columnsOf(rows);
        let q: string;
        if (typeof query === 'string') q = query;
        else {
          const [id, title] = rows[query[1] % Math.max(1, rows.length)] ?? ['', ''];
          q = query[0] === 'title' ? title.slice(query[2], query[2] + query[3]) : title.slice(-query[2]) + id.slice(0, query[3]);
        }
        const pairs = pickPairBits(otherRows ? columnsOf(otherRows) : columns, exactPairs);
        const asked = { q, lanes, limit };
        expect(searchColumns(prepareSearch(columns, blockRows, pairs), asked)).toEqual(naiveSearcher(columns)(asked));
      },
    ), { numRuns: 600 });
  });

  test('answers every pair as the naive search does when the data has more pairs than bits of their own', () => {
    // Letters of two scripts (pairs above 127 are looked up apart from the others), so that rows hold hundreds of pairs.
    const letter = fc.constantFrom(...'abcdefghijklmnop', ...'жщыэюяшц', ' ');
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.string({ unit: letter, minLength: 4, maxLength: 6 }), fc.string({ unit: letter, minLength: 20, maxLength: 40 }), fc.constant(0)), { minLength: 30, maxLength: 50 }),
      fc.integer({ min: 0, max: EXACT_PAIRS }), fc.integer({ min: 1, max: 64 }),
      (rows, exactPairs, blockRows) => {
        const columns = columnsOf(rows);
        const prepared = prepareSearch(columns, blockRows, pickPairBits(columns, exactPairs));
        const naiveSearch = naiveSearcher(columns);
        // Each pair of a title or an id, and the last letter of a title with the first of its id.
        const pairsOf = (t: string) => Array.from(t.slice(1), (c, i) => t[i] + c);
        const queries = new Set(rows.flatMap(([id, title]) => [...pairsOf(title), ...pairsOf(id), title.slice(-1) + id[0]]));
        for (const q of queries) {
          const asked = { q, lanes: null, limit: 3 };
          expect(searchColumns(prepared, asked), q).toEqual(naiveSearch(asked));
        }
      },
    ), { numRuns: 25 });
  });

  test('gives the most frequent pairs a bit of their own, so that a query of one of them is answered without includes', () => {
    // "er" is in every title; "ab" in one. Row 2's title ends in "e" and its id begins with "r".
    const columns = columnsOf([['x1', 'Water', 0], ['x2', 'Bergen ab', 0], ['rx', 'Tower here', 1], ['y3', 'the', 2]]);
    const prepared = prepareSearch(columns, 2, pickPairBits(columns, 3));
    expect(beginSearch(prepared, { q: 'ER', lanes: null, limit: 1 }).exact).toBe(true);
    expect(beginSearch(prepared, { q: 'ab', lanes: null, limit: 1 }).exact).toBe(false);
    expect(beginSearch(prepared, { q: 'ere', lanes: null, limit: 1 }).exact).toBe(false);
    expect(searchColumns(prepared, { q: 'er', lanes: null, limit: 10 }).hits.map((h) => h.id)).toEqual(['x1', 'x2', 'rx']);
    // "the" + "rx": the pair "er" spans the line between the title and the id, so does not count.
    expect(searchColumns(prepareSearch(columnsOf([['rx', 'the', 0], ['x1', 'ever', 0]]), 1, pickPairBits(columns, 3)), { q: 'er', lanes: null, limit: 10 }).total).toBe(1);
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
    const scan = beginSearch(prepared, { q: 'talks', lanes: [1, 2, 3], limit: 5 });
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
