/**
 * The one place d3-zoom is attached. It turns wheel, drag, pinch and
 * double-click on the surface into a new visible window, and keeps d3's
 * transform in step when the window changes from elsewhere (buttons, keys,
 * a link, selecting an event), animating that change unless motion is reduced.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { maxZoom, transformForWindow, windowForTransform, type Window } from '../../lib/time/view.ts';

const ANIMATION_MS = 220;

function sameWindow(a: Window, b: Window, width: number): boolean {
  const tolerance = ((a[1] - a[0]) / width) * 0.5; // half a pixel
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Attaches d3-zoom to `ref`; `view` is the window to show, `onView` receives the user's zooms and pans. */
export function useZoom(
  ref: RefObject<HTMLElement | null>,
  full: Window,
  view: Window,
  width: number,
  height: number,
  onView: (view: Window, source: 'gesture' | 'sync') => void,
) {
  const [behavior] = useState<ZoomBehavior<HTMLElement, unknown>>(() => zoom<HTMLElement, unknown>());
  const onViewRef = useRef(onView);
  useLayoutEffect(() => { onViewRef.current = onView; });
  const syncing = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    behavior
      .scaleExtent([1, maxZoom(full)])
      .extent([[0, 0], [width, height]])
      .translateExtent([[0, 0], [width, height]])
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        if (syncing.current) return;
        onViewRef.current(windowForTransform(full, event.transform, width), event.sourceEvent ? 'gesture' : 'sync');
      });
    const selection = select(el);
    selection.call(behavior);
    return () => { selection.on('.zoom', null); };
  }, [ref, behavior, full, width, height]);

  // Keep d3's transform in step with a window set from elsewhere.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const current = windowForTransform(full, zoomTransform(el), width);
    if (sameWindow(current, view, width)) return;
    const apply = (w: Window) => {
      syncing.current = true;
      select(el).call(behavior.transform, transformForWindow(full, w, width));
      syncing.current = false;
    };
    apply(view);
  }, [ref, behavior, full, view, width]);
}

/** Animates from one window to another, calling `onFrame` each frame; returns a cancel function. */
export function animateWindow(from: Window, to: Window, onFrame: (w: Window) => void): () => void {
  if (prefersReducedMotion() || typeof requestAnimationFrame !== 'function') {
    onFrame(to);
    return () => {};
  }
  const started = performance.now();
  let handle = 0;
  const step = (now: number) => {
    const t = Math.min(1, (now - started) / ANIMATION_MS);
    const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    onFrame([from[0] + (to[0] - from[0]) * e, from[1] + (to[1] - from[1]) * e]);
    if (t < 1) handle = requestAnimationFrame(step);
  };
  handle = requestAnimationFrame(step);
  return () => cancelAnimationFrame(handle);
}
