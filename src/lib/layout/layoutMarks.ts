/**
 * Lays out the events of the timeline for one zoom level: which events are
 * drawn as markers (in which lane, row and column), where several events on a
 * day stack or sit side by side, and where they collapse into a count badge.
 *
 * Marks sit on a grid of columns so that they can never overlap: when a day
 * is wide enough, each day is a column (and its events may sit side by side
 * in it); when it is not, a column is a run of whole days, fixed so that the
 * grid does not shift while panning, and its events are drawn at its centre.
 * Given the data's extent, those runs split its days evenly from its first day
 * to its last (each at least a badge wide), so that no column runs past either
 * end and the marks of the first and last days are drawn whole; without it,
 * they are counted from a fixed origin. A column whose events do not fit
 * becomes a badge.
 * Only what lies in the visible window is laid out, so the marks drawn stay
 * bounded by the width, not by the size of the dataset. Pure: sizes come in
 * as arguments.
 */
import { max } from 'd3-array';

export type LaneItem = { id: string; lane: number; start: number; end: number };
export type EventMark = {
  kind: 'event'; id: string; lane: number; row: number;
  /** Centre of the marker, px. */
  x: number;
  /** For an event of several days: the px extent of its bar (drawn along the lane's top edge). */
  bar: readonly [number, number] | null;
  /** Width available for the label to the right, 0 when there is no room for one. */
  labelWidth: number;
};
export type ClusterMark = { kind: 'cluster'; key: string; lane: number; row: number; x: number; ids: string[]; start: number; end: number };
export type Mark = EventMark | ClusterMark;

export type LayoutOptions = {
  /** Visible window, UTC ms. */
  view: readonly [number, number];
  width: number;
  /** Rows of markers that fit in one lane. */
  rows: number;
  /** Horizontal room one marker needs, px. */
  markerSize: number;
  /** Horizontal room a count badge needs, px (at least markerSize). */
  badgeSize?: number;
  /** Whether labels are drawn at all (not on the compact phone strip). */
  labels: boolean;
  /** The selected event is always drawn as its own marker. */
  selectedId?: string | null;
  /** Events that are never put in a badge either (key events). */
  pinned?: ReadonlySet<string>;
  /** Narrowest label worth drawing, px; and the widest. */
  minLabel?: number;
  maxLabel?: number;
  /**
   * The data's extent, in the units of `view`: the start of its first day and the end of its last.
   * Columns of several days then fit it exactly (see the file header).
   */
  extent?: readonly [number, number] | null;
};

const DAY_MS = 86_400_000;

