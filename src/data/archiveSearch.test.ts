import { describe, expect, test, vi } from 'vitest';
import type { SearchIndex } from './archiveSchema.ts';
import { createSearchService, type SearchReply, type SearchRequest } from '../features/search/searchService.ts';
import { createArchiveSearch, type ConnectSearch } from './archiveSearch.ts';

const BASE = 'https://archive.test/timeline/';
const index: SearchIndex = {
  version: 2,
  ids: ['talks-open', 'shelling-kyiv', 'talks-resume'],
  days: ['2022-02-28', '2022-03-01', '2022-03-03'],
  lanes: [1, 0, 1],
  chunks: [0, 0, 1],
  titles: ['Talks open in Belarus', 'Shelling near Kyiv', 'Talks resume'],
};

/**
 * A connection to the real service on this thread, serving `bodies` in turn to each fetch (the
 * last one again after that), and recording what the client sent and how often it connected.
 */
function connectTo(...bodies: Array<{ status?: number; body: string }>) {
  const sent: SearchRequest[] = [];
  const fetched: string[] = [];
  let connections = 0;
  const connect: ConnectSearch = async (onReply) => {
    connections++;
    let open = true;
    const handle = createSearchService({
      fetch: async (url) => {
        fetched.push(url);
        const { status = 200, body } = bodies[Math.min(fetched.length - 1, bodies.length - 1)]!;
        return new Response(body, { status });
      },
      post: (reply: SearchReply) => queueMicrotask(() => { if (open) onReply(reply); }),
      yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
      now: () => performance.now(),
      origin: 'https://archive.test',
      sliceMs: 8,
    });
    return { post: (request) => { sent.push(request); handle(request); }, close: () => { open = false; } };
  };
  return { connect, sent, fetched, connections: () => connections };
}

describe('createArchiveSearch', () => {
  test('starts nothing until the first call, then loads the index from the page’s folder and searches it', async () => {
    const service = connectTo({ body: JSON.stringify(index) });
    const onLoaded = vi.fn();
    const search = createArchiveSearch('data/search-abc.json', { connect: service.connect, base: BASE, onLoaded });
    expect(service.connections()).toBe(0);
    await expect(search.search('TALKS', [1])).resolves.toMatchObject({
      stale: false, total: 2,
      hits: [
        { id: 'talks-open', day: '2022-02-28', lane: 1, chunk: 0, title: 'Talks open in Belarus' },
        { id: 'talks-resume', day: '2022-03-03', lane: 1, chunk: 1, title: 'Talks resume' },
      ],
    });
    expect(service.sent[0]).toEqual({ type: 'load', url: 'https://archive.test/timeline/data/search-abc.json' });
    expect(onLoaded).toHaveBeenCalledWith({ events: 3, ms: expect.objectContaining({ fold: expect.any(Number) }) });
    await expect(search.search('talks', null, 1)).resolves.toMatchObject({ total: 2, hits: [{ id: 'talks-open' }] });
    expect(service.connections()).toBe(1);
  });

  test('resolves a search overtaken by a newer one as stale, and answers the newer one', async () => {
    const search = createArchiveSearch('data/search.json', { connect: connectTo({ body: JSON.stringify(index) }).connect, base: BASE });
    const first = search.search('talks', null);
    const second = search.search('kyiv', null);
    await expect(first).resolves.toEqual({ stale: true });
    await expect(second).resolves.toMatchObject({ stale: false, total: 1 });
  });

  test('locates an event, or says null', async () => {
    const search = createArchiveSearch('data/search.json', { connect: connectTo({ body: JSON.stringify(index) }).connect, base: BASE });
    await expect(search.locate('talks-resume')).resolves.toEqual({ day: '2022-03-03', chunk: 1 });
    await expect(search.locate('nowhere')).resolves.toBeNull();
  });

  test('rejects with the file and what went wrong, and a later call tries again from the start', async () => {
    const service = connectTo({ status: 503, body: 'Busy' }, { body: JSON.stringify(index) });
    const search = createArchiveSearch('data/search.json', { connect: service.connect, base: BASE });
    await expect(search.search('talks', null)).rejects.toThrow('data/search.json: the server answered HTTP 503');
    await expect(search.search('talks', null)).resolves.toMatchObject({ total: 2 });
    expect(service.connections()).toBe(2);
    expect(service.fetched).toHaveLength(2);
  });

  test('rejects every request waiting when the service cannot start', async () => {
    const search = createArchiveSearch('data/search.json', { connect: () => Promise.reject(new Error('chunk missing')), base: BASE });
    const located = search.locate('talks-open');
    await expect(search.search('talks', null)).rejects.toThrow('The search could not start: chunk missing');
    await expect(located).rejects.toThrow('The search could not start: chunk missing');
  });

  test('rejects every request waiting when the worker stops, and starts a new one on the next call', async () => {
    const failures: Array<(message: string) => void> = [];
    const connect: ConnectSearch = async (_onReply, onFailure) => {
      failures.push(onFailure);
      return { post: () => {}, close: () => {} };
    };
    const search = createArchiveSearch('data/search.json', { connect, base: BASE });
    const pending = search.search('talks', null);
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    failures[0]!('The search worker stopped: its script could not be loaded.');
    await expect(pending).rejects.toThrow('its script could not be loaded');
    let settled = false;
    search.search('talks', null).then(() => { settled = true; }, () => { settled = true; });
    await vi.waitFor(() => expect(failures).toHaveLength(2));
    // The first worker's late failure is no news for the second one's request.
    failures[0]!('late');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
  });

  test('on dispose, a waiting search resolves as stale and a waiting locate rejects with an AbortError; later calls reject', async () => {
    const search = createArchiveSearch('data/search.json', { connect: connectTo({ body: JSON.stringify(index) }).connect, base: BASE });
    const pending = search.search('talks', null);
    const located = search.locate('talks-open');
    search.dispose();
    await expect(pending).resolves.toEqual({ stale: true });
    await expect(located).rejects.toMatchObject({ name: 'AbortError' });
    await expect(search.search('talks', null)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
