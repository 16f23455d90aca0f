import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { indexLanes, layoutMarks, type ClusterMark, type EventMark, type LaneItem, type LayoutOptions, type Mark } from './layoutMarks.ts';

const DAY = 86_400_000;
const SIZE = 24;
/** Seeded, so that a failure is the same failure on every run. */
const PROPERTY = { seed: 20220310, numRuns: 400 } as const;

/** UTC midnight of a `YYYY-MM-DD` day. */
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** An event on `day` (through `last`, for a multi-day event), as the timeline hands it to the layout. */
const item = (id: string, day: string, lane = 0, last?: string): LaneItem => ({ id, lane, start: at(day), end: at(last ?? day) + DAY });
/** `days` days from the midnight of `first`. */
const days = (first: string, count: number): readonly [number, number] => [at(first), at(first) + count * DAY];

function layout(items: readonly LaneItem[], options: Partial<LayoutOptions> & Pick<LayoutOptions, 'view'>, lanes = 4): Mark[] {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  return layoutMarks(indexLanes(sorted, lanes), { width: 800, rows: 2, markerSize: SIZE, labels: true, ...options });
}
const eventsOf = (marks: readonly Mark[]) => marks.filter((m): m is EventMark => m.kind === 'event');
const clustersOf = (marks: readonly Mark[]) => marks.filter((m): m is ClusterMark => m.kind === 'cluster');
/** Every event id a mark stands for: its own, or those counted in its badge. */
const idsOf = (marks: readonly Mark[]) => marks.flatMap((m) => (m.kind === 'event' ? [m.id] : m.ids));
const sameDay = (n: number, day = '2022-03-10', lane = 0) => Array.from({ length: n }, (_, i) => item(`e${i + 1}`, day, lane));

/** The pixels a mark covers in its row: a marker is `size` wide around its centre, a bar at least `size` from its start, a badge at least `size`. */
function extent(m: Mark, size: number): { left: number; right: number } {
  if (m.kind === 'event' && m.x1 !== null) return { left: m.x, right: Math.max(m.x1, m.x + size) };
  return { left: m.x - size / 2, right: m.x + size / 2 };
}
/** Marks grouped by the row they are drawn in, each row sorted left to right. */
function rowsOf(marks: readonly Mark[], size: number) {
  const rows = new Map<string, Array<{ mark: Mark; left: number; right: number }>>();
  for (const mark of marks) {
    const key = `${mark.lane}:${mark.row}`;
    rows.set(key, [...(rows.get(key) ?? []), { mark, ...extent(mark, size) }]);
  }
  for (const row of rows.values()) row.sort((a, b) => a.left - b.left);
  return rows;
}

