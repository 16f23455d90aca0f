/**
 * A page for the browser test and bench of the archive search (never in the app's build): built
 * with the app's own Vite config, so it carries the same Content-Security-Policy and the worker is
 * bundled as in the app, and it gives the test the client, and the results list with the app's
 * styles, through `window.probe`.
 */
import { createRoot } from 'react-dom/client';
import { createArchiveSearch, type ArchiveSearch } from '../../../src/data/archiveSearch.ts';
import { ArchiveSearchResults, type ArchiveSearchResultsProps } from '../../../src/features/search/ArchiveSearchResults.tsx';
import '../../../src/styles/tokens.css';
import '../../../src/styles/base.css';

let search: ArchiveSearch | null = null;
let loaded: unknown = null;
const root = createRoot(document.getElementById('results')!);

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
  /** Draws the results list; a hit opened is written to the body's data-opened. */
  showResults(props: Omit<ArchiveSearchResultsProps, 'onOpen' | 'onRetry'>): void {
    root.render(<ArchiveSearchResults {...props} onOpen={(hit) => { document.body.dataset.opened = hit.id; }} onRetry={() => {}} />);
  },
};

(window as unknown as { probe: typeof probe }).probe = probe;
document.body.dataset.ready = 'true';
