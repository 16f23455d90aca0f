import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { zoomIdentity } from 'd3-zoom';
import type { CalendarDay } from './calendarDay.ts';
import { transformForWindow, windowForTransform, baseScale } from './zoomTransform.ts';
import {
  wellInView,
  centreWindowOn, clampWindow, fullWindow, maxZoom, MIN_WINDOW_MS,
  zoomWindow, type Window,
} from './view.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const DAY = 86_400_000;
const day = (s: string) => s as CalendarDay;
/** Seeded, so that a failure is the same failure on every run. */
const PROPERTY = { seed: 20220224, numRuns: 300 } as const;

/** 24 Feb to 10 Mar 2022, as the viewer shows it at fit-all. */
const FULL: Window = fullWindow(day('2022-02-24'), day('2022-03-10'));
const fullSpan = FULL[1] - FULL[0];

/** A window inside FULL, at least two days wide. */
const viewInFull = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([a, b]): Window => {
    const span = MIN_WINDOW_MS + a * (fullSpan - MIN_WINDOW_MS);
    const start = FULL[0] + b * (fullSpan - span);
    return [start, start + span];
  });
const width = fc.integer({ min: 320, max: 2560 });

/** Where `t` sits across `w`: 0 at its start, 1 at its end. */
const fraction = (w: Window, t: number) => (t - w[0]) / (w[1] - w[0]);

