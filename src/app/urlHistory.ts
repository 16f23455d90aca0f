/**
 * The browser's address bar as a store: `useUrlSearch` reads it through
 * useSyncExternalStore (subscribed to popstate and to our own writes), and
 * `writeUrl` pushes or replaces an entry. Replaces for zooming and panning are
 * debounced, so a long drag writes the URL a few times a second at most
 * (browsers throttle history calls); a push first flushes a pending replace,
 * so Back returns to the window the reader last saw.
 */
import { useSyncExternalStore } from 'react';

const CHANGE = 'timeline:urlchange';
const REPLACE_DELAY_MS = 300;
let pending: { search: string; timer: ReturnType<typeof setTimeout> } | null = null;

// Back or Forward wins over a replace still waiting to be written.
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  });
}

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

function apply(search: string, mode: 'push' | 'replace') {
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

function flush() {
  if (!pending) return;
  clearTimeout(pending.timer);
  const { search } = pending;
  pending = null;
  apply(search, 'replace');
}

/** Writes `search` to the address bar: a new entry ('push'), the current one ('replace') or, debounced, 'replace-later'. */
export function writeUrl(search: string, mode: 'push' | 'replace' | 'replace-later'): void {
  if (mode === 'replace-later') {
    if (pending) clearTimeout(pending.timer);
    pending = { search, timer: setTimeout(flush, REPLACE_DELAY_MS) };
    return;
  }
  flush();
  apply(search, mode);
}

/** The page's absolute address with another query string (for copying and embedding). */
export function absoluteUrl(search: string): string {
  return `${window.location.origin}${window.location.pathname}${search}`;
}
