import { afterEach, describe, expect, test } from 'vitest';
import { chooseTicks, formatTickLabel, type TickUnit } from './ticks.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** The width a tick label takes on the axis, estimated at 7 px a character. */
const labelWidth = (label: string) => label.length * 7;
const COARSENESS: Record<TickUnit, number> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

const WIDTHS = [360, 390, 480, 600, 768, 800, 1024, 1200, 1440, 1600, 1920];
/** From the narrowest window (2 days) to 3 years, in steps of about a quarter more each time. */
const SPANS = (() => {
  const spans: number[] = [];
  for (let span = 2 * DAY; span < 3 * YEAR; span *= 1.23) spans.push(span);
  return [...spans, 3 * YEAR];
})();
/** Window starts at midnight and at odd hours, so that ticks do not always fall on the edge. */
const STARTS = [Date.UTC(2022, 1, 24), Date.UTC(2021, 11, 30, 17, 25), Date.UTC(2020, 0, 1, 6)];

const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

inEveryZone(() => {
  describe('chooseTicks', () => {
    test.each([360, 800, 1920])('a window of two days at %i px has one tick a day, each at a UTC midnight', (width) => {
      const start = Date.UTC(2022, 2, 9, 9, 30);
      const { unit, ticks } = chooseTicks(start, start + 2 * DAY, width);
      expect(unit).toBe('day');
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (const t of ticks) expect(t.value % DAY).toBe(0);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.value - ticks[i - 1]!.value).toBe(DAY);
    });

    test('never ticks more often than once a day, at any width and zoom', () => {
      for (const width of WIDTHS) {
        for (const span of SPANS) {
          for (const start of STARTS) {
            const { ticks } = chooseTicks(start, start + span, width);
            for (const t of ticks) expect(t.value % DAY, `${width}px, ${span / DAY} days`).toBe(0);
            for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.value - ticks[i - 1]!.value).toBeGreaterThanOrEqual(DAY);
          }
        }
      }
    });

    test('goes from days to weeks, months and years as the window widens', () => {
      const start = Date.UTC(2022, 0, 1);
      expect(chooseTicks(start, start + 7 * DAY, 800).unit).toBe('day');
      expect(chooseTicks(start, start + 90 * DAY, 800).unit).toBe('week');
      expect(chooseTicks(start, start + 180 * DAY, 800).unit).toBe('month');
      expect(['quarter', 'year']).toContain(chooseTicks(start, start + 3 * YEAR, 1920).unit);
      expect(chooseTicks(start, start + 3 * YEAR, 360).unit).toBe('year');
    });

    test('a wider window never gets finer ticks', () => {
      for (const width of WIDTHS) {
        let previous = COARSENESS.day;
        for (const span of SPANS) {
          const { unit } = chooseTicks(STARTS[0]!, STARTS[0]! + span, width);
          expect(COARSENESS[unit], `${width}px, ${span / DAY} days`).toBeGreaterThanOrEqual(previous);
          previous = COARSENESS[unit];
        }
      }
    });

    test('labels never overlap: from 360 to 1920 px, for windows from 2 days to 3 years', () => {
      for (const width of WIDTHS) {
        for (const span of SPANS) {
          for (const start of STARTS) {
            const { ticks } = chooseTicks(start, start + span, width);
            const px = (t: number) => ((t - start) / span) * width;
            for (let i = 1; i < ticks.length; i++) {
              const [a, b] = [ticks[i - 1]!, ticks[i]!];
              expect(px(b.value) - px(a.value), `"${a.label}" then "${b.label}" at ${width}px over ${(span / DAY).toFixed(1)} days`)
                .toBeGreaterThanOrEqual(labelWidth(a.label));
            }
          }
        }
      }
    });

    test('every tick lies inside the window, in order', () => {
      for (const span of SPANS) {
        for (const start of STARTS) {
          const { ticks } = chooseTicks(start, start + span, 1024);
          expect(ticks.length).toBeGreaterThan(0);
          for (const t of ticks) {
            expect(t.value).toBeGreaterThanOrEqual(start);
            expect(t.value).toBeLessThanOrEqual(start + span);
          }
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.value).toBeGreaterThan(ticks[i - 1]!.value);
        }
      }
    });

    test('day ticks read like "9 Mar", and the year of the window is given apart', () => {
      const { ticks, context } = chooseTicks(Date.UTC(2022, 2, 8, 12), Date.UTC(2022, 2, 11, 12), 800);
      expect(ticks.map((t) => t.label)).toEqual(['9 Mar', '10 Mar', '11 Mar']);
      expect(context).toBe('2022');
    });

    test('a window across New Year names both years', () => {
      expect(chooseTicks(Date.UTC(2021, 11, 28), Date.UTC(2022, 0, 4), 800).context).toBe('2021–2022');
    });

    test('the first day of a month is a major tick', () => {
      const { ticks } = chooseTicks(Date.UTC(2022, 1, 26), Date.UTC(2022, 2, 4), 1200);
      expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['1 Mar']);
    });

    test('month ticks name the month, and the year where one opens', () => {
      const { unit, ticks } = chooseTicks(Date.UTC(2022, 9, 15), Date.UTC(2023, 3, 15), 800);
      expect(unit).toBe('month');
      const labels = ticks.map((t) => t.label);
      expect(labels).toContain('Jan 2023');
      expect(labels).toContain('Feb');
    });

    test('ticks and labels are the same UTC days in every time zone', () => {
      const expected = ['28 Feb', '1 Mar', '2 Mar'];
      for (const tz of TIME_ZONES) {
        process.env.TZ = tz;
        const { ticks } = chooseTicks(Date.UTC(2022, 1, 27, 20), Date.UTC(2022, 2, 2, 20), 800);
        expect(ticks.map((t) => t.label), tz).toEqual(expected);
        expect(ticks.map((t) => new Date(t.value).toISOString().slice(0, 10)), tz).toEqual(['2022-02-28', '2022-03-01', '2022-03-02']);
        const months = chooseTicks(Date.UTC(2022, 0, 10), Date.UTC(2022, 11, 20), 800);
        expect(months.ticks.map((t) => t.label).slice(0, 2), tz).toEqual(['Feb 2022', 'Mar']);
      }
    });
  });

  describe('formatTickLabel', () => {
    test('writes a day as "9 Mar", a month as "Mar" or "Mar 2022", and a year as "2022"', () => {
      const day = Date.UTC(2022, 2, 9);
      expect(formatTickLabel(day, 'day', false)).toBe('9 Mar');
      expect(formatTickLabel(day, 'week', true)).toBe('9 Mar');
      expect(formatTickLabel(Date.UTC(2022, 2, 1), 'month', false)).toBe('Mar');
      expect(formatTickLabel(Date.UTC(2022, 2, 1), 'month', true)).toBe('Mar 2022');
      expect(formatTickLabel(Date.UTC(2022, 0, 1), 'year', true)).toBe('2022');
    });
  });
});