/** Seeded pseudo-random numbers (mulberry32), for the large dataset. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('stacking on one day', () => {
  test('events on one day stack in distinct rows when the rows hold them', () => {
    const marks = layout(sameDay(2), { view: days('2022-02-24', 30) });
    const events = eventsOf(marks);
    expect(events.map((m) => m.id).sort()).toEqual(['e1', 'e2']);
    expect(clustersOf(marks)).toEqual([]);
    expect(new Set(events.map((m) => m.row)).size).toBe(2);
    for (const m of events) expect(m.row).toBeLessThan(2);
  });

  test('three rows hold three events of one day', () => {
    const marks = layout(sameDay(3), { view: days('2022-02-24', 30), rows: 3 });
    expect(eventsOf(marks)).toHaveLength(3);
    expect(new Set(eventsOf(marks).map((m) => m.row))).toEqual(new Set([0, 1, 2]));
  });

  test('zoomed in, a day wide enough for several markers shows them all, none on top of another and all over that day', () => {
    const view = days('2022-03-07', 7); // about 114 px a day at 800 px: four markers across
    const marks = layout(sameDay(7), { view });
    expect(clustersOf(marks)).toEqual([]);
    expect(eventsOf(marks)).toHaveLength(7);
    for (const row of rowsOf(marks, SIZE).values()) {
      for (let k = 1; k < row.length; k++) expect(row[k]!.left).toBeGreaterThanOrEqual(row[k - 1]!.right - 1e-6);
    }
    const px = (t: number) => ((t - view[0]) / (view[1] - view[0])) * 800;
    for (const m of eventsOf(marks)) {
      expect(m.x - SIZE / 2).toBeGreaterThanOrEqual(px(at('2022-03-10')) - 1e-6);
      expect(m.x + SIZE / 2).toBeLessThanOrEqual(px(at('2022-03-11')) + 1e-6);
    }
  });
});

describe('clustering', () => {
  test('more events on a day than its rows and columns hold collapse into one badge counting all of them', () => {
    // 30 days over 800 px: under 27 px a day, room for one column of two rows.
    const marks = layout(sameDay(5), { view: days('2022-02-24', 30) });
    expect(eventsOf(marks)).toEqual([]);
    const clusters = clustersOf(marks);
    expect(clusters).toHaveLength(1);
    expect([...clusters[0]!.ids].sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  test('a day with room for two columns of two rows still collapses five events, but shows four', () => {
    const view = days('2022-02-28', 13); // about 62 px a day
    expect(clustersOf(layout(sameDay(5), { view }))[0]?.ids).toHaveLength(5);
    const four = layout(sameDay(4), { view });
    expect(clustersOf(four)).toEqual([]);
    expect(eventsOf(four)).toHaveLength(4);
  });

  test('events that cluster at a distance separate when zoomed in', () => {
    const items = ['2022-03-07', '2022-03-08', '2022-03-09', '2022-03-10'].map((d, i) => item(`d${i}`, d));
    const far = layout(items, { view: days('2020-01-01', 3 * 365) });
    expect(eventsOf(far)).toEqual([]);
    expect(clustersOf(far).flatMap((c) => c.ids).sort()).toEqual(['d0', 'd1', 'd2', 'd3']);
    const near = layout(items, { view: days('2022-03-03', 12) });
    expect(clustersOf(near)).toEqual([]);
    expect(eventsOf(near).map((m) => m.id).sort()).toEqual(['d0', 'd1', 'd2', 'd3']);
  });

  test('the selected event stays a marker inside a cluster, and the badge does not count it', () => {
    const marks = layout(sameDay(6), { view: days('2022-02-24', 30), selectedId: 'e4' });
    const events = eventsOf(marks);
    expect(events.map((m) => m.id)).toEqual(['e4']);
    const clusters = clustersOf(marks);
    expect(clusters).toHaveLength(1);
    expect([...clusters[0]!.ids].sort()).toEqual(['e1', 'e2', 'e3', 'e5', 'e6']);
    // Drawn apart: the marker and the badge do not share a row.
    expect(clusters[0]!.row).not.toBe(events[0]!.row);
  });

  test('badges stay in their own lane', () => {
    const items = [...sameDay(5, '2022-03-10', 0), ...sameDay(5, '2022-03-10', 2).map((it) => ({ ...it, id: `x-${it.id}` }))];
    const clusters = clustersOf(layout(items, { view: days('2022-02-24', 30) }));
    expect(clusters.map((c) => c.lane).sort()).toEqual([0, 2]);
    for (const c of clusters) expect(c.ids.every((id) => id.startsWith('x-') === (c.lane === 2))).toBe(true);
  });
});

describe('no overlap', () => {
  test('events on three days in a row, two on the last, at 16 px a day: no two markers of a row overlap', () => {
    const items = [item('a', '2022-03-01'), item('b', '2022-03-02'), item('c', '2022-03-03'), item('d', '2022-03-03')];
    const marks = layout(items, { view: days('2022-03-01', 50), labels: false });
    for (const list of rowsOf(marks, SIZE).values()) {
      for (let k = 1; k < list.length; k++) expect(list[k]!.left).toBeGreaterThanOrEqual(list[k - 1]!.right - 1e-6);
    }
  });

  test('the selected event drawn out of a badge does not sit on the next event’s marker', () => {
    const items = [item('a', '2022-03-01'), item('b', '2022-03-01'), item('picked', '2022-03-02'), item('next', '2022-03-03')];
    const marks = layout(items, { view: days('2022-03-01', 50), labels: false, selectedId: 'picked' }); // 16 px a day
    expect(eventsOf(marks).map((m) => m.id).sort()).toEqual(['next', 'picked']);
    for (const list of rowsOf(marks, SIZE).values()) {
      for (let k = 1; k < list.length; k++) expect(list[k]!.left).toBeGreaterThanOrEqual(list[k - 1]!.right - 1e-6);
    }
  });

  test('a multi-day bar does not run under the marker of a later event in its row', () => {
    const items = [item('siege', '2022-03-01', 0, '2022-03-10'), item('strike', '2022-03-08')];
    const marks = layout(items, { view: days('2022-02-25', 26), labels: false }); // about 31 px a day
    expect(idsOf(marks).sort()).toEqual(['siege', 'strike']);
    for (const list of rowsOf(marks, SIZE).values()) {
      for (let k = 1; k < list.length; k++) expect(list[k]!.left).toBeGreaterThanOrEqual(list[k - 1]!.right - 1e-6);
    }
  });
});

describe('the visible window', () => {
  test('events well outside the window are not laid out; those inside are', () => {
    const items = [item('before', '2022-01-15'), item('inside', '2022-03-05', 1), item('after', '2022-05-01', 2)];
    const marks = layout(items, { view: days('2022-03-01', 14) });
    expect(idsOf(marks)).toEqual(['inside']);
  });

  test('a multi-day event that began before the window and runs into it is laid out', () => {
    const marks = layout([item('siege', '2022-02-10', 0, '2022-03-04')], { view: days('2022-03-01', 14) });
    expect(idsOf(marks)).toEqual(['siege']);
    const bar = eventsOf(marks)[0]!;
    expect(bar.x).toBeLessThan(0);
    expect(bar.x1).toBeGreaterThan(0);
  });

  test('10,000 events over three years at fit-all (1200 px) give at most a few hundred marks, mostly badges', () => {
    const next = random(7);
    const first = at('2020-01-01');
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: `ev${i}`, lane: Math.floor(next() * 4), start: first + Math.floor(next() * 1096) * DAY,
    })).map((it) => ({ ...it, end: it.start + DAY }));
    const view = [first - 20 * DAY, first + 1116 * DAY] as const;
    const marks = layout(items, { view, width: 1200 });
    expect(marks.length).toBeLessThanOrEqual(300);
    expect(clustersOf(marks).length).toBeGreaterThan(eventsOf(marks).length);
    // Nothing is lost, and nothing counted twice.
    const ids = idsOf(marks);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
  });
});

describe('labels', () => {
  test('a lone event with room beside it gets a label', () => {
    const [m] = eventsOf(layout([item('alone', '2022-03-05')], { view: days('2022-03-01', 14) }));
    expect(m!.labelWidth).toBeGreaterThanOrEqual(44);
  });

  test('no labels at all when labels are off (the phone strip)', () => {
    const marks = layout([item('alone', '2022-03-05')], { view: days('2022-03-01', 14), labels: false });
    expect(eventsOf(marks).every((m) => m.labelWidth === 0)).toBe(true);
  });

  test('an event with a neighbour close on its right in its row gets no label', () => {
    // Next-door days at about 57 px a day: the gap between the markers is narrower than the narrowest label.
    const marks = layout([item('a', '2022-03-05'), item('b', '2022-03-06')], { view: days('2022-03-01', 14) });
    const a = eventsOf(marks).find((m) => m.id === 'a')!;
    const b = eventsOf(marks).find((m) => m.id === 'b')!;
    expect(a.row).toBe(b.row);
    expect(a.labelWidth).toBe(0);
  });
});

/**
 * Random events on 4 lanes over six weeks, seen at 2 to 150 px a day (from a
 * quarter on a phone to two days on a wide screen), sometimes crowded.
 */
