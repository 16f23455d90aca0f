/**
 * The labelled layout of the timeline: when every day with events has room
 * for a column of titles, each lane shows, for each such day, a cell as wide
 * as the day is on the axis, holding its events in order with their whole
 * titles (the browser wraps them within the cell, and a lane is as tall as
 * its fullest cell). Cells of one lane never overlap, because days do not.
 * Pure: the axis and sizes come in as arguments.
 */
import { DAY_MS } from '../time/view.ts';

export type CellItem = { id: string; lane: number; start: number };
export type DayCell = { key: string; lane: number; start: number; x0: number; x1: number; ids: string[] };

/** The narrowest day, px, that still gets the labelled layout. */
export const MIN_CELL = 108;
/** The most events one cell lists; a fuller day falls back to marks and count badges. */
export const MAX_PER_CELL = 40;

/** Groups items (sorted by start, then in reading order) by lane and day: one entry per lane and day. */
export function groupCells(items: readonly CellItem[], laneCount: number): Array<Array<{ start: number; ids: string[] }>> {
  const lanes = Array.from({ length: laneCount }, () => [] as Array<{ start: number; ids: string[] }>);
  for (const item of items) {
    const lane = lanes[item.lane]!;
    const last = lane[lane.length - 1];
    if (last && last.start === item.start) last.ids.push(item.id);
    else lane.push({ start: item.start, ids: [item.id] });
  }
  return lanes;
}

/**
 * The cells in view for a window (`view`, axis units) over `width` px, where `toAxis` maps time
 * to axis units; null when some day in view is narrower than MIN_CELL or holds more than MAX_PER_CELL
 * events in a lane (then the marks layout, with its count badges, is used).
 */
export function layoutDayCells(
  lanes: ReadonlyArray<ReadonlyArray<{ start: number; ids: string[] }>>,
  toAxis: (t: number) => number,
  view: readonly [number, number],
  width: number,
  minCell = MIN_CELL,
  maxPerCell = MAX_PER_CELL,
): DayCell[][] | null {
  const x = (t: number) => ((toAxis(t) - view[0]) / (view[1] - view[0])) * width;
  const out: DayCell[][] = [];
  for (const [lane, days] of lanes.entries()) {
    const cells: DayCell[] = [];
    for (const day of days) {
      const x0 = x(day.start);
      const x1 = x(day.start + DAY_MS);
      if (x1 <= 0 || x0 >= width) continue;
      if (x1 - x0 < minCell || day.ids.length > maxPerCell) return null;
      cells.push({ key: `${lane}:${day.start}`, lane, start: day.start, x0, x1, ids: day.ids });
    }
    out.push(cells);
  }
  return out;
}
