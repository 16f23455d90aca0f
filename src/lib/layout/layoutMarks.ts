/**
 * Lays out the events of the timeline for one zoom level: which events are
 * drawn as markers (in which lane, row and column), where several events on a
 * day stack or sit side by side, and where they collapse into a count badge.
 * Only what lies in the visible window is laid out, so the marks drawn stay
 * bounded by the width, not by the size of the dataset. Pure: sizes come in
 * as arguments.
 */

export type LaneItem = { id: string; lane: number; start: number; end: number };
export type EventMark = {
  kind: 'event'; id: string; lane: number; row: number;
  /** Centre of the marker (points) or left edge of the bar (spans), in px. */
  x: number;
  /** Right edge of the bar for spans; null for single days. */
  x1: number | null;
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
  /** Whether labels are drawn at all (not on the compact phone strip). */
  labels: boolean;
  /** The selected event is always drawn as its own marker. */
  selectedId?: string | null;
  /** Narrowest label worth drawing, px; and the widest. */
  minLabel?: number;
  maxLabel?: number;
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

/** Lays out every lane for the given window and sizes: see the file header. */
export function layoutMarks(laneIndex: { lanes: LaneItem[][]; longest: number[] }, options: LayoutOptions): Mark[] {
  const { view, width, rows, markerSize, labels, selectedId = null, minLabel = 44, maxLabel = 240 } = options;
  const msPerPx = (view[1] - view[0]) / width;
  const pxPerDay = DAY_MS / msPerPx;
  const x = (t: number) => (t - view[0]) / msPerPx;
  const margin = markerSize * msPerPx;
  const marks: Mark[] = [];

  laneIndex.lanes.forEach((items, lane) => {
    const from = lowerBound(items, view[0] - laneIndex.longest[lane]! - margin);
    const to = lowerBound(items, view[1] + margin);
    const laneMarks: EventMark[] = [];
    let i = from;
    while (i < to) {
      // A group: items whose day centres lie within one marker of the first's.
      const first = items[i]!;
      const firstCx = x(first.start + DAY_MS / 2);
      let j = i + 1;
      // A badge is wider than a marker: keep groups a badge apart.
      while (j < to && x(items[j]!.start + DAY_MS / 2) - firstCx < markerSize + 16) j++;
      const group = items.slice(i, j).filter((it) => it.end >= view[0] - margin);
      i = j;
      if (group.length === 0) continue;
      const sameDay = group.every((it) => it.start === first.start);
      const cols = sameDay ? Math.max(1, Math.floor(pxPerDay / markerSize)) : 1;
      if (group.length <= rows * cols) {
        group.forEach((it, k) => {
          const col = cols === 1 ? 0 : Math.floor(k / rows);
          const row = cols === 1 ? k : k % rows;
          const usedCols = Math.ceil(group.length / rows);
          const cx = cols === 1
            ? x(it.start + DAY_MS / 2)
            : x(it.start) + (pxPerDay - usedCols * markerSize) / 2 + (col + 0.5) * markerSize;
          const isSpan = it.end - it.start > DAY_MS;
          laneMarks.push({ kind: 'event', id: it.id, lane, row, x: isSpan ? x(it.start) : cx, x1: isSpan ? x(it.end) : null, labelWidth: 0 });
        });
        continue;
      }
      const selected = group.find((it) => it.id === selectedId);
      const rest = group.filter((it) => it !== selected);
      const cx = x((Math.min(...group.map((it) => it.start)) + Math.max(...group.map((it) => it.start)) + DAY_MS) / 2);
      if (selected) laneMarks.push({ kind: 'event', id: selected.id, lane, row: 0, x: x(selected.start + DAY_MS / 2), x1: null, labelWidth: 0 });
      marks.push({
        kind: 'cluster', key: `${lane}:${rest[0]!.id}`, lane, row: selected ? 1 : 0, x: cx,
        ids: rest.map((it) => it.id), start: rest[0]!.start, end: Math.max(...rest.map((it) => it.end)),
      });
    }
    if (labels) assignLabels(laneMarks, marks, lane, width, markerSize, minLabel, maxLabel);
    marks.push(...laneMarks);
  });
  return marks;
}

/** Gives each marker a label where the row to its right is free for at least `minLabel` px. */
function assignLabels(laneMarks: EventMark[], others: readonly Mark[], lane: number, width: number, size: number, minLabel: number, maxLabel: number) {
  const badges = others.filter((m) => m.kind === 'cluster' && m.lane === lane);
  const byRow = new Map<number, Array<{ left: number; mark?: EventMark; right: number }>>();
  const add = (row: number, entry: { left: number; mark?: EventMark; right: number }) => {
    const list = byRow.get(row) ?? [];
    list.push(entry);
    byRow.set(row, list);
  };
  for (const m of laneMarks) add(m.row, { left: m.x1 === null ? m.x - size / 2 : m.x, right: m.x1 ?? m.x + size / 2, mark: m });
  // A badge blocks every row it covers: it is drawn over the lane's rows.
  for (const b of badges) for (const row of byRow.keys()) add(row, { left: b.x - size, right: b.x + size });
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
