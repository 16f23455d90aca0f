/**
 * What the search worker does with each message (searchWorker.ts binds it to the worker; the page
 * runs it itself when it has no Worker): loads and checks the search index, folds it once, then
 * answers searches and locates. The latest search wins: a scan stops between slices when a newer
 * one has come, and only the newest is answered. The host passes in what touches the outside
 * (fetch, posting, yielding, the clock), so that tests run it in Node.
 */
import { checkSearchIndex } from './checkSearchIndex.ts';
import {
  beginSearch, continueSearch, countBlocks, foldBlock, locateEvent, pickPairBits,
  type PreparedSearch, type SearchBlock, type SearchHit,
} from './searchColumns.ts';

export type SearchRequest =
  | { type: 'load'; url: string }
  | { type: 'search'; seq: number; q: string; lanes: number[] | null; limit: number }
  | { type: 'locate'; seq: number; id: string };

/** Milliseconds each step of loading took: download (to text), JSON.parse, check, fold. */
export type LoadTimes = { fetch: number; parse: number; check: number; fold: number };

export type SearchReply =
  | { type: 'loaded'; events: number; ms: LoadTimes }
  | { type: 'result'; seq: number; total: number; hits: SearchHit[]; ms: number }
  | { type: 'located'; seq: number; at: { day: string; chunk: number } | null }
  /** seq null: loading failed (every request waiting was answered with the same message). */
  | { type: 'error'; seq: number | null; message: string };

export type SearchHost = {
  fetch: (url: string) => Promise<Response>;
  post: (reply: SearchReply) => void;
  /** Resolves once the messages that came meanwhile have been handled. */
  yieldToEvents: () => Promise<void>;
  now: () => number;
  /** The origin the index must come from (the page's own). */
  origin: string;
  /** How long to work before yielding. */
  sliceMs: number;
};

/** The file as a reader knows it: from `data/` on, else its path. */
export function fileOf(url: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  const at = path.lastIndexOf('/data/');
  return at === -1 ? path : path.slice(at + 1);
}

/** A service that answers each request given to it through `host.post`. */
export function createSearchService(host: SearchHost): (request: SearchRequest) => void {
  let ready: Promise<PreparedSearch> | null = null;
  let latest: Extract<SearchRequest, { type: 'search' }> | null = null;
  let scanning = false;

  async function load(url: string): Promise<PreparedSearch> {
    const file = fileOf(url);
    const fail = (what: string) => new Error(`${file}: ${what}`);
    if (new URL(url).origin !== host.origin) throw fail(`not on this site (${host.origin}), so not loaded`);
    let t = host.now();
    let response: Response;
    try {
      response = await host.fetch(url);
    } catch (e) {
      throw fail(`could not be downloaded (${(e as Error).message})`);
    }
    if (!response.ok) throw fail(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const text = await response.text();
    const ms: LoadTimes = { fetch: host.now() - t, parse: 0, check: 0, fold: 0 };
    t = host.now();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw fail(`not JSON (${(e as Error).message})`);
    }
    ms.parse = host.now() - t;
    t = host.now();
    const checked = checkSearchIndex(json);
    if (!checked.ok) throw fail(`not a search index of this version: ${checked.problem}`);
    ms.check = host.now() - t;
    t = host.now();
    const { version: _, ...columns } = checked.index;
    const pairs = pickPairBits(columns);
    const blocks: SearchBlock[] = [];
    let slice = host.now();
    for (let b = 0; b < countBlocks(columns); b++) {
      blocks.push(foldBlock(columns, pairs, b));
      if (host.now() - slice > host.sliceMs) {
        await host.yieldToEvents();
        slice = host.now();
      }
    }
    ms.fold = host.now() - t;
    host.post({ type: 'loaded', events: columns.ids.length, ms });
    return { columns, pairs, blocks };
  }

  /** Answers the latest search, then any newer one, until none waits. */
  async function scan(prepared: PreparedSearch): Promise<void> {
    scanning = true;
    try {
      while (latest) {
        const request = latest;
        latest = null;
        const started = host.now();
        const state = beginSearch(prepared, request);
        let slice = started;
        let done = false;
        while (!done && !latest) {
          done = continueSearch(prepared, state, 1);
          if (!done && host.now() - slice > host.sliceMs) {
            await host.yieldToEvents();
            slice = host.now();
          }
        }
        if (done) host.post({ type: 'result', seq: request.seq, total: state.total, hits: state.hits, ms: host.now() - started });
      }
    } finally {
      scanning = false;
    }
  }

  function whenReady(seq: number, then: (prepared: PreparedSearch) => void): void {
    if (!ready) {
      host.post({ type: 'error', seq, message: 'The search index was never asked for (no load message came first).' });
      return;
    }
    ready.then(then, (e: Error) => host.post({ type: 'error', seq, message: e.message }));
  }

  return (request) => {
    switch (request.type) {
      case 'load':
        if (ready) return; // one index per service: a new one is a new worker
        ready = load(request.url);
        ready.catch((e: Error) => host.post({ type: 'error', seq: null, message: e.message }));
        return;
      case 'search':
        latest = request;
        whenReady(request.seq, (prepared) => {
          // Only the newest search is answered: an older one waiting for the index is dropped.
          if (!scanning && latest?.seq === request.seq) void scan(prepared);
        });
        return;
      case 'locate':
        whenReady(request.seq, (prepared) => host.post({ type: 'located', seq: request.seq, at: locateEvent(prepared.columns, request.id) }));
        return;
    }
  };
}
