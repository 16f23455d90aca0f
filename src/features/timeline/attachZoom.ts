/**
 * d3-zoom on the timeline's surface: wheel, drag, pinch and double-click turn
 * into windows, and a window set from elsewhere moves d3's transform. Loaded
 * by useZoom after the first view is drawn (the page's first bytes do not
 * carry d3-zoom, d3-selection and d3-transition).
 */
import { select } from 'd3-selection';
import { zoom, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { transformForWindow, windowForTransform } from '../../lib/time/zoomTransform.ts';
import { maxZoom, type Window } from '../../lib/time/view.ts';

export type ZoomHandle = {
  /** Sets extent and scale limits for the current size and full window. */
  configure: (full: Window, width: number, height: number) => void;
  /** Moves d3's transform to show `view`, without reporting it back. */
  sync: (full: Window, view: Window, width: number) => void;
  detach: () => void;
};

function sameWindow(a: Window, b: Window, width: number): boolean {
  const tolerance = ((a[1] - a[0]) / width) * 0.5; // half a pixel
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
}

/** Attaches d3-zoom to `el`; `onView` receives the windows of the reader's gestures, `onEnd` their ends. */
export function attachZoom(el: HTMLElement, onView: (view: Window, source: 'gesture' | 'sync') => void, onEnd: () => void): ZoomHandle {
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>();
  let full: Window = [0, 1];
  let width = 1;
  let syncing = false;
  behavior.on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
    if (syncing) return;
    onView(windowForTransform(full, event.transform, width), event.sourceEvent ? 'gesture' : 'sync');
  });
  // A drag, a pinch or a run of wheel turns ends once (d3 waits 150 ms after the last wheel turn).
  behavior.on('end', (event: D3ZoomEvent<HTMLElement, unknown>) => {
    if (!syncing && event.sourceEvent) onEnd();
  });
  const selection = select(el);
  selection.call(behavior);
  return {
    configure(nextFull, nextWidth, height) {
      full = nextFull;
      width = nextWidth;
      behavior.scaleExtent([1, maxZoom(full)]).extent([[0, 0], [width, height]]).translateExtent([[0, 0], [width, height]]);
    },
    sync(nextFull, view, nextWidth) {
      full = nextFull;
      width = nextWidth;
      if (sameWindow(windowForTransform(full, zoomTransform(el), width), view, width)) return;
      syncing = true;
      selection.call(behavior.transform, transformForWindow(full, view, width));
      syncing = false;
    },
    detach() {
      selection.on('.zoom', null);
    },
  };
}