const scene = (spans: boolean) =>
  fc.record({
    events: fc.array(
      fc.record({
        lane: fc.integer({ min: 0, max: 3 }),
        day: fc.integer({ min: 0, max: 42 }),
        length: spans ? fc.oneof(fc.constant(1), fc.constant(1), fc.integer({ min: 2, max: 6 })) : fc.constant(1),
      }),
      { minLength: 1, maxLength: 60 },
    ),
    viewStart: fc.double({ min: -5, max: 30, noNaN: true }),
    pxPerDay: fc.double({ min: 2, max: 150, noNaN: true }),
    width: fc.integer({ min: 360, max: 1920 }),
    rows: fc.integer({ min: 2, max: 3 }),
    markerSize: fc.constantFrom(22, 24),
    selected: fc.option(fc.nat(), { nil: null }),
  }).map((s) => {
    const first = at('2022-02-01');
    const items = s.events.map((e, i) => ({ id: `ev${i}`, lane: e.lane, start: first + e.day * DAY, end: first + (e.day + e.length) * DAY }));
    const viewDays = Math.max(2, s.width / s.pxPerDay);
    const view = [first + s.viewStart * DAY, first + (s.viewStart + viewDays) * DAY] as const;
    const selectedId = s.selected === null ? null : `ev${s.selected % items.length}`;
    return { items, options: { view, width: s.width, rows: s.rows, markerSize: s.markerSize, labels: true, selectedId } };
  });

