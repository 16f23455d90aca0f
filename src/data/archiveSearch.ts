/**
 * The page's side of the archive search: a search index too large for the page
 * (`data/search-….json`, archiveSchema.ts) is loaded, folded and searched in a Web Worker
 * (features/search/searchWorker.ts), started on the first search, so that a keystroke never waits
 * for a scan. Without Worker the same service runs on this thread, a few milliseconds at a time.
 *
 * A search overtaken by a newer one resolves as `{ stale: true }` (it never rejects for that):
 * only the newest answer is worth drawing. Failures reject with an Error whose message names the
 * file and what went wrong; the next call starts afresh, so a retry is just calling again.
 *
 * This module is only the front: the client (archiveSearchClient.ts) loads on the first call, so
 * that the first view carries a few hundred bytes of it.
 */
import type { SearchHit } from '../features/search/searchColumns.ts';
import type { LoadTimes, SearchReply, SearchRequest } from '../features/search/searchService.ts';

export type { SearchHit };
export type SearchResult = { stale: false; total: number; hits: SearchHit[]; ms: number } | { stale: true };
export type EventPlace = { day: string; chunk: number };
export type ArchiveSearch = {
  /** The first `limit` (default 200) events, in date order, whose title or id holds `q`, in `lanes` (null: all), and how many match in all. */
  search(q: string, lanes: readonly number[] | null, limit?: number): Promise<SearchResult>;
  /** An event's day and chunk, or null when the archive has no such id. */
  locate(id: string): Promise<EventPlace | null>;
  /** Stops the worker; what is still waiting resolves as stale (searches) or rejects with an AbortError (locates, and any later call). */
  dispose(): void;
};

/** A connection to a search service: post requests, replies come to the `onReply` it was made with. */
export type SearchPort = { post(request: SearchRequest): void; close(): void };
export type ConnectSearch = (onReply: (reply: SearchReply) => void, onFailure: (message: string) => void) => Promise<SearchPort>;

export type ArchiveSearchOptions = {
  /** How to reach the service (default: a worker, else this thread). */
  connect?: ConnectSearch;
  /** What `searchUrl` is relative to (default: the page's base URL). */
  base?: string;
  /** Told once the index is loaded: how many events, and how long each step took. */
  onLoaded?: (info: { events: number; ms: LoadTimes }) => void;
};

/** A search of the archive's search index at `searchUrl` (relative to the page); nothing loads or starts before the first call. */
export function createArchiveSearch(searchUrl: string, options: ArchiveSearchOptions = {}): ArchiveSearch {
  let client: Promise<ArchiveSearch> | null = null;
  let disposed = false;
  // Calls wait for the same promise, so they reach the client in the order they were made; a
  // failed download of the client is forgotten, so that the next call tries again.
  const get = () => (client ??= import('./archiveSearchClient.ts').then(
    (m) => m.createArchiveSearchClient(searchUrl, options),
    (e: Error) => {
      client = null;
      throw new Error(`The search could not start: ${e.message}`);
    },
  ));
  const aborted = () => Promise.reject(new DOMException('The archive search was disposed.', 'AbortError'));
  return {
    search: (q, lanes, limit) => (disposed ? aborted() : get().then((c) => c.search(q, lanes, limit))),
    locate: (id) => (disposed ? aborted() : get().then((c) => c.locate(id))),
    dispose() {
      disposed = true;
      void client?.then((c) => c.dispose(), () => {});
    },
  };
}
