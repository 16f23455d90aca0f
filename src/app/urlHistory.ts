/**
 * The browser's address bar as a store: `useUrlSearch` reads it through
 * useSyncExternalStore (subscribed to popstate and to our own writes), and
 * `writeUrl` pushes or replaces an entry. Zooming and panning write once per
 * gesture (at its end), so nothing here waits or debounces: what the address
 * says is what the page shows.
 */
import { useSyncExternalStore } from 'react';

const CHANGE = 'timeline:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

/** The current query string, e.g. "?event=x". */
export function useUrlSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search, () => '');
}

/** Writes `search` to the address bar: a new entry ('push') or the current one ('replace'). */
export function writeUrl(search: string, mode: 'push' | 'replace'): void {
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

/** The page's absolute address with another query string (for copying and embedding). */
export function absoluteUrl(search: string): string {
  return `${window.location.origin}${window.location.pathname}${search}`;
}