describe('invariants at every zoom', () => {
  test('every event that is in the window is drawn once, as a marker or in a badge', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const marks = layout(items, options);
      const ids = idsOf(marks);
      expect(new Set(ids).size).toBe(ids.length);
      for (const it of items) {
        if (it.end > options.view[0] && it.start < options.view[1]) expect(ids).toContain(it.id);
      }
    }), PROPERTY);
  });

  test('the selected event, when in the window, is always a marker and never counted in a badge', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const selected = items.find((it) => it.id === options.selectedId);
      fc.pre(selected !== undefined && selected.end > options.view[0] && selected.start < options.view[1]);
      const marks = layout(items, options);
      expect(eventsOf(marks).map((m) => m.id)).toContain(options.selectedId);
      expect(clustersOf(marks).flatMap((c) => c.ids)).not.toContain(options.selectedId);
    }), PROPERTY);
  });

  test('markers in the same row never overlap', () => {
    fc.assert(fc.property(scene(false), ({ items, options }) => {
      const marks = layout(items, options);
      for (const [row, list] of rowsOf(eventsOf(marks), options.markerSize)) {
        for (let k = 1; k < list.length; k++) {
          const [a, b] = [list[k - 1]!, list[k]!];
          const what = `row ${row}: ${a.mark.kind === 'event' ? a.mark.id : 'badge'} [${a.left}, ${a.right}] and ${b.mark.kind === 'event' ? b.mark.id : 'badge'} [${b.left}, ${b.right}]`;
          expect(b.left, what).toBeGreaterThanOrEqual(a.right - 1e-6);
        }
      }
    }), PROPERTY);
  });

  test('markers and badges in the same row never overlap', () => {
    fc.assert(fc.property(scene(false), ({ items, options }) => {
      const marks = layout(items, options);
      for (const [row, list] of rowsOf(marks, options.markerSize)) {
        for (let k = 1; k < list.length; k++) {
          const [a, b] = [list[k - 1]!, list[k]!];
          expect(b.left, `row ${row}`).toBeGreaterThanOrEqual(a.right - 1e-6);
        }
      }
    }), PROPERTY);
  });

  // A one-day marker's label runs to its right; a bar's title is drawn inside the bar, so only bars block here.
  test('a label’s right edge never passes the next mark in its row, nor the edge of the timeline', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const marks = layout(items, options);
      for (const list of rowsOf(marks, options.markerSize).values()) {
        list.forEach(({ mark, right }, k) => {
          if (mark.kind !== 'event' || mark.x1 !== null || mark.labelWidth === 0) return;
          const labelRight = right + mark.labelWidth;
          const next = list.slice(k + 1).find((o) => o.left >= right - 1e-6);
          expect(labelRight).toBeLessThanOrEqual(options.width + 1e-6);
          if (next) expect(labelRight, `label of ${mark.id}`).toBeLessThanOrEqual(next.left + 1e-6);
        });
      }
    }), PROPERTY);
  });

  test('does not change the items it is given', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const sorted = [...items].sort((a, b) => a.start - b.start);
      const index = indexLanes(sorted, 4);
      const before = JSON.stringify(index);
      layoutMarks(index, options);
      expect(JSON.stringify(index)).toBe(before);
    }), { ...PROPERTY, numRuns: 50 });
  });
});
