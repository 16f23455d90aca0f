import { startTransition, useLayoutEffect, useState, type RefObject } from 'react';

// In a browser, widths come from a ResizeObserver, which reports after the browser's own layout:
// reading clientWidth in a layout effect instead forced the layout of the whole page inside the
// first commit's task (34 ms of a 160 ms task at 1,000 events). jsdom has no ResizeObserver (and
// no layout): there the width is read at once.

/** The content width of an element, kept in step by a ResizeObserver; `guess()` until its first report. */
export function useElementWidth(ref: RefObject<HTMLElement | null>, guess: () => number): number {
  return useDeferredWidth(ref, true, false, guess) ?? guess();
}

const EIGHT_HUNDRED = () => 800;

/**
 * The content width of an element, null until the browser has laid it out: the first width
 * renders as a transition, so what needs it (a timeline's marks) is not part of the page's first
 * task: the page paints first, then React renders the marks in slices that leave input free.
 * Later widths (a resize) render as usual. `shown`: whether the element is rendered; measuring
 * starts again each time it comes back. `defer` false: the first width renders as usual too (an
 * archive's first view, whose loading chunks would keep interrupting a transition, and whose
 * marks are few key events). `fallback()`: the width where the element reports none (jsdom).
 */
export function useDeferredWidth(
  ref: RefObject<HTMLElement | null>, shown = true, defer = true, fallback: () => number = EIGHT_HUNDRED,
): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !shown) return;
    if (typeof ResizeObserver === 'undefined') return setWidth(Math.round(el.clientWidth) || fallback());
    let first = true;
    const observer = new ResizeObserver(() => {
      const measured = Math.round(el.clientWidth) || fallback();
      if (first && defer) startTransition(() => setWidth(measured));
      else setWidth(measured);
      first = false;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, shown, defer, fallback]);
  return width;
}
