import { useEffect, useRef } from 'react';

export type Shortcuts = Partial<Record<'next' | 'previous' | 'first' | 'last' | 'zoomIn' | 'zoomOut' | 'fitAll' | 'help', () => void>>;

const KEYS: Record<string, keyof Shortcuts> = {
  ArrowRight: 'next', ArrowLeft: 'previous', Home: 'first', End: 'last',
  '+': 'zoomIn', '=': 'zoomIn', '-': 'zoomOut', '_': 'zoomOut', '0': 'fitAll', '?': 'help',
};

/** Whether a key press belongs to a text field (or another control that uses the keys itself). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"] article, [data-own-keys]') !== null;
}

/**
 * Page-wide shortcuts: ←/→ previous/next event, Home/End first/last, +/− zoom, 0 fit all, ? the
 * list of shortcuts; never while typing, nor while a dialog that keeps its own keys is open
 * (the page behind it is inert, and a key must not change it unseen).
 */
export function useKeyboardShortcuts(shortcuts: Shortcuts) {
  const ref = useRef(shortcuts);
  useEffect(() => { ref.current = shortcuts; });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open][data-own-keys]')) return;
      const name = KEYS[e.key];
      const action = name && ref.current[name];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
