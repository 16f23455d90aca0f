import { describe, expect, test } from 'vitest';
import type { SearchIndex } from '../../data/archiveSchema.ts';
import { createSearchService, fileOf, type SearchReply, type SearchRequest } from './searchService.ts';

const ORIGIN = 'https://archive.test';
const URL_OK = `${ORIGIN}/timeline/data/search-0123abcd.json`;

/** A search index of `n` events titled "Talks, round i" (every third "Shelling near Kyiv i"). */
function indexOf(n: number): SearchIndex {
  const rows = Array.from({ length: n }, (_, i) => i);
  return {
    version: 2,
    ids: rows.map((i) => `ev-${i}`),
    days: rows.map((i) => `2022-03-${String(1 + (i % 28)).padStart(2, '0')}`),
    lanes: rows.map((i) => i % 4),
    chunks: rows.map((i) => Math.floor(i / 10)),
    titles: rows.map((i) => (i % 3 === 0 ? `Shelling near Kyiv ${i}` : `Talks, round ${i}`)),
  };
}

type Served = { status?: number; body: string } | Error;

/**
 * A service whose fetch serves `served`, with a clock that moves 1 ms a call (so every few blocks
 * a slice ends and it yields). Returns the handler and the replies so far.
 */
function serviceWith(served: Served) {
  const replies: SearchReply[] = [];
  let clock = 0;
  const handle = createSearchService({
    fetch: async () => {
      if (served instanceof Error) throw served;
      return new Response(served.body, { status: served.status ?? 200 });
    },
    post: (reply) => replies.push(reply),
    yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => clock++,
    origin: ORIGIN,
    sliceMs: 3,
  });
  /** Sends the requests, then waits until a reply of `type` has come for `seq` (or a load error). */
  const until = async (done: (r: SearchReply) => boolean) => {
    while (!replies.some(done)) await new Promise((resolve) => setTimeout(resolve, 0));
    return replies;
  };
  return { handle: (...requests: SearchRequest[]) => requests.forEach(handle), replies, until };
}

const search = (seq: number, q: string, lanes: number[] | null = null, limit = 3): SearchRequest => ({ type: 'search', seq, q, lanes, limit });

describe('the search service', () => {
  test('loads the index, says how large it is, and answers a search with the first hits and the total', async () => {
    const { handle, until } = serviceWith({ body: JSON.stringify(indexOf(30_000)) });
    handle({ type: 'load', url: URL_OK }, search(1, 'KYIV 2', [0, 2], 2));
    const replies = await until((r) => r.type === 'result');
    expect(replies[0]).toMatchObject({ type: 'loaded', events: 30_000 });
    expect(replies[1]).toMatchObject({
      // Every sixth row (a third are Kyiv, lanes 0 and 2 are the even rows) whose number starts with 2.
      type: 'result', seq: 1, total: 1849,
      hits: [
        { id: 'ev-24', day: '2022-03-25', lane: 0, chunk: 2, title: 'Shelling near Kyiv 24' },
        { id: 'ev-204', day: '2022-03-09', lane: 0, chunk: 20, title: 'Shelling near Kyiv 204' },
      ],
    });
  });

  test('answers only the latest of searches sent together, and a search under way gives way to a newer one', async () => {
    const { handle, replies, until } = serviceWith({ body: JSON.stringify(indexOf(60_000)) });
    handle({ type: 'load', url: URL_OK }, search(1, 'talks'), search(2, 'kyiv'));
    await until((r) => r.type === 'result');
    // The scan of 3 has begun (a slice is a few of its blocks) when 4 comes: only 4 is answered.
    handle(search(3, 'round'));
    await Promise.resolve();
    handle(search(4, 'round 59999'));
    await until((r) => r.type === 'result' && r.seq === 4);
    expect(replies.filter((r) => r.type === 'result').map((r) => r.type === 'result' && [r.seq, r.total])).toEqual([[2, 20_000], [4, 1]]);
  });

  test('locates an event by id, and says null for an id it lacks', async () => {
    const { handle, replies, until } = serviceWith({ body: JSON.stringify(indexOf(40)) });
    handle({ type: 'load', url: URL_OK }, { type: 'locate', seq: 1, id: 'ev-25' }, { type: 'locate', seq: 2, id: 'ev-99' });
    await until((r) => r.type === 'located' && r.seq === 2);
    expect(replies.filter((r) => r.type === 'located')).toEqual([
      { type: 'located', seq: 1, at: { day: '2022-03-26', chunk: 2 } },
      { type: 'located', seq: 2, at: null },
    ]);
  });

  test.each<[string, Served, string]>([
    ['an HTTP error', { status: 404, body: 'Not found' }, 'data/search-0123abcd.json: the server answered HTTP 404'],
    ['a network failure', new TypeError('Failed to fetch'), 'data/search-0123abcd.json: could not be downloaded (Failed to fetch)'],
    ['a body that is not JSON', { body: '<!doctype html><title>Not found</title>' }, 'data/search-0123abcd.json: not JSON ('],
    ['another version', { body: JSON.stringify({ ...indexOf(2), version: 1 }) }, 'data/search-0123abcd.json: not a search index of this version: version: expected 2, got 1'],
    ['columns of different lengths', { body: JSON.stringify({ ...indexOf(2), titles: ['One'] }) }, 'titles: expected 2 entries (one per id), got 1'],
  ])('names the file and what went wrong on %s, to the load and to every request waiting', async (_, served, message) => {
    const { handle, replies, until } = serviceWith(served);
    handle({ type: 'load', url: URL_OK }, search(1, 'talks'), { type: 'locate', seq: 2, id: 'ev-1' });
    await until((r) => r.type === 'error' && r.seq === 2);
    const errors = replies.filter((r) => r.type === 'error');
    expect(errors.map((r) => r.seq)).toEqual([null, 1, 2]);
    for (const error of errors) expect(error.message).toContain(message);
  });

  test('loads nothing from another site', async () => {
    const { handle, replies, until } = serviceWith({ body: JSON.stringify(indexOf(2)) });
    handle({ type: 'load', url: 'https://elsewhere.test/data/search.json' });
    await until((r) => r.type === 'error');
    expect(replies).toEqual([{ type: 'error', seq: null, message: `data/search.json: not on this site (${ORIGIN}), so not loaded` }]);
  });

  test('says so when asked to search before any load', () => {
    const { handle, replies } = serviceWith({ body: '{}' });
    handle(search(7, 'talks'));
    expect(replies).toEqual([{ type: 'error', seq: 7, message: 'The search index was never asked for (no load message came first).' }]);
  });
});

describe('fileOf', () => {
  test('names a file from data/ on, under any sub-path', () => {
    expect(fileOf('https://a.test/timeline/data/search-1.json')).toBe('data/search-1.json');
    expect(fileOf('https://a.test/other/search.json')).toBe('/other/search.json');
  });
});
