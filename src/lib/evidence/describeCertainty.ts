/**
 * How certain an event's date is, in words that the list, the details, the
 * timeline and the print view share: "reported by Thu 3 Mar 2022; the source
 * gives no date", "between Thu 24 Feb and Thu 3 Mar 2022".
 */
import type { Certainty, TimelineEvent } from '../../data/schema.ts';
import { formatLongDay, type CalendarDay } from '../time/calendarDay.ts';

type Dated = Pick<TimelineEvent, 'date' | 'end' | 'certainty' | 'earliest' | 'latest' | 'dateEvidence'>;

/**
 * The certainty of an event's date. Events of the first edition carry no `certainty`: their
 * evidence tells it (undated → reported, a range → range, anything else → the day).
 */
export function certaintyOf(event: Dated): Certainty {
  if (event.certainty) return event.certainty;
  if (event.dateEvidence.kind === 'undated') return 'reported';
  if (event.dateEvidence.kind === 'range') return 'range';
  return 'day';
}

/** The bounds of an event's date: `earliest` null when open; `latest` the last day it can fall on. */
export function boundsOf(event: Dated): { earliest: CalendarDay | null; latest: CalendarDay } {
  const evidence = event.dateEvidence.kind === 'range' ? event.dateEvidence : null;
  const earliest = event.earliest !== undefined ? event.earliest : evidence ? evidence.earliest : null;
  return { earliest, latest: event.latest ?? evidence?.latest ?? event.end ?? event.date };
}

/** "Thu 24 Feb" when `day` shares its year with `other`, else "Thu 24 Feb 2022". */
function formatFirstOfTwo(day: CalendarDay, other: CalendarDay): string {
  const long = formatLongDay(day);
  return day.slice(0, 4) === other.slice(0, 4) ? long.slice(0, -5) : long;
}

/**
 * When an event happened, as its sources allow, starting in lower case so that it reads inside
 * a sentence or an accessible name: "Thu 3 Mar 2022", "from Tue 1 Mar to Thu 3 Mar 2022",
 * "between Thu 24 Feb and Thu 3 Mar 2022", "on or before Thu 3 Mar 2022",
 * "reported by Thu 3 Mar 2022; the source gives no date".
 */
export function describeCertainty(event: Dated): string {
  // Every mark and list row says it on every render: format each event's days once.
  let said = described.get(event);
  if (said === undefined) {
    said = sayCertainty(event);
    described.set(event, said);
  }
  return said;
}

const described = new WeakMap<Dated, string>();

function sayCertainty(event: Dated): string {
  switch (certaintyOf(event)) {
    case 'reported':
      return `reported by ${formatLongDay(boundsOf(event).latest)}; the source gives no date`;
    case 'range': {
      const { earliest, latest } = boundsOf(event);
      if (earliest === null) return `on or before ${formatLongDay(latest)}`;
      if (earliest === latest) return formatLongDay(latest);
      return `between ${formatFirstOfTwo(earliest, latest)} and ${formatLongDay(latest)}`;
    }
    case 'day':
      return event.end && event.end !== event.date
        ? `from ${formatFirstOfTwo(event.date, event.end)} to ${formatLongDay(event.end)}`
        : formatLongDay(event.date);
  }
}
