/**
 * The zoom transform that shows a window, and the window a transform shows:
 * d3-zoom's side of the window the app keeps (view.ts). Apart from view.ts so
 * that the page loads d3-zoom only with the zoom handling (useZoom loads it
 * after the first view is drawn).
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { Window } from './view.ts';

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

/**
 * The base scale: the full window over the width. Zoomed scales are made from it. Linear on
 * numbers (UTC ms, or story units). Here, with the zoom handling, so that d3-scale (and the colour,
 * format and interpolation code it brings) loads with d3-zoom, after the first view.
 */
export function baseScale(full: Window, width: number): ScaleLinear<number, number> {
  return scaleLinear().domain([full[0], full[1]]).range([0, width]);
}
