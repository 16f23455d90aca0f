/**
 * The ticks of either axis. On the time scale, calendar ticks (ticks.ts). On
 * the story scale, one tick at the start of each day that has events, named
 * "Thu 3 Mar" (or "3 Mar" where that does not fit), plus the breaks between
 * them, so the reader sees where days were left out and how many. No label
 * touches another: tick labels are thinned left to right and stop before the
 * years at the right end; break labels go in the longest break first, and one
 * that would touch a label already placed is left out (zooming in gives it room).
 */
import { bisectLeft } from 'd3-array';
import { formatUtc } from './formatUtc.ts';
import type { AxisMap, StoryBreak } from './storyScale.ts';
import { chooseTicks, type Tick } from './ticks.ts';
import { DAY_MS, type Window } from './view.ts';

/** Rough width of a tick label, px: ticks are thinned with it so that labels do not touch. */
const CHAR_PX = 7;

/** A break's label as drawn: its words and the centre it is drawn at, px from the left. */
export type BreakLabel = StoryBreak & { label: string; x: number };

/**
 * Ticks and breaks in view. `view` is in time, `viewA` the same window in axis units; `days` are
 * the starts of the days with events, sorted and distinct (the story scale's ticks).
 */
export function chooseAxisTicks(
  axis: AxisMap, view: Window, viewA: Window, width: number,
  days: readonly number[],
): { ticks: Tick[]; breaks: BreakLabel[]; context: string } {
  const context = yearsOf(view);
  const x = (t: number) => ((axis.toAxis(t) - viewA[0]) / (viewA[1] - viewA[0])) * width;
  // A tick's label starts 4 px right of its line; the years sit 6 px from the right edge.
  const beforeContext = (t: Tick) => x(t.value) + 4 + t.label.length * CHAR_PX < width - 6 - context.length * CHAR_PX - 8;
  if (axis.kind === 'time') return { ticks: chooseTicks(view[0], view[1], width).ticks.filter(beforeContext), breaks: [], context };
  const ticks: Tick[] = [];
  let free = -Infinity;
  // Only the days in view are looked at: a frame's cost follows the width, not the dataset.
  for (let i = bisectLeft(days, view[0] - DAY_MS); i < days.length && days[i]! <= view[1]; i++) {
    const day = days[i]!;
    const at = x(day);
    const room = x(day + DAY_MS) - at;
    // A label cut by the left edge could be misread ("25 Apr" as "5 Apr"): only whole ones.
    if (at + 4 < 0 || at > width) continue;
    if (at < free) continue;
    const label = formatUtc(day, room >= 80 ? 'weekday day month' : 'day month');
    ticks.push({ value: day, label, major: false });
    free = at + label.length * CHAR_PX + 8;
  }
  return { ticks: ticks.filter(beforeContext), breaks: placeBreakLabels(axis.breaks, x, width), context };
}

/**
 * The labels of the breaks in view, each centred on the part of its break in view and kept whole
 * inside the timeline; the longest breaks first, and none within 8 px of another. In date order.
 */
function placeBreakLabels(breaks: readonly StoryBreak[], x: (t: number) => number, width: number): BreakLabel[] {
  const placed: BreakLabel[] = [];
  const half = (b: BreakLabel) => (b.label.length * CHAR_PX) / 2;
  const inView = breaks.filter((b) => x(b.end) > 0 && x(b.start) < width);
  for (const b of [...inView].sort((p, q) => q.days - p.days || p.start - q.start)) {
    const label = `⋯ ${b.days} ${b.days === 1 ? 'day' : 'days'} ⋯`;
    const w = label.length * CHAR_PX;
    const centre = Math.min(width - w / 2, Math.max(w / 2, (Math.max(0, x(b.start)) + Math.min(width, x(b.end))) / 2));
    const own = { ...b, label, x: centre };
    if (placed.some((p) => Math.abs(p.x - centre) < half(p) + w / 2 + 8)) continue;
    placed.push(own);
  }
  return placed.sort((p, q) => p.start - q.start);
}

function yearsOf(view: Window): string {
  const [first, last] = [formatUtc(view[0], 'year'), formatUtc(view[1], 'year')];
  return first === last ? first : `${first}–${last}`;
}
