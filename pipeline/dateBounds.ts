/**
 * Part of step 4 of the data pipeline (buildDataset): how certain an event's date
 * is. From the resolved evidence it works out the certainty (day, range,
 * reported), the bounds (earliest, null when open, and latest) and the date in
 * EDTF, and checks every EDTF string with the `edtf` package against those
 * bounds. Pure: no files, no clock.
 */
import edtf from 'edtf';
import type { Certainty, DateEvidence } from '../src/data/schema.ts';
import { addCalendarDays, dayToUtc, type CalendarDay } from '../src/lib/time/calendarDay.ts';

export type Bounds = { certainty: Certainty; earliest: CalendarDay | null; latest: CalendarDay };

/** The certainty and bounds of an event dated `date` (…`end`) by `evidence`. */
export function boundsOf(date: CalendarDay, end: CalendarDay | undefined, evidence: DateEvidence): Bounds {
  switch (evidence.kind) {
    case 'range':
      return { certainty: 'range', earliest: evidence.earliest, latest: evidence.latest };
    case 'undated':
      return { certainty: 'reported', earliest: null, latest: end ?? date };
    default:
      return { certainty: 'day', earliest: date, latest: end ?? date };
  }
}

/** The bounds in EDTF: `2022-03-03`, `2022-02-24/2022-03-03`, `../2022-03-03` (open start). */
export function formatEdtf({ earliest, latest }: Pick<Bounds, 'earliest' | 'latest'>): string {
  if (earliest === null) return `../${latest}`;
  return earliest === latest ? latest : `${earliest}/${latest}`;
}

/** Null when the EDTF `value` covers exactly `earliest`…`latest`, else what is wrong with it. */
export function checkEdtf(value: string, { earliest, latest }: Pick<Bounds, 'earliest' | 'latest'>): string | null {
  let parsed;
  try {
    parsed = edtf(value);
  } catch (e) {
    return `"${value}" is not valid EDTF (${(e as Error).message.split('\n')[0]})`;
  }
  const min = earliest === null ? -Infinity : dayToUtc(earliest).getTime();
  const max = dayToUtc(addCalendarDays(latest, 1)).getTime() - 1;
  if (parsed.min === min && parsed.max === max) return null;
  return `"${value}" covers ${describeInstant(parsed.min, 'start')} to ${describeInstant(parsed.max, 'end')}, ` +
    `but the date's bounds are ${earliest ?? 'open'} to ${latest} ("${formatEdtf({ earliest, latest })}")`;
}

function describeInstant(ms: number | null, side: 'start' | 'end'): string {
  if (ms === null) return 'unknown';
  if (!Number.isFinite(ms)) return 'open';
  const at = new Date(ms).toISOString();
  return side === 'start' && at.endsWith('T00:00:00.000Z') ? at.slice(0, 10)
    : side === 'end' && at.endsWith('T23:59:59.999Z') ? at.slice(0, 10) : at;
}
