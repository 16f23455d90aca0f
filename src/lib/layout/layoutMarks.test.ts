import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { indexLanes, layoutMarks, type ClusterMark, type EventMark, type LaneItem, type LayoutOptions, type Mark } from './layoutMarks.ts';

const DAY = 86_400_000;
const SIZE = 24;
/** The room the app gives a count badge (Timeline.tsx, BADGE_SIZE); without the option a badge is a marker wide. */
const BADGE = 36;
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

/**
 * The pixels a mark covers in its row: a marker is `size` wide around its
 * centre, a badge `badgeSize` wide around its centre. The bar of an event of
 * several days is drawn along the lane's top edge, outside the rows, so it
 * covers nothing here.
 */
function extent(m: Mark, size: number, badgeSize = size): { left: number; right: number } {
  const half = (m.kind === 'event' ? size : Math.max(badgeSize, size)) / 2;
  return { left: m.x - half, right: m.x + half };
}
/** Marks grouped by the row they are drawn in, each row sorted left to right. */
function rowsOf(marks: readonly Mark[], size: number, badgeSize = size) {
  const rows = new Map<string, Array<{ mark: Mark; left: number; right: number }>>();
  for (const mark of marks) {
    const key = `${mark.lane}:${mark.row}`;
    rows.set(key, [...(rows.get(key) ?? []), { mark, ...extent(mark, size, badgeSize) }]);
  }
  for (const row of rows.values()) row.sort((a, b) => a.left - b.left);
  return rows;
}
/** Where two marks of one row overlap, one line each (none when nothing overlaps). */
function overlapsIn(marks: readonly Mark[], size: number, badgeSize = size): string[] {
  const name = (m: Mark) => (m.kind === 'event' ? m.id : `badge ${m.key}`);
  const found: string[] = [];
  for (const [row, list] of rowsOf(marks, size, badgeSize)) {
    for (let k = 1; k < list.length; k++) {
      const [a, b] = [list[k - 1]!, list[k]!];
      if (b.left < a.right - 1e-6) found.push(`row ${row}: ${name(a.mark)} [${a.left}, ${a.right}] and ${name(b.mark)} [${b.left}, ${b.right}]`);
    }
  }
  return found;
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

  test.each([undefined, BADGE])('zoomed in, a day wide enough for several markers shows them all, side by side, none on top of another and all over that day (badge size %s)', (badgeSize) => {
    const view = days('2022-03-07', 7); // about 114 px a day at 800 px: four markers across
    const marks = layout(sameDay(7), { view, badgeSize });
    expect(clustersOf(marks)).toEqual([]);
    expect(eventsOf(marks)).toHaveLength(7);
    expect(overlapsIn(marks, SIZE, badgeSize)).toEqual([]);
    // Side by side: two rows cannot hold seven, so they take four places across.
    expect(new Set(eventsOf(marks).map((m) => m.x.toFixed(6))).size).toBe(4);
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
  test('in a busy fortnight, at every scale from 2 to 60 px a day and whichever event is selected, no marker overlaps another mark of its row', () => {
    const busy = [0, 0, 1, 2, 2, 3, 5, 6, 6, 6, 9, 10, 12, 13].map((d, i) => ({ id: `b${i}`, lane: 0, start: at('2022-03-01') + d * DAY, end: at('2022-03-01') + (d + 1) * DAY }));
    const overlaps: string[] = [];
    for (const badgeSize of [undefined, BADGE]) {
      for (let pxPerDay = 2; pxPerDay <= 60; pxPerDay += 0.25) {
        for (const selectedId of [null, ...busy.map((it) => it.id)]) {
          const view = [at('2022-02-28'), at('2022-02-28') + (800 / pxPerDay) * DAY] as const;
          const marks = layout(busy, { view, selectedId, badgeSize, labels: false });
          for (const o of overlapsIn(marks, SIZE, badgeSize)) overlaps.push(`${pxPerDay} px a day, badge ${badgeSize ?? 'default'}, ${selectedId ?? 'nothing'} selected: ${o}`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  test.each([undefined, BADGE])('an event of several days is a marker at its start with a bar over its days, drawn outside the rows, so a later event inside it keeps its own marker (badge size %s)', (badgeSize) => {
    const items = [item('siege', '2022-03-01', 0, '2022-03-10'), item('strike', '2022-03-08')];
    const view = days('2022-02-25', 26); // about 31 px a day
    const marks = layout(items, { view, badgeSize, labels: false });
    expect(clustersOf(marks)).toEqual([]);
    const siege = eventsOf(marks).find((m) => m.id === 'siege')!;
    const strike = eventsOf(marks).find((m) => m.id === 'strike')!;
    const px = (t: number) => ((t - view[0]) / (view[1] - view[0])) * 800;
    expect(siege.bar![0]).toBeCloseTo(px(at('2022-03-01')), 6);
    expect(siege.bar![1]).toBeCloseTo(px(at('2022-03-11')), 6);
    expect(strike.bar).toBeNull();
    // The marker of the siege is near its first day, not spread over the bar; the strike's marker lies under the bar, which is allowed.
    expect(Math.abs(siege.x - px(at('2022-03-01') + DAY / 2))).toBeLessThan((badgeSize ?? SIZE) / 2);
    expect(strike.x).toBeGreaterThan(siege.bar![0]);
    expect(strike.x).toBeLessThan(siege.bar![1]);
    expect(overlapsIn(marks, SIZE, badgeSize)).toEqual([]);
  });
});

describe('the visible window', () => {
  test('events well outside the window are not laid out; those inside are', () => {
    const items = [item('before', '2022-01-15'), item('inside', '2022-03-05', 1), item('after', '2022-05-01', 2)];
    const marks = layout(items, { view: days('2022-03-01', 14) });
    expect(idsOf(marks)).toEqual(['inside']);
  });

  test.each([undefined, BADGE])('a multi-day event that began before the window and runs into it is laid out, its bar reaching into the window (badge size %s)', (badgeSize) => {
    const marks = layout([item('siege', '2022-02-10', 0, '2022-03-04')], { view: days('2022-03-01', 14), badgeSize });
    expect(idsOf(marks)).toEqual(['siege']);
    const siege = eventsOf(marks)[0]!;
    expect(siege.x).toBeLessThan(0);
    expect(siege.bar![0]).toBeLessThan(0);
    expect(siege.bar![1]).toBeGreaterThan(0);
  });

  test('a multi-day event that ended before the window is not laid out', () => {
    const marks = layout([item('siege', '2022-02-10', 0, '2022-02-27'), item('inside', '2022-03-05')], { view: days('2022-03-01', 14) });
    expect(idsOf(marks)).toEqual(['inside']);
  });

  test.each([undefined, BADGE])('10,000 events over three years at fit-all (1200 px) give at most a few hundred marks, mostly badges (badge size %s)', (badgeSize) => {
    const next = random(7);
    const first = at('2020-01-01');
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: `ev${i}`, lane: Math.floor(next() * 4), start: first + Math.floor(next() * 1096) * DAY,
    })).map((it) => ({ ...it, end: it.start + DAY }));
    const view = [first - 20 * DAY, first + 1116 * DAY] as const;
    const marks = layout(items, { view, width: 1200, badgeSize });
    expect(marks.length).toBeLessThanOrEqual(300);
    expect(clustersOf(marks).length).toBeGreaterThan(eventsOf(marks).length);
    // Nothing is lost, and nothing counted twice.
    const ids = idsOf(marks);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(overlapsIn(marks, SIZE, badgeSize)).toEqual([]);
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
 * Random events on 4 lanes over six weeks (or crowded into nine days), seen at
 * 2 to 150 px a day (from a quarter on a phone to two days on a wide screen), with
 * badges as wide as a marker (the default) or as the app draws them.
 */
const scene = (spans: boolean) =>
  fc.record({
    events: fc.array(
      fc.record({
        lane: fc.integer({ min: 0, max: 3 }),
        day: fc.integer({ min: 0, max: 42 }),
        length: spans ? fc.oneof(fc.constant(1), fc.constant(1), fc.integer({ min: 2, max: 6 })) : fc.constant(1),
      }),
      { minLength: 1, maxLength: 60, size: 'max' },
    ),
    crowded: fc.boolean(),
    viewStart: fc.double({ min: -5, max: 30, noNaN: true }),
    pxPerDay: fc.double({ min: 2, max: 150, noNaN: true }),
    width: fc.integer({ min: 360, max: 1920 }),
    rows: fc.integer({ min: 2, max: 3 }),
    markerSize: fc.constantFrom(22, 24),
    badgeSize: fc.constantFrom(undefined, BADGE),
    selected: fc.option(fc.nat(), { nil: null }),
    keys: fc.uniqueArray(fc.nat(), { maxLength: 1 }),
    // As the timeline lays them out (given the data's extent), or from a fixed origin (without).
    withExtent: fc.boolean(),
  }).map((s) => {
    const first = at('2022-02-01');
    const day = (d: number) => (s.crowded ? 14 + (d % 9) : d);
    const items = s.events.map((e, i) => ({ id: `ev${i}`, lane: e.lane, start: first + day(e.day) * DAY, end: first + (day(e.day) + e.length) * DAY }));
    const viewDays = Math.max(2, s.width / s.pxPerDay);
    const view = [first + s.viewStart * DAY, first + (s.viewStart + viewDays) * DAY] as const;
    const selectedId = s.selected === null ? null : `ev${s.selected % items.length}`;
    // The app's promise: a column keeps the selection, a key event and a badge in one stack, so with
    // two rows it holds no key event beside a selection (the timeline draws three rows).
    const pinned = new Set(s.rows >= 3 ? s.keys.map((k) => `ev${k % items.length}`) : []);
    const extent = s.withExtent ? [Math.min(...items.map((it) => it.start)), Math.max(...items.map((it) => it.end))] as const : null;
    const options = { view, width: s.width, rows: s.rows, markerSize: s.markerSize, badgeSize: s.badgeSize, labels: true, selectedId, pinned, extent };
    return { items, options };
  });

/** The room a badge takes in a scene: the option, never less than a marker. */
const badgeOf = (options: { markerSize: number; badgeSize?: number | undefined }) => Math.max(options.badgeSize ?? options.markerSize, options.markerSize);
const pxOf = (options: { view: readonly [number, number]; width: number }) => (t: number) => ((t - options.view[0]) / (options.view[1] - options.view[0])) * options.width;
const inWindow = (it: LaneItem, view: readonly [number, number]) => it.end > view[0] && it.start < view[1];
/**
 * Over the data's extent, where a day is narrower than a badge: its days shared out evenly over as
 * many columns of ceil(badge / day) days as fit, so a column is at most ceil(days / columns) days.
 */
function widestColumnDays(options: { view: readonly [number, number]; width: number; markerSize: number; badgeSize?: number | undefined; extent: readonly [number, number] | null }): number {
  const pxPerDay = (DAY / (options.view[1] - options.view[0])) * options.width;
  const perColumn = Math.ceil(badgeOf(options) / pxPerDay);
  if (!options.extent || perColumn === 1) return perColumn;
  const dataDays = Math.round((options.extent[1] - options.extent[0]) / DAY);
  return Math.ceil(dataDays / Math.max(1, Math.floor(dataDays / perColumn)));
}

describe('invariants at every zoom', () => {
  test('every event that is in the window is drawn once, as a marker or in a badge', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const marks = layout(items, options);
      const ids = idsOf(marks);
      expect(new Set(ids).size).toBe(ids.length);
      for (const it of items) {
        if (inWindow(it, options.view)) expect(ids).toContain(it.id);
      }
    }), PROPERTY);
  });

  // Marks snap to columns a badge wide at most a day more, so an event just past the right edge may share a badge with one inside.
  test('an event that ended before the window is never laid out, nor one that starts more than a column past its end', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const ids = new Set(idsOf(layout(items, options)));
      const column = options.extent ? widestColumnDays(options) * DAY : (badgeOf(options) / options.width) * (options.view[1] - options.view[0]) + DAY;
      for (const it of items) {
        if (it.end <= options.view[0] || it.start >= options.view[1] + column) expect(ids.has(it.id), it.id).toBe(false);
      }
    }), PROPERTY);
  });

  test('the selected event, when in the window, is always a marker and never counted in a badge', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const selected = items.find((it) => it.id === options.selectedId);
      fc.pre(selected !== undefined && inWindow(selected, options.view));
      const marks = layout(items, options);
      expect(eventsOf(marks).map((m) => m.id)).toContain(options.selectedId);
      expect(clustersOf(marks).flatMap((c) => c.ids)).not.toContain(options.selectedId);
    }), PROPERTY);
  });

  test('key events in the window are always markers, never counted in a badge', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const keys = items.filter((it) => options.pinned.has(it.id) && inWindow(it, options.view));
      fc.pre(keys.length > 0);
      const marks = layout(items, options);
      for (const key of keys) {
        expect(eventsOf(marks).map((m) => m.id)).toContain(key.id);
        expect(clustersOf(marks).flatMap((c) => c.ids)).not.toContain(key.id);
      }
    }), PROPERTY);
  });

  test('no marker overlaps another marker or a badge in its row, nor a badge another badge', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      expect(overlapsIn(layout(items, options), options.markerSize, badgeOf(options))).toEqual([]);
    }), PROPERTY);
  });

  test('every mark is in one of the lane’s rows, and a badge holds more than one event', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      for (const m of layout(items, options)) {
        expect(Number.isInteger(m.row) && m.row >= 0 && m.row < options.rows).toBe(true);
        if (m.kind === 'cluster') expect(m.ids.length).toBeGreaterThan(1);
      }
    }), PROPERTY);
  });

  test('an event of several days reports its bar over exactly its days; an event of one day has none', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const px = pxOf(options);
      const byId = new Map(items.map((it) => [it.id, it]));
      for (const m of eventsOf(layout(items, options))) {
        const it = byId.get(m.id)!;
        if (it.end - it.start <= DAY) {
          expect(m.bar).toBeNull();
        } else {
          expect(m.bar).not.toBeNull();
          expect(m.bar![0]).toBeCloseTo(px(it.start), 6);
          expect(m.bar![1]).toBeCloseTo(px(it.end), 6);
        }
      }
    }), PROPERTY);
  });

  test('a marker lies over its first day when a day has room for a badge, and otherwise within half a badge of it', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const px = pxOf(options);
      const pxPerDay = px(options.view[0] + DAY);
      const byId = new Map(items.map((it) => [it.id, it]));
      for (const m of eventsOf(layout(items, options))) {
        const start = byId.get(m.id)!.start;
        if (pxPerDay >= badgeOf(options)) {
          expect(m.x - options.markerSize / 2, m.id).toBeGreaterThanOrEqual(px(start) - 1e-6);
          expect(m.x + options.markerSize / 2, m.id).toBeLessThanOrEqual(px(start + DAY) + 1e-6);
        } else if (!options.extent) {
          // A column is ceil(badge / day) days: its centre is less than half a badge from any of its days (up to rounding of that ceiling).
          expect(Math.abs(m.x - px(start + DAY / 2)), m.id).toBeLessThanOrEqual(badgeOf(options) / 2 + 1e-6);
        } else {
          // The data's days are shared out evenly over as many columns of ceil(badge / day) days as fit:
          // a column is at most ceil(days / columns) days, and its centre at most half of that, less half a day, from any of its days.
          expect(Math.abs(m.x - px(start + DAY / 2)), m.id).toBeLessThanOrEqual(((widestColumnDays(options) - 1) * pxPerDay) / 2 + 1e-6);
        }
      }
    }), PROPERTY);
  });

  test('given the data\'s extent, no mark reaches past its first day or its last: those at the ends are whole', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      fc.pre(options.extent !== null);
      const px = pxOf(options);
      const [left, right] = [px(options.extent![0]), px(options.extent![1])];
      // Only where the data is at least a badge wide: narrower, no mark fits inside it.
      fc.pre(right - left >= badgeOf(options));
      for (const m of layout(items, options)) {
        const { left: l, right: r } = extent(m, options.markerSize, badgeOf(options));
        expect(l, JSON.stringify(m)).toBeGreaterThanOrEqual(left - 1e-6);
        expect(r, JSON.stringify(m)).toBeLessThanOrEqual(right + 1e-6);
      }
    }), PROPERTY);
  });

  test('panning moves the marks with the time axis and regroups nothing well inside the window', () => {
    fc.assert(fc.property(scene(true), fc.integer({ min: -20, max: 20 }), ({ items, options }, shiftDays) => {
      const panned = { ...options, view: [options.view[0] + shiftDays * DAY, options.view[1] + shiftDays * DAY] as const };
      const msPerPx = (options.view[1] - options.view[0]) / options.width;
      // Farther than a column from both edges of both windows: its column lies wholly in both. A column
      // is at most a badge and a day wide; over the data's extent, at most ceil(days / columns) days.
      const margin = options.extent ? widestColumnDays(options) * DAY : badgeOf(options) * msPerPx + DAY;
      const inner = (it: LaneItem) => [options.view, panned.view].every((v) => it.start >= v[0] + margin && it.start + margin <= v[1]);
      const before = layout(items, options);
      const after = layout(items, panned);
      const where = (marks: readonly Mark[], id: string) => marks.find((m) => (m.kind === 'event' ? m.id === id : m.ids.includes(id)))!;
      for (const it of items.filter(inner)) {
        const [a, b] = [where(before, it.id), where(after, it.id)];
        expect(b.kind, it.id).toBe(a.kind);
        expect(b.row, it.id).toBe(a.row);
        expect(b.x, it.id).toBeCloseTo(a.x - (shiftDays * DAY) / msPerPx, 6);
        if (a.kind === 'cluster' && b.kind === 'cluster') expect([...b.ids].sort()).toEqual([...a.ids].sort());
      }
    }), PROPERTY);
  });

  // A label runs to the right of its marker (one of several days too: its bar is outside the rows). A badge's list opens over the whole lane.
  test('a label is drawn only where there is room: its right edge never passes the next mark in its row, a badge in its lane, nor the edge of the timeline', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      const marks = layout(items, options);
      const size = options.markerSize;
      for (const m of eventsOf(marks)) {
        if (m.labelWidth === 0) continue;
        expect(m.labelWidth).toBeGreaterThanOrEqual(44);
        expect(m.labelWidth).toBeLessThanOrEqual(240);
        const right = m.x + size / 2;
        const labelRight = right + m.labelWidth;
        expect(labelRight).toBeLessThanOrEqual(options.width + 1e-6);
        for (const o of marks) {
          if (o === m || o.lane !== m.lane || (o.kind === 'event' && o.row !== m.row)) continue;
          const { left } = extent(o, size, badgeOf(options));
          if (left >= right - 1e-6) expect(labelRight, `label of ${m.id}`).toBeLessThanOrEqual(left + 1e-6);
        }
      }
    }), PROPERTY);
  });

  test('no labels at all when labels are off', () => {
    fc.assert(fc.property(scene(true), ({ items, options }) => {
      expect(eventsOf(layout(items, { ...options, labels: false })).every((m) => m.labelWidth === 0)).toBe(true);
    }), { ...PROPERTY, numRuns: 100 });
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
