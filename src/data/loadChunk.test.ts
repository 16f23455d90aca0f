import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { quarter } from '../../tests/fixtures/datasets.ts';
import { splitDataset } from '../../pipeline/splitDataset.ts';
import { loadChunk } from './loadChunk.ts';

// A real archive of a fixture dataset, split as the build splits it: chunks of about 5 events.
const dataset = quarter();
const { index, chunks } = splitDataset(dataset, { chunkEvents: 5 });
const lanes = index.density.lanes;
const bodies = new Map(chunks.map((c) => [c.file, c.text]));

/** Serves the archive's chunks, with `change` applied to the text of the file it names. */
function serve(change: (file: string, text: string) => string = (_, t) => t) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const text = bodies.get(url);
    return text === undefined ? new Response('Not Found', { status: 404 }) : new Response(change(url, text), { headers: { 'content-type': 'application/json' } });
  }));
}

beforeEach(() => vi.stubGlobal('navigator', { onLine: true }));
afterEach(() => vi.unstubAllGlobals());

describe('loadChunk', () => {
  test('loads each chunk of a real archive: its events, in order, and the articles they quote', async () => {
    serve();
    expect(index.chunks.length).toBeGreaterThan(1);
    const loaded = [];
    for (const [n, info] of index.chunks.entries()) {
      const chunk = await loadChunk(n, info, lanes);
      if (!('events' in chunk)) throw new Error(chunk.problem);
      loaded.push(...chunk.events.map((e) => e.id));
      for (const e of chunk.events) for (const q of e.quotes) expect(chunk.articles.some((a) => a.id === q.article)).toBe(true);
    }
    expect(loaded).toEqual(dataset.events.map((e) => e.id));
  });

  test('a chunk whose bytes are not those the index lists is refused, naming its days and file', async () => {
    // Same length, one character changed: only the hash can tell.
    serve((_, t) => t.replace('"version":2', '"version":3'));
    const result = await loadChunk(0, index.chunks[0]!, lanes);
    expect(result).toEqual({ ok: false, kind: 'invalid', problem: expect.stringMatching(/^The events of .+ \(data\/chunks\/0000-[0-9a-f]{10}\.json\) do not fit the expected format: its contents are not those the index lists/) });
  });

  test('a chunk of another size is refused before it is parsed', async () => {
    serve((_, t) => `${t}   `);
    expect(await loadChunk(0, index.chunks[0]!, lanes)).toMatchObject({ ok: false, kind: 'invalid', problem: expect.stringMatching(/the index says \d+ bytes, the server sent \d+/) });
  });

  test('a missing chunk is an HTTP problem that names the file', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 404, statusText: 'Not Found' })));
    expect(await loadChunk(1, index.chunks[1]!, lanes)).toMatchObject({ ok: false, kind: 'http', problem: expect.stringMatching(/chunks\/0001-.*answered 404 Not Found/) });
  });
});
