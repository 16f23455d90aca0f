/**
 * The ticks of either axis. On the time scale, calendar ticks (ticks.ts). On
 * the story scale, one tick at the start of each day that has events, named
 * "Thu 3 Mar" (or "3 Mar" where that does not fit), plus the breaks between
 * them, so the reader always sees where days were left out and how many.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import type { AxisMap, StoryBreak } from './storyScale.ts';
import { chooseTicks, type Tick } from './ticks.ts';
import { DAY_MS, type Window } from './view.ts';

/** Rough width of a tick label, px: ticks are thinned with it so that labels do not touch. */
const CHAR_PX = 7;

/** Ticks and breaks in view. `view` is in time, `viewA` the same window in axis units. */
export function chooseAxisTicks(
  axis: AxisMap, view: Window, viewA: Window, width: number,
  lanes: ReadonlyArray<ReadonlyArray<{ start: number }>>,
): { ticks: Tick[]; breaks: StoryBreak[]; context: string } {
  const context = yearsOf(view);
  if (axis.kind === 'time') return { ...chooseTicks(view[0], view[1], width), breaks: [], context };
  const x = (t: number) => ((axis.toAxis(t) - viewA[0]) / (viewA[1] - viewA[0])) * width;
  const days = [...new Set(lanes.flatMap((lane) => lane.map((d) => d.start)))].sort((a, b) => a - b);
  const ticks: Tick[] = [];
  let free = -Infinity;
  for (const day of days) {
    const at = x(day);
    const room = x(day + DAY_MS) - at;
    if (at + room < 0 || at > width) continue;
    const label = format(new UTCDate(day), room >= 80 ? 'EEE d MMM' : 'd MMM');
    if (at < free) continue;
    ticks.push({ value: day, label, major: false });
    free = at + label.length * CHAR_PX + 8;
  }
  const breaks = axis.breaks.filter((b) => x(b.end) > 0 && x(b.start) < width);
  return { ticks, breaks, context };
}

function yearsOf(view: Window): string {
  const [first, last] = [format(new UTCDate(view[0]), 'yyyy'), format(new UTCDate(view[1]), 'yyyy')];
  return first === last ? first : `${first}–${last}`;
}
