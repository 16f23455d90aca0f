import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { polylinear, storyScale, TIME_AXIS } from './storyScale.ts';
import { DAY_MS } from './view.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const day = (n: number) => Date.UTC(2022, 1, 24) + n * DAY_MS;

inEveryZone(() => {
  describe('storyScale', () => {
    it('gives each day with events its room and shrinks the empty days between them to a break', () => {
      const s = storyScale([{ start: day(0), room: 1 }, { start: day(4), room: 3 }]);
      expect(s.toAxis(day(1)) - s.toAxis(day(0))).toBe(DAY_MS);
      expect(s.toAxis(day(5)) - s.toAxis(day(4))).toBe(3 * DAY_MS);
      expect(s.breaks).toHaveLength(1);
      expect(s.breaks[0]).toMatchObject({ start: day(1), end: day(4), days: 3 });
      // Three empty days take less room than one day with events.
      expect(s.toAxis(day(4)) - s.toAxis(day(1))).toBeLessThan(DAY_MS);
    });

    it('puts no break between two consecutive days', () => {
      const s = storyScale([{ start: day(0), room: 2 }, { start: day(1), room: 1 }]);
      expect(s.breaks).toEqual([]);
      expect(s.toAxis(day(2)) - s.toAxis(day(0))).toBe(3 * DAY_MS);
    });

    it('keeps a slow, steady pace outside the days, so the air around a full window stays small', () => {
      const s = storyScale([{ start: day(0), room: 2 }]);
      const before = s.toAxis(day(0)) - s.toAxis(day(0) - DAY_MS / 2);
      const after = s.toAxis(day(1) + DAY_MS / 2) - s.toAxis(day(1));
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(DAY_MS / 2);
      expect(after).toBeCloseTo(before);
    });

    it('is monotonic and invertible for any set of days (property)', () => {
      fc.assert(fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.integer({ min: -48, max: 402 * 24 }), { minLength: 2, maxLength: 20 }),
        (offsets, rooms, probes) => {
          const days = [...offsets].sort((a, b) => a - b).map((o, i) => ({ start: day(o), room: rooms[i]! }));
          const s = storyScale(days);
          const ts = probes.map((hours) => day(0) + hours * 3_600_000).sort((a, b) => a - b);
          for (let i = 1; i < ts.length; i++) if (ts[i]! > ts[i - 1]!) expect(s.toAxis(ts[i]!)).toBeGreaterThan(s.toAxis(ts[i - 1]!));
          for (const t of ts) expect(Math.abs(s.fromAxis(s.toAxis(t)) - t)).toBeLessThan(1);
        },
      ));
    });

    it('the time axis is the identity', () => {
      expect(TIME_AXIS.toAxis(day(3))).toBe(day(3));
      expect(TIME_AXIS.fromAxis(day(3))).toBe(day(3));
    });
  });

  describe('polylinear', () => {
    // The oracle: d3-scale's own polylinear scale, which the page no longer carries.
    it('maps as d3-scale\'s scaleLinear with the same stops, inside and beyond them', () => {
      fc.assert(fc.property(
        fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 12 }).map((a) => a.sort((x, y) => x - y)),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: -3e6, max: 3e6 }),
        (domain, steps, x) => {
          const range = domain.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0));
          const d3 = scaleLinear().domain(domain).range(range);
          expect(polylinear(domain, range)(x)).toBeCloseTo(d3(x), 6);
        },
      ));
    });
  });
});