inEveryZone(() => {
  describe('fullWindow', () => {
    test('shows the whole of the first and the last day, with some air on each side', () => {
      const [start, end] = FULL;
      expect(start).toBeLessThan(Date.UTC(2022, 1, 24));
      expect(end).toBeGreaterThan(Date.UTC(2022, 2, 11));
      expect(Date.UTC(2022, 1, 24) - start).toBeLessThan(2 * DAY);
      expect(end - Date.UTC(2022, 2, 11)).toBeLessThan(2 * DAY);
    });

    test('a single day still gets a window of at least two days', () => {
      const [start, end] = fullWindow(day('2022-03-09'), day('2022-03-09'));
      expect(end - start).toBeGreaterThanOrEqual(MIN_WINDOW_MS);
      expect(start).toBeLessThan(Date.UTC(2022, 2, 9));
      expect(end).toBeGreaterThan(Date.UTC(2022, 2, 10));
    });
  });

  describe('transformForWindow and windowForTransform', () => {
    test('the full window is the identity transform', () => {
      const t = transformForWindow(FULL, FULL, 800);
      expect(t.k).toBeCloseTo(1, 12);
      expect(t.x).toBeCloseTo(0, 9);
      expect(windowForTransform(FULL, zoomIdentity, 800)).toEqual([FULL[0], FULL[1]]);
    });

    test('a window survives the round trip through its transform, at any width', () => {
      fc.assert(fc.property(viewInFull, width, (view, w) => {
        const back = windowForTransform(FULL, transformForWindow(FULL, view, w), w);
        expect(Math.abs(back[0] - view[0])).toBeLessThan(1);
        expect(Math.abs(back[1] - view[1])).toBeLessThan(1);
      }), PROPERTY);
    });

    test('the transform puts the window’s start at the left edge and its end at the right edge', () => {
      fc.assert(fc.property(viewInFull, width, (view, w) => {
        const scale = transformForWindow(FULL, view, w).rescaleX(baseScale(FULL, w));
        expect(scale(view[0])).toBeCloseTo(0, 3);
        expect(scale(view[1])).toBeCloseTo(w, 3);
      }), PROPERTY);
    });

    test('the window does not depend on the width: a resize keeps what is shown', () => {
      const view: Window = [Date.UTC(2022, 2, 1), Date.UTC(2022, 2, 5)];
      const t = transformForWindow(FULL, view, 800);
      const resized = windowForTransform(FULL, transformForWindow(FULL, windowForTransform(FULL, t, 800), 1280), 1280);
      expect(resized[0]).toBeCloseTo(view[0], -1);
      expect(resized[1]).toBeCloseTo(view[1], -1);
    });
  });

  describe('clampWindow', () => {
    const anyWindow = fc
      .tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }))
      .map(([startDays, spanDays]): Window => {
        const start = FULL[0] + startDays * DAY;
        return [start, start + spanDays * DAY];
      });

    test('keeps any window inside the full window and at least two days wide', () => {
      fc.assert(fc.property(anyWindow, (view) => {
        const [start, end] = clampWindow(FULL, view);
        expect(start).toBeGreaterThanOrEqual(FULL[0]);
        expect(end).toBeLessThanOrEqual(FULL[1] + 1e-3);
        expect(end - start).toBeGreaterThanOrEqual(MIN_WINDOW_MS - 1e-3);
      }), PROPERTY);
    });

    test('leaves a window that is already inside and wide enough as it is', () => {
      fc.assert(fc.property(viewInFull, (view) => {
        const [start, end] = clampWindow(FULL, view);
        expect(start).toBeCloseTo(view[0], 3);
        expect(end).toBeCloseTo(view[1], 3);
      }), PROPERTY);
    });

    test('widens a window narrower than two days around its centre', () => {
      const centre = Date.UTC(2022, 2, 3, 12);
      const [start, end] = clampWindow(FULL, [centre - 3_600_000, centre + 3_600_000]);
      expect(end - start).toBe(MIN_WINDOW_MS);
      expect((start + end) / 2).toBe(centre);
    });

    test('a window wider than everything becomes the full window', () => {
      expect(clampWindow(FULL, [FULL[0] - 30 * DAY, FULL[1] + 30 * DAY])).toEqual([FULL[0], FULL[1]]);
    });
  });

  describe('zoomWindow', () => {
    test('zooming in around an anchor keeps the anchor at the same place on screen', () => {
      const zoomIn = fc.double({ min: 1.01, max: 4, noNaN: true });
      fc.assert(fc.property(viewInFull, fc.double({ min: 0, max: 1, noNaN: true }), zoomIn, (view, at, factor) => {
        fc.pre((view[1] - view[0]) / factor >= MIN_WINDOW_MS);
        const anchor = view[0] + at * (view[1] - view[0]);
        const zoomed = zoomWindow(FULL, view, factor, anchor);
        expect(fraction(zoomed, anchor)).toBeCloseTo(at, 6);
        expect((zoomed[1] - zoomed[0]) * factor).toBeCloseTo(view[1] - view[0], -1);
      }), PROPERTY);
    });

    test('zooming out around an anchor keeps the anchor in place while the window stays inside', () => {
      fc.assert(fc.property(viewInFull, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1.01, max: 3, noNaN: true }), (view, at, out) => {
        const anchor = view[0] + at * (view[1] - view[0]);
        const start = anchor - (anchor - view[0]) * out;
        const end = anchor + (view[1] - anchor) * out;
        fc.pre(start >= FULL[0] && end <= FULL[1]);
        expect(fraction(zoomWindow(FULL, view, 1 / out, anchor), anchor)).toBeCloseTo(at, 6);
      }), PROPERTY);
    });

    test('zooms around the centre when no anchor is given', () => {
      const view: Window = [Date.UTC(2022, 2, 1), Date.UTC(2022, 2, 7)];
      const zoomed = zoomWindow(FULL, view, 1.6);
      expect((zoomed[0] + zoomed[1]) / 2).toBeCloseTo((view[0] + view[1]) / 2, -1);
      expect(zoomed[1] - zoomed[0]).toBeCloseTo((view[1] - view[0]) / 1.6, -1);
    });

    test('zooming in again and again stops at two days, and zooming out stops at the full window', () => {
      let view: Window = FULL;
      for (let i = 0; i < 20; i++) view = zoomWindow(FULL, view, 1.6);
      expect(view[1] - view[0]).toBeCloseTo(MIN_WINDOW_MS, -1);
      for (let i = 0; i < 20; i++) view = zoomWindow(FULL, view, 1 / 1.6);
      expect(view[0]).toBeCloseTo(FULL[0], -1);
      expect(view[1]).toBeCloseTo(FULL[1], -1);
    });

    test('the largest zoom factor of d3-zoom is the one that shows two days', () => {
      expect(fullSpan / maxZoom(FULL)).toBeCloseTo(MIN_WINDOW_MS, -1);
    });
  });

  describe('centreWindowOn', () => {
    test('puts the instant in the middle and keeps the span', () => {
      const view: Window = [Date.UTC(2022, 1, 25), Date.UTC(2022, 1, 29)];
      const moved = centreWindowOn(FULL, view, Date.UTC(2022, 2, 4, 12));
      expect((moved[0] + moved[1]) / 2).toBe(Date.UTC(2022, 2, 4, 12));
      expect(moved[1] - moved[0]).toBe(view[1] - view[0]);
    });

    test('stops at the edge of the full window rather than showing nothing', () => {
      const view: Window = [Date.UTC(2022, 2, 1), Date.UTC(2022, 2, 5)];
      const moved = centreWindowOn(FULL, view, Date.UTC(2022, 2, 11));
      expect(moved[1]).toBe(FULL[1]);
      expect(moved[1] - moved[0]).toBe(view[1] - view[0]);
    });
  });

  describe('wellInView', () => {
    const view = [0, 100] as const;
    test('an interval with 6 % of the span to spare on each side is well in view', () => {
      expect(wellInView(view, 6, 94)).toBe(true);
      expect(wellInView(view, 40, 60)).toBe(true);
    });
    test('one in the margin, or partly or wholly outside, is not', () => {
      expect(wellInView(view, 5, 20)).toBe(false);
      expect(wellInView(view, 80, 95)).toBe(false);
      expect(wellInView(view, -10, 10)).toBe(false);
      expect(wellInView(view, 120, 130)).toBe(false);
    });
  });
});
