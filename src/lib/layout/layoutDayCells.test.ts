import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { storyScale, TIME_AXIS, roomForCount } from '../time/storyScale.ts';
import { groupCells, layoutDayCells, MAX_PER_CELL, MIN_CELL } from './layoutDayCells.ts';

const DAY = 86_400_000;
const FIRST = Date.UTC(2022, 1, 24);
const PROPERTY = { seed: 20220224, numRuns: 300 } as const;

/** Random events over a month on up to four lanes, seen through a random window of either scale. */
const scene = fc.record({
  events: fc.array(fc.record({ day: fc.integer({ min: 0, max: 30 }), lane: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 80 }),
  story: fc.boolean(),
  width: fc.integer({ min: 600, max: 2000 }),
  from: fc.double({ min: -2, max: 25, noNaN: true }),
  span: fc.double({ min: 1, max: 40, noNaN: true }),
}).map((s) => {
  const events = [...s.events].sort((a, b) => a.day - b.day).map((e, i) => ({ id: `e${i}`, lane: e.lane, start: FIRST + e.day * DAY }));
  const days = [...new Set(events.map((e) => e.start))].map((start) => ({
    start, room: roomForCount(Math.max(...[0, 1, 2, 3].map((l) => events.filter((e) => e.start === start && e.lane === l).length))),
  }));
  const axis = s.story ? storyScale(days) : TIME_AXIS;
  const view = [axis.toAxis(FIRST + s.from * DAY), axis.toAxis(FIRST + (s.from + s.span) * DAY)] as const;
  return { events, axis, view, width: s.width };
});

describe('the labelled layout', () => {
  test('every event whose day is in view is in exactly one cell, in its own lane and day', () => {
    fc.assert(fc.property(scene, ({ events, axis, view, width }) => {
      const cells = layoutDayCells(groupCells(events, 4), axis.toAxis, view, width);
      fc.pre(cells !== null);
      const placed = cells.flat().flatMap((c) => c.ids.map((id) => ({ id, lane: c.lane, start: c.start })));
      expect(new Set(placed.map((p) => p.id)).size).toBe(placed.length);
      const x = (t: number) => ((axis.toAxis(t) - view[0]) / (view[1] - view[0])) * width;
      for (const e of events) {
        const inView = x(e.start + DAY) > 0 && x(e.start) < width;
        const found = placed.find((p) => p.id === e.id);
        if (inView) expect(found).toEqual({ id: e.id, lane: e.lane, start: e.start });
        else expect(found).toBeUndefined();
      }
    }), PROPERTY);
  });

  test('cells of a lane never overlap, so no two titles can; each is at least MIN_CELL wide', () => {
    fc.assert(fc.property(scene, ({ events, axis, view, width }) => {
      const cells = layoutDayCells(groupCells(events, 4), axis.toAxis, view, width);
      fc.pre(cells !== null);
      for (const lane of cells) {
        lane.forEach((c, i) => {
          expect(c.x1 - c.x0).toBeGreaterThanOrEqual(MIN_CELL);
          if (i > 0) expect(c.x0).toBeGreaterThanOrEqual(lane[i - 1]!.x1 - 1e-6);
        });
      }
    }), PROPERTY);
  });

  test('gives way to the marks layout when a day in view is too narrow or too full', () => {
    const one = groupCells([{ id: 'a', lane: 0, start: FIRST }], 1);
    expect(layoutDayCells(one, TIME_AXIS.toAxis, [FIRST - DAY, FIRST + 30 * DAY], 1000)).toBeNull();
    expect(layoutDayCells(one, TIME_AXIS.toAxis, [FIRST - DAY, FIRST + 2 * DAY], 1000)).not.toBeNull();
    const full = groupCells(Array.from({ length: MAX_PER_CELL + 1 }, (_, i) => ({ id: `f${i}`, lane: 0, start: FIRST })), 1);
    expect(layoutDayCells(full, TIME_AXIS.toAxis, [FIRST - DAY, FIRST + 2 * DAY], 1000)).toBeNull();
  });
});
