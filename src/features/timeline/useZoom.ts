/**
 * The one place d3-zoom is attached. It turns wheel, drag, pinch and
 * double-click on the surface into a new visible window, and keeps d3's
 * transform in step when the window changes from elsewhere (buttons, keys,
 * a link, selecting an event). d3-zoom itself loads on demand (attachZoom.ts);
 * animations belong to the window's owner (useTimelineView.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Window } from '../../lib/time/view.ts';
import type { ZoomHandle } from './attachZoom.ts';

/**
 * Attaches d3-zoom to `ref`; `view` is the window to show, `onView` receives the user's zooms and
 * pans. Returns whether the gestures are attached yet.
 */
export function useZoom(
  ref: RefObject<HTMLElement | null>,
  full: Window,
  view: Window,
  width: number,
  height: number,
  onView: (view: Window, source: 'gesture' | 'sync') => void,
  /** The end of a gesture: the window it reached is to be kept. */
  onEnd: () => void,
  /** Whether the surface is drawn (it is not on a phone's vertical timeline). */
  active = true,
) {
  const onViewRef = useRef(onView);
  const onEndRef = useRef(onEnd);
  useLayoutEffect(() => { onViewRef.current = onView; onEndRef.current = onEnd; });
  const [handle, setHandle] = useState<ZoomHandle | null>(null);

  // d3-zoom comes in its own chunk, loaded once the first view is up: the page's first bytes stay small.
  useEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    let attached: ZoomHandle | null = null;
    let cancelled = false;
    import('./attachZoom.ts').then(({ attachZoom }) => {
      if (cancelled) return;
      attached = attachZoom(el, (w, source) => onViewRef.current(w, source), () => onEndRef.current());
      setHandle(attached);
    }).catch(() => {
      // Without zoom gestures the buttons and keys still zoom and pan; nothing else depends on it.
    });
    return () => {
      cancelled = true;
      attached?.detach();
      setHandle(null);
    };
  }, [ref, active]);

  useLayoutEffect(() => { handle?.configure(full, width, height); }, [handle, full, width, height]);

  // Keep d3's transform in step with a window set from elsewhere.
  useEffect(() => { handle?.sync(full, view, width); }, [handle, full, view, width]);
  /** Whether the gestures are attached (a test, or a reader, can wait for it). */
  return handle !== null;
}
