/**
 * The ticks of either axis. On the time scale, calendar ticks (ticks.ts). On
 * the story scale, one tick at the start of each day that has events, named
 * "Thu 3 Mar" (or "3 Mar" where that does not fit), plus the breaks between
 * them, so the reader always sees where days were left out and how many.
 */
import { bisectLeft } from 'd3-array';
import { formatUtc } from './formatUtc.ts';
import type { AxisMap, StoryBreak } from './storyScale.ts';
import { chooseTicks, type Tick } from './ticks.ts';
import { DAY_MS, type Window } from './view.ts';

/** Rough width of a tick label, px: ticks are thinned with it so that labels do not touch. */
const CHAR_PX = 7;

/**
 * Ticks and breaks in view. `view` is in time, `viewA` the same window in axis units; `days` are
 * the starts of the days with events, sorted and distinct (the story scale's ticks).
 */
export function chooseAxisTicks(
  axis: AxisMap, view: Window, viewA: Window, width: number,
  days: readonly number[],
): { ticks: Tick[]; breaks: StoryBreak[]; context: string } {
  const context = yearsOf(view);
  if (axis.kind === 'time') return { ...chooseTicks(view[0], view[1], width), breaks: [], context };
  const x = (t: number) => ((axis.toAxis(t) - viewA[0]) / (viewA[1] - viewA[0])) * width;
  const ticks: Tick[] = [];
  let free = -Infinity;
  // Only the days in view are looked at: a frame's cost follows the width, not the dataset.
  for (let i = bisectLeft(days, view[0] - DAY_MS); i < days.length && days[i]! <= view[1]; i++) {
    const day = days[i]!;
    const at = x(day);
    const room = x(day + DAY_MS) - at;
    if (at + room < 0 || at > width) continue;
    if (at < free) continue;
    const label = formatUtc(day, room >= 80 ? 'weekday day month' : 'day month');
    ticks.push({ value: day, label, major: false });
    free = at + label.length * CHAR_PX + 8;
  }
  const breaks = axis.breaks.filter((b) => x(b.end) > 0 && x(b.start) < width);
  return { ticks, breaks, context };
}

function yearsOf(view: Window): string {
  const [first, last] = [formatUtc(view[0], 'year'), formatUtc(view[1], 'year')];
  return first === last ? first : `${first}–${last}`;
}
