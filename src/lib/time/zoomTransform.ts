/**
 * The zoom transform that shows a window, and the window a transform shows:
 * d3-zoom's side of the window the app keeps (view.ts). Apart from view.ts so
 * that the page loads d3-zoom only with the zoom handling (useZoom loads it
 * after the first view is drawn).
 */
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { baseScale, type Window } from './view.ts';

/** The zoom transform that shows `view` when the full window spans `width`. */
export function transformForWindow(full: Window, view: Window, width: number): ZoomTransform {
  const k = (full[1] - full[0]) / (view[1] - view[0]);
  const x = -((view[0] - full[0]) / (full[1] - full[0])) * width * k;
  return zoomIdentity.translate(x, 0).scale(k);
}

/** The window that a zoom transform shows. */
export function windowForTransform(full: Window, transform: ZoomTransform, width: number): Window {
  const [a, b] = transform.rescaleX(baseScale(full, width)).domain();
  return [a!, b!];
}
