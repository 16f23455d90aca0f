import { useCallback, useSyncExternalStore } from 'react';

/**
 * One MediaQueryList per query, kept while the page's `matchMedia` is the same: React reads the
 * snapshot on every render, and a new list each time costs a style pass (about 1.5 ms per key step
 * at 10,000 events, measured with `npm run bench -- --profile 10000`).
 */
const lists = new Map<string, { from: typeof matchMedia; list: MediaQueryList }>();
function listFor(query: string): MediaQueryList | null {
  if (typeof matchMedia !== 'function') return null;
  let kept = lists.get(query);
  if (kept?.from !== matchMedia) {
    kept = { from: matchMedia, list: matchMedia(query) };
    lists.set(query, kept);
  }
  return kept.list;
}

/** Whether a media query matches, kept in step with the window. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback((onChange: () => void) => {
    const list = listFor(query);
    if (!list) return () => {};
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return useSyncExternalStore(subscribe, () => listFor(query)?.matches ?? false, () => false);
}
