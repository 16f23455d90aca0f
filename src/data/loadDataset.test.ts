import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { twoEventsSameDay } from '../../tests/fixtures/datasets.ts';
import { LOAD_TIMEOUT_MS, loadDataset } from './loadDataset.ts';

const good = JSON.stringify(twoEventsSameDay());

/** Answers every fetch with `body` (and `init`), or runs `impl`. */
function serve(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(impl));
}
const answer = (body: BodyInit, init: ResponseInit = {}) => serve(async () => new Response(body, { headers: { 'content-type': 'application/json' }, ...init }));

beforeEach(() => vi.stubGlobal('navigator', { onLine: true }));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('loadDataset', () => {
  test('loads a dataset that fits the contract', async () => {
    answer(good);
    const result = await loadDataset();
    expect(result.ok && result.dataset?.events).toHaveLength(2);
  });

  test('a request that never answers times out, and says so', async () => {
    vi.useFakeTimers();
    serve((_, init) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const pending = loadDataset();
    await vi.advanceTimersByTimeAsync(LOAD_TIMEOUT_MS);
    expect(await pending).toEqual({ ok: false, kind: 'timeout', problem: expect.stringMatching(/did not arrive within 15 seconds/) });
  });

  test('a body that stops before its end says it was cut off, not that it is not JSON', async () => {
    answer(good.slice(0, Math.floor(good.length / 2)));
    const result = await loadDataset();
    expect(result).toEqual({ ok: false, kind: 'cut-off', problem: expect.stringMatching(/cut off before its end/) });
    expect(!result.ok && result.problem).not.toMatch(/not valid JSON/);
  });

  test('fewer bytes than the server announced is cut off', async () => {
    answer(good.slice(0, 100), { headers: { 'content-type': 'application/json', 'content-length': String(good.length) } });
    expect(await loadDataset()).toMatchObject({ ok: false, kind: 'cut-off' });
  });

  test('a download that fails mid-way is cut off', async () => {
    serve(async () => new Response(new ReadableStream({
      start(c) { c.enqueue(new TextEncoder().encode(good.slice(0, 50))); c.error(new TypeError('network error')); },
    })));
    expect(await loadDataset()).toMatchObject({ ok: false, kind: 'cut-off' });
  });

  test('a web page instead of data is named as such', async () => {
    answer('<!doctype html><p>Not found</p>', { headers: { 'content-type': 'text/html' } });
    expect(await loadDataset()).toEqual({ ok: false, kind: 'not-json', problem: expect.stringMatching(/not valid JSON \(the server sent a web page instead\)/) });
  });

  test('a dataset without events is named as empty', async () => {
    answer(JSON.stringify({ ...twoEventsSameDay(), events: [] }));
    expect(await loadDataset()).toEqual({ ok: false, kind: 'empty', problem: expect.stringMatching(/has no events/) });
  });

  test('an empty file is named as empty', async () => {
    answer('');
    expect(await loadDataset()).toMatchObject({ ok: false, kind: 'empty' });
  });

  test('an unsupported version is named, with the version this page reads', async () => {
    answer(JSON.stringify({ ...twoEventsSameDay(), version: 3 }));
    expect(await loadDataset()).toEqual({ ok: false, kind: 'version', problem: expect.stringMatching(/version 3 of the data format; this page reads versions 1 and 2 only/) });
  });

  test('a version-2 file is an archive\'s index, checked against its own contract', async () => {
    answer(JSON.stringify({ ...twoEventsSameDay(), version: 2 }));
    expect(await loadDataset()).toEqual({ ok: false, kind: 'invalid', problem: expect.stringMatching(/does not fit the expected format at first: /) });
  });

  test('an HTTP error names the status', async () => {
    answer('gone', { status: 404, statusText: 'Not Found' });
    expect(await loadDataset()).toMatchObject({ ok: false, kind: 'http', problem: expect.stringContaining('404 Not Found') });
  });

  test('a cancel from the caller is a cancel, not a timeout', async () => {
    serve((_, init) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const controller = new AbortController();
    const pending = loadDataset(undefined, controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, kind: 'cancelled' });
  });
});
