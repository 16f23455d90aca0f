/**
 * Tick choice for the time axis. Calendar days are the finest unit: a zoomed
 * axis never shows hours. The interval is picked from the pixels one day
 * takes, so labels never crowd; labels are written by date-fns.
 */
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { formatUtc } from './formatUtc.ts';

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type Tick = { value: number; label: string; major: boolean };

const DAY_MS = 86_400_000;

type Level = { unit: TickUnit; minPxPerDay: number; interval: () => TimeInterval | null };
const LEVELS: Level[] = [
  { unit: 'day', minPxPerDay: 44, interval: () => utcDay },
  // Every other day counted from a fixed origin (d3's every(2) restarts each month: 31 then 1).
  { unit: 'day', minPxPerDay: 24, interval: () => utcDay.filter((d) => Math.round(d.getTime() / DAY_MS) % 2 === 0) },
  { unit: 'week', minPxPerDay: 8, interval: () => utcMonday },
  { unit: 'month', minPxPerDay: 2.2, interval: () => utcMonth },
  { unit: 'quarter', minPxPerDay: 0.7, interval: () => utcMonth.every(3) },
  { unit: 'year', minPxPerDay: 0, interval: () => utcYear },
];

/** The tick unit for a zoom level, from the pixels that one day takes on screen. */
export function chooseTickUnit(pxPerDay: number): { unit: TickUnit; level: number } {
  const level = LEVELS.findIndex((l) => pxPerDay >= l.minPxPerDay);
  return { unit: LEVELS[level]!.unit, level };
}

/**
 * Formats a tick: "9 Mar" for days and weeks (the axis shows the year of the
 * window apart, so day labels stay short), "Mar" for months ("Jan 2023" when
 * it opens a year), "2022" for years.
 */
export function formatTickLabel(value: number, unit: TickUnit, major: boolean): string {
  switch (unit) {
    case 'day':
    case 'week':
      return formatUtc(value, 'day month');
    case 'month':
    case 'quarter':
      return formatUtc(value, major ? 'month year' : 'month');
    case 'year':
      return formatUtc(value, 'year');
  }
}

/**
 * The ticks for a visible window [start, end] (UTC ms) drawn over `width` px.
 * A tick is major when it opens a month (day and week ticks) or a year (month
 * ticks); the first month tick carries its year. `context` names the year(s)
 * of the window, which day labels leave out.
 */
export function chooseTicks(start: number, end: number, width: number): { unit: TickUnit; ticks: Tick[]; context: string } {
  const pxPerDay = width / Math.max((end - start) / DAY_MS, 1e-9);
  const { unit, level } = chooseTickUnit(pxPerDay);
  const interval = LEVELS[level]!.interval()!;
  const values = interval.range(new Date(start), new Date(end + 1)).map((d) => d.getTime());
  const byDay = unit === 'day' || unit === 'week';
  const ticks = values.map((value, i) => {
    const date = new Date(value);
    const prev = i > 0 ? new Date(values[i - 1]!) : null;
    const major = byDay
      ? prev ? date.getUTCMonth() !== prev.getUTCMonth() : date.getUTCDate() <= 7
      : prev ? date.getUTCFullYear() !== prev.getUTCFullYear() : date.getUTCMonth() === 0;
    const label = formatTickLabel(value, unit, unit !== 'year' && !byDay && (major || i === 0));
    return { value, label, major };
  });
  const [first, last] = [formatUtc(start, 'year'), formatUtc(end, 'year')];
  return { unit, ticks, context: first === last ? first : `${first}–${last}` };
}
