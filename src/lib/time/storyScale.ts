/**
 * The story scale: an axis on which each day with events gets room for them
 * and an empty stretch between two such days shrinks to a short, marked break
 * ("⋯ 4 days ⋯"). It is a monotonic, piecewise-linear map from time (UTC ms)
 * to axis units (a polylinear map, as d3's `scaleLinear` with many stops) — so the zoom and window code,
 * which works on any linear axis, works on it unchanged. One axis unit is one
 * day of room, so a day that needs three units of room is drawn three days wide.
 */
import { bisectRight } from 'd3-array';
import { DAY_MS } from './view.ts';

/** How much room an empty stretch takes on the story scale, in days of room. */
export const BREAK_ROOM = 0.3;
/** Outside the days (the air around a full window), how much room a day of time takes. */
const OUTSIDE_PACE = 0.3;

export type StoryDay = { start: number; room: number };
export type StoryBreak = { start: number; end: number; days: number; axisStart: number; axisEnd: number };
export type AxisMap = {
  kind: 'time' | 'story';
  /** Time (UTC ms) → axis units. */
  toAxis: (t: number) => number;
  /** Axis units → time (UTC ms). */
  fromAxis: (u: number) => number;
  breaks: readonly StoryBreak[];
};

/** The time scale as an AxisMap: axis units are milliseconds. */
export const TIME_AXIS: AxisMap = { kind: 'time', toAxis: (t) => t, fromAxis: (u) => u, breaks: [] };

/**
 * Builds the story scale for the days that hold events (`start` = the day's UTC midnight, sorted,
 * distinct; `room` ≥ 1 = the days of room it gets). Time before the first day and after the last
 * keeps the time scale's pace, so the half-day of air around a full window stays.
 */
export function storyScale(days: readonly StoryDay[]): AxisMap {
  if (days.length === 0) return { ...TIME_AXIS, kind: 'story' };
  const domain: number[] = [];
  const range: number[] = [];
  const breaks: StoryBreak[] = [];
  let u = days[0]!.start;
  days.forEach((d, i) => {
    if (i > 0) {
      const prevEnd = days[i - 1]!.start + DAY_MS;
      const gapDays = Math.round((d.start - prevEnd) / DAY_MS);
      if (gapDays > 0) {
        breaks.push({ start: prevEnd, end: d.start, days: gapDays, axisStart: u, axisEnd: u + BREAK_ROOM * DAY_MS });
        u += BREAK_ROOM * DAY_MS;
      }
    }
    if (domain[domain.length - 1] !== d.start) {
      domain.push(d.start);
      range.push(u);
    }
    u += Math.max(1, d.room) * DAY_MS;
    domain.push(d.start + DAY_MS);
    range.push(u);
  });
  // Outside the days, time keeps a slow pace (d3 extrapolates the end segments).
  domain.unshift(domain[0]! - DAY_MS);
  range.unshift(range[0]! - OUTSIDE_PACE * DAY_MS);
  domain.push(domain[domain.length - 1]! + DAY_MS);
  range.push(range[range.length - 1]! + OUTSIDE_PACE * DAY_MS);
  return { kind: 'story', toAxis: polylinear(domain, range), fromAxis: polylinear(range, domain), breaks };
}

/**
 * The piecewise-linear map through the stops `domain[i]` → `range[i]` (`domain` ascending), the
 * outer segments extended beyond the ends: what d3-scale's `scaleLinear().domain(d).range(r)` maps
 * for numbers, found with d3-array's bisect. Not d3-scale itself: its colour, format and
 * interpolation code (8 KiB in the first view) would come with it, unused.
 */
export function polylinear(domain: readonly number[], range: readonly number[]): (x: number) => number {
  const last = domain.length - 2;
  return (x) => {
    const i = Math.min(last, Math.max(0, bisectRight(domain, x) - 1));
    const [d0, d1, r0, r1] = [domain[i]!, domain[i + 1]!, range[i]!, range[i + 1]!];
    return d1 === d0 ? r0 : r0 + ((x - d0) / (d1 - d0)) * (r1 - r0);
  };
}

/**
 * The room a day needs on the story scale from the most events it has in one lane: one day for
 * one event, a third of a day more for each further one, at most three, so no day crowds out
 * the rest (a full day's titles wrap into columns and rows within its room).
 */
export function roomForCount(mostInALane: number): number {
  return Math.min(3, 1 + (Math.max(1, mostInALane) - 1) / 3);
}