/** Index of the first item whose start is ≥ `value` (items sorted by start). */
function lowerBound(items: readonly LaneItem[], value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Splits items (sorted by start) into one sorted array per lane, with each lane's longest duration. */
export function indexLanes(items: readonly LaneItem[], laneCount: number): { lanes: LaneItem[][]; longest: number[] } {
  const lanes: LaneItem[][] = Array.from({ length: laneCount }, () => []);
  const longest = new Array<number>(laneCount).fill(DAY_MS);
  for (const item of items) {
    lanes[item.lane]!.push(item);
    longest[item.lane] = Math.max(longest[item.lane]!, item.end - item.start);
  }
  return { lanes, longest };
}

/**
 * The columns for `daysPerColumn` days or more each: which column an instant falls in, and each
 * column's bounds. Over an extent: as many columns as fit whole runs of `daysPerColumn` days, the
 * extent's days spread evenly over them (each run `daysPerColumn` days or a few more), the first
 * starting at the extent's start and the last ending at its end. Without one: runs of exactly
 * `daysPerColumn` days from the epoch.
 */
function columnGrid(daysPerColumn: number, extent: readonly [number, number] | null | undefined) {
  const columnMs = daysPerColumn * DAY_MS;
  if (daysPerColumn === 1 || !extent || !(extent[1] > extent[0])) {
    return { widest: columnMs, of: (t: number) => Math.floor(t / columnMs), bounds: (k: number) => [k * columnMs, (k + 1) * columnMs] as const };
  }
  const [first, last] = extent;
  const days = Math.max(1, Math.round((last - first) / DAY_MS));
  const count = Math.max(1, Math.floor(days / daysPerColumn));
  const edge = (k: number) => (k <= 0 ? first : k >= count ? last : first + Math.round((k * days) / count) * DAY_MS);
  const of = (t: number) => {
    let k = Math.min(count - 1, Math.max(0, Math.floor((((t - first) / DAY_MS) * count) / days)));
    while (k > 0 && t < edge(k)) k--;
    while (k < count - 1 && t >= edge(k + 1)) k++;
    return k;
  };
  return { widest: Math.ceil(days / count) * DAY_MS, of, bounds: (k: number) => [edge(k), edge(k + 1)] as const };
}

/** Lays out every lane for the given window and sizes: see the file header. */
export function layoutMarks(laneIndex: { lanes: LaneItem[][]; longest: number[] }, options: LayoutOptions): Mark[] {
  const { view, width, rows, markerSize, labels, selectedId = null, pinned = new Set<string>(), minLabel = 44, maxLabel = 240 } = options;
  const badgeSize = Math.max(options.badgeSize ?? markerSize, markerSize);
  const msPerPx = (view[1] - view[0]) / width;
  const pxPerDay = DAY_MS / msPerPx;
  const x = (t: number) => (t - view[0]) / msPerPx;
  // Days per column: one when a day has room for a badge, else enough whole days to make room.
  const daysPerColumn = Math.max(1, Math.ceil(badgeSize / pxPerDay));
  const grid = columnGrid(daysPerColumn, options.extent);
  const columnMs = grid.widest;
  const cols = daysPerColumn === 1 ? Math.max(1, Math.floor(pxPerDay / markerSize)) : 1;
  const marks: Mark[] = [];

  laneIndex.lanes.forEach((items, lane) => {
    const from = lowerBound(items, view[0] - laneIndex.longest[lane]! - columnMs);
    const to = lowerBound(items, view[1] + columnMs);
    const laneMarks: EventMark[] = [];
    const laneBadges: ClusterMark[] = [];
    let i = from;
    while (i < to) {
      const column = grid.of(items[i]!.start);
      let j = i + 1;
      while (j < to && grid.of(items[j]!.start) === column) j++;
      // Events of several days that ended before the window are not drawn.
      const group = items.slice(i, j).filter((it) => it.end > view[0]);
      i = j;
      if (group.length === 0) continue;
      const [columnStart, columnEnd] = grid.bounds(column);
      const centre = x((columnStart + columnEnd) / 2);
      const bar = (it: LaneItem) => (it.end - it.start > DAY_MS ? [x(it.start), x(it.end)] as const : null);
      if (group.length <= rows * cols) {
        const usedCols = Math.ceil(group.length / rows);
        group.forEach((it, k) => {
          const col = Math.floor(k / rows);
          const cx = centre + (col - (usedCols - 1) / 2) * markerSize;
          laneMarks.push({ kind: 'event', id: it.id, lane, row: k % rows, x: cx, bar: bar(it), labelWidth: 0 });
        });
        continue;
      }
      // The selected event and key events keep their own markers; the rest become one badge.
      const held = group.filter((it) => it.id === selectedId || pinned.has(it.id));
      // A badge of one would hide a single event behind a "1": draw it instead.
      const kept = group.length - held.length === 1 ? group : held;
      const rest = group.filter((it) => !kept.includes(it));
      const slots = kept.length + (rest.length ? 1 : 0);
      const usedCols = Math.ceil(slots / rows);
      const slotX = (k: number) => centre + (Math.floor(k / rows) - (usedCols - 1) / 2) * badgeSize;
      kept.forEach((it, k) => laneMarks.push({ kind: 'event', id: it.id, lane, row: k % rows, x: slotX(k), bar: bar(it), labelWidth: 0 }));
      if (rest.length) {
        laneBadges.push({
          kind: 'cluster', key: `${lane}:${column}`, lane, row: kept.length % rows, x: slotX(kept.length),
          ids: rest.map((it) => it.id), start: rest[0]!.start, end: max(rest, (it) => it.end)!,
        });
      }
    }
    if (labels) assignLabels(laneMarks, laneBadges, width, markerSize, badgeSize, minLabel, maxLabel);
    marks.push(...laneBadges, ...laneMarks);
  });
  return marks;
}

/** Gives each marker a label where the row to its right is free for at least `minLabel` px. */
function assignLabels(laneMarks: EventMark[], badges: readonly ClusterMark[], width: number, size: number, badgeSize: number, minLabel: number, maxLabel: number) {
  const byRow = new Map<number, Array<{ left: number; right: number; mark?: EventMark }>>();
  const add = (row: number, entry: { left: number; right: number; mark?: EventMark }) => {
    byRow.set(row, [...(byRow.get(row) ?? []), entry]);
  };
  for (const m of laneMarks) add(m.row, { left: m.x - size / 2, right: m.x + size / 2, mark: m });
  // A badge blocks every row: its list opens over the lane.
  for (const b of badges) for (const row of new Set([...byRow.keys(), b.row])) add(row, { left: b.x - badgeSize / 2, right: b.x + badgeSize / 2 });
  for (const list of byRow.values()) {
    list.sort((a, b) => a.left - b.left);
    list.forEach((entry, k) => {
      if (!entry.mark) return;
      const nextLeft = list[k + 1]?.left ?? width;
      const room = Math.min(nextLeft, width) - entry.right - 8;
      if (room >= minLabel) entry.mark.labelWidth = Math.min(room, maxLabel);
    });
  }
}
