import { useEffect, useState } from 'react';
import type { ArchiveStore } from '../../data/archiveStore.ts';
import type { SearchHit } from '../../data/archiveSearch.ts';
import type { Category } from '../../data/schema.ts';
import { ArchiveSearchResults } from '../search/ArchiveSearchResults.tsx';

type Found = { query: string; total: number; hits: readonly SearchHit[] };

/**
 * A search across the whole archive, in the search worker: the events whose title (or id) holds
 * the query, in the lanes the filters show, the newest answer drawn. Opening a hit is the viewer's.
 */
export function ArchiveSearchPanel({ store, query, categories, onOpen }: {
  store: ArchiveStore;
  query: string;
  /** The categories the filters show (null: all). */
  categories: readonly Category[] | null;
  onOpen: (hit: SearchHit) => void;
}) {
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const lanes = store.info.density.lanes;
  const laneKey = categories ? categories.map((c) => lanes.indexOf(c)).filter((i) => i >= 0).join(',') : null;
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    store.searchClient()
      .then((search) => search.search(q, laneKey === null ? null : laneKey.split(',').filter(Boolean).map(Number)))
      .then((result) => {
        if (!current || result.stale) return;
        setError(null);
        setFound({ query: q, total: result.total, hits: result.hits });
      }, (e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      });
    return () => { current = false; };
  }, [store, query, laneKey, attempt]);
  const pending = found?.query !== query.trim() && error === null;
  return (
    <ArchiveSearchResults
      query={query}
      result={found}
      pending={pending}
      error={error}
      lanes={lanes}
      onOpen={onOpen}
      onRetry={() => { setError(null); setAttempt((n) => n + 1); }}
    />
  );
}
