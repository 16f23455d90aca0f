import { useCallback, useEffect, useState } from 'react';
import { loadDataset, type LoadProblemKind } from '../data/loadDataset.ts';
import { indexDataset, type DatasetIndex } from '../data/indexDataset.ts';
import { configureCategories } from '../lib/categories.ts';
import type { ArchiveStore } from '../data/archiveStore.ts';

export type DatasetState =
  | { status: 'loading' }
  | { status: 'error'; problem: string; kind: LoadProblemKind }
  | { status: 'ready'; index: DatasetIndex; archive?: undefined }
  /** An archive (version 2): its index is loaded; the store loads the chunks the reader looks at. */
  | { status: 'ready'; archive: ArchiveStore; index?: undefined };

/** Loads the dataset once (again on `retry`) and indexes it; keeps the page in step with the request. */
export function useDataset(): DatasetState & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DatasetState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let store: ArchiveStore | null = null;
    // loadDataset gives up by itself after LOAD_TIMEOUT_MS, so "Loading…" never stays forever.
    loadDataset(undefined, controller.signal).then(async (result) => {
      if (controller.signal.aborted) return;
      if (result.ok && result.archive) {
        // The archive's code loads only for an archive.
        const { ArchiveStore } = await import('../data/archiveStore.ts');
        if (controller.signal.aborted) return;
        configureCategories(result.archive.categories);
        store = new ArchiveStore(result.archive);
        setState({ status: 'ready', archive: store });
      } else if (result.ok) {
        configureCategories(result.dataset.categories);
        setState({ status: 'ready', index: indexDataset(result.dataset) });
      } else {
        // One console error, not a stack of them: the page itself says the rest.
        console.error(`Timeline: ${result.problem}`);
        setState({ status: 'error', problem: result.problem, kind: result.kind });
      }
    });
    return () => {
      controller.abort();
      store?.dispose();
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, retry };
}
