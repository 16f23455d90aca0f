/**
 * The visible window of the timeline and the zoom transform that shows it.
 * The window (UTC ms) is what the app keeps: it survives a resize, and it is
 * what a link records. d3-zoom's transform is derived from it and back.
 */
import { dayStartMs, addCalendarDays, type CalendarDay } from './calendarDay.ts';

export type Window = readonly [start: number, end: number];
export const DAY_MS = 86_400_000;
/** The narrowest window: two days across the whole width. */
export const MIN_WINDOW_MS = 2 * DAY_MS;

/** The window that shows every day from `first` to `last` (whole days), with half a day of air each side. */
export function fullWindow(first: CalendarDay, last: CalendarDay): Window {
  const span = dayStartMs(addCalendarDays(last, 1)) - dayStartMs(first);
  const pad = Math.max(DAY_MS / 2, span * 0.02);
  return [dayStartMs(first) - pad, dayStartMs(addCalendarDays(last, 1)) + pad];
}

/** The largest zoom factor: the full window down to MIN_WINDOW_MS. */
export function maxZoom(full: Window): number {
  return Math.max(1, (full[1] - full[0]) / MIN_WINDOW_MS);
}

/** Keeps a window inside the full window and no narrower than MIN_WINDOW_MS (same centre where possible). */
export function clampWindow(full: Window, view: Window): Window {
  const fullSpan = full[1] - full[0];
  const span = Math.min(fullSpan, Math.max(MIN_WINDOW_MS, view[1] - view[0]));
  const centre = (view[0] + view[1]) / 2;
  const start = Math.min(Math.max(centre - span / 2, full[0]), full[1] - span);
  return [start, start + span];
}

/** Zooms a window by `factor` (>1 zooms in) around `anchor` (default: its centre). */
export function zoomWindow(full: Window, view: Window, factor: number, anchor = (view[0] + view[1]) / 2): Window {
  const start = anchor - (anchor - view[0]) / factor;
  const end = anchor + (view[1] - anchor) / factor;
  return clampWindow(full, [start, end]);
}

/**
 * Whether [start, end] lies inside `view` with room to spare (6 % of its span each side): an
 * event there is shown well enough that nothing needs to pan to it. Any linear units.
 */
export function wellInView(view: Window, start: number, end: number): boolean {
  const margin = (view[1] - view[0]) * 0.06;
  return start >= view[0] + margin && end <= view[1] - margin;
}

/** The window moved so that `instant` sits at its centre, same span. */
export function centreWindowOn(full: Window, view: Window, instant: number): Window {
  const half = (view[1] - view[0]) / 2;
  return clampWindow(full, [instant - half, instant + half]);
}
