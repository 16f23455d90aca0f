/**
 * A page for the browser test and bench of the archive search (never in the app's build): built
 * with the app's own Vite config, so it carries the same Content-Security-Policy and the worker is
 * bundled as in the app, and it gives the test the client through `window.probe`.
 */
import { createArchiveSearch, type ArchiveSearch } from '../../../src/data/archiveSearch.ts';

let search: ArchiveSearch | null = null;
let loaded: unknown = null;

const probe = {
  /** A new client of the index at `url` (relative to this page). */
  open(url: string): void {
    search?.dispose();
    loaded = null;
    search = createArchiveSearch(url, { onLoaded: (info) => { loaded = info; } });
  },
  search: (q: string, lanes: number[] | null, limit?: number) => search!.search(q, lanes, limit),
  locate: (id: string) => search!.locate(id),
  loaded: () => loaded,
  /** Tries to start `url` as a worker through the page's one Trusted Types policy: 'started', or the error. */
  async startWorker(url: string): Promise<string> {
    const { trustedWorkerUrl } = await import('../../../src/features/search/startSearchWorker.ts');
    try {
      new Worker(trustedWorkerUrl(new URL(url, document.baseURI).href), { type: 'module' }).terminate();
      return 'started';
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  },
};

(window as unknown as { probe: typeof probe }).probe = probe;
document.body.dataset.ready = 'true';
