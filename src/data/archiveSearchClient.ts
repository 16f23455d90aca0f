/**
 * The archive search client (archiveSearch.ts loads it on the first call, in a chunk of its own
 * with the code that starts the worker): talks to the search service in the worker, or on this
 * thread when there is no Worker, keeps the newest search only, and names every failure.
 */
import type { SearchReply, SearchRequest } from '../features/search/searchService.ts';
import { startSearchWorker } from '../features/search/startSearchWorker.ts';
import type { ArchiveSearch, ArchiveSearchOptions, ConnectSearch, EventPlace, SearchPort, SearchResult } from './archiveSearch.ts';

const DEFAULT_LIMIT = 200;

/** The client of the search index at `searchUrl` (relative to the page); nothing starts before the first call. */
export function createArchiveSearchClient(searchUrl: string, options: ArchiveSearchOptions = {}): ArchiveSearch {
  const { connect = connectDefault, onLoaded } = options;
  // Absolute: a worker resolves a relative URL against its own script, not the page.
  const url = new URL(searchUrl, options.base ?? document.baseURI).href;
  let seq = 0;
  let disposed = false;
  let port: Promise<SearchPort> | null = null;
  let searching: { seq: number; resolve: (r: SearchResult) => void; reject: (e: Error) => void } | null = null;
  const locating = new Map<number, { resolve: (p: EventPlace | null) => void; reject: (e: Error) => void }>();

  function failAll(error: Error): void {
    searching?.reject(error);
    searching = null;
    for (const { reject } of locating.values()) reject(error);
    locating.clear();
  }

  /** Drops the connection after a failure, so that the next call starts a new one. */
  function fail(message: string): void {
    const broken = port;
    port = null;
    void broken?.then((p) => p.close(), () => {});
    failAll(new Error(message));
  }

  function onReply(reply: SearchReply): void {
    switch (reply.type) {
      case 'loaded':
        onLoaded?.({ events: reply.events, ms: reply.ms });
        return;
      case 'result':
        if (searching?.seq !== reply.seq) return; // overtaken, already resolved as stale
        searching.resolve({ stale: false, total: reply.total, hits: reply.hits, ms: reply.ms });
        searching = null;
        return;
      case 'located':
        locating.get(reply.seq)?.resolve(reply.at);
        locating.delete(reply.seq);
        return;
      case 'error':
        if (reply.seq === null) return fail(reply.message);
        if (searching?.seq === reply.seq) {
          searching.reject(new Error(reply.message));
          searching = null;
        }
        locating.get(reply.seq)?.reject(new Error(reply.message));
        locating.delete(reply.seq);
    }
  }

  function send(request: SearchRequest): void {
    if (!port) {
      // A failure of a connection already given up (after an earlier failure or a dispose) is no news.
      const connecting: Promise<SearchPort> = connect(onReply, (message) => { if (port === connecting) fail(message); });
      connecting.then((p) => p.post({ type: 'load', url }), (e: Error) => {
        if (port === connecting) fail(`The search could not start: ${e.message}`);
      });
      port = connecting;
    }
    port.then((p) => p.post(request), () => {});
  }

  return {
    search(q, lanes, limit = DEFAULT_LIMIT) {
      if (disposed) return Promise.reject(new DOMException('The archive search was disposed.', 'AbortError'));
      searching?.resolve({ stale: true });
      const mine = ++seq;
      return new Promise((resolve, reject) => {
        searching = { seq: mine, resolve, reject };
        send({ type: 'search', seq: mine, q, lanes: lanes ? [...lanes] : null, limit });
      });
    },
    locate(id) {
      if (disposed) return Promise.reject(new DOMException('The archive search was disposed.', 'AbortError'));
      const mine = ++seq;
      return new Promise((resolve, reject) => {
        locating.set(mine, { resolve, reject });
        send({ type: 'locate', seq: mine, id });
      });
    },
    dispose() {
      disposed = true;
      void port?.then((p) => p.close(), () => {});
      port = null;
      searching?.resolve({ stale: true });
      searching = null;
      for (const { reject } of locating.values()) reject(new DOMException('The archive search was disposed.', 'AbortError'));
      locating.clear();
    },
  };
}

/** The worker where there is one; else the service on this thread (its code loads only then). */
const connectDefault: ConnectSearch = async (onReply, onFailure) => {
  if (typeof Worker !== 'undefined') {
    const worker = startSearchWorker();
    worker.onmessage = (event: MessageEvent<SearchReply>) => onReply(event.data);
    // A worker whose script cannot load or run says so only by an error event.
    worker.onerror = (event) => {
      event.preventDefault();
      onFailure(`The search worker stopped: ${event.message || 'its script could not be loaded'}.`);
    };
    worker.onmessageerror = () => onFailure('The search worker sent a message that could not be read.');
    return { post: (request) => worker.postMessage(request), close: () => worker.terminate() };
  }
  return connectInPage(onReply);
};

/** The service on the page's own thread, in slices of 8 ms with a task between them. */
export async function connectInPage(onReply: (reply: SearchReply) => void): Promise<SearchPort> {
  const { createSearchService } = await import('../features/search/searchService.ts');
  let open = true;
  const handle = createSearchService({
    fetch: (u) => fetch(u),
    post: (reply) => queueMicrotask(() => { if (open) onReply(reply); }),
    yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
    origin: new URL(document.baseURI).origin,
    sliceMs: 8,
  });
  return { post: (request) => { if (open) handle(request); }, close: () => { open = false; } };
}
