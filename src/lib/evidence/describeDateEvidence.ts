/**
 * How an event's date is known, in plain words, e.g. "“on Wednesday”, in an
 * article published Thu 10 Mar 2022 → Wed 9 Mar 2022".
 */
import type { DateEvidence } from '../../data/schema.ts';
import { formatLongDay } from '../time/calendarDay.ts';

/** Describes `evidence` in a sentence a reader can check against the source. */
export function describeDateEvidence(evidence: DateEvidence): string {
  const resolved = formatLongDay(evidence.resolved);
  switch (evidence.kind) {
    case 'explicit':
      return `“${evidence.phrase}” → ${resolved}`;
    case 'relative':
      return `“${evidence.phrase}”, in an article published ${formatLongDay(evidence.reference)} → ${resolved}`;
    case 'counted':
      return `“${evidence.phrase}”, counted from ${formatLongDay(evidence.from)}` +
        `${evidence.inclusive ? ' as day 1' : ''} → ${resolved}`;
    case 'range':
      return `“${evidence.phrase}” → ${evidence.earliest ? `between ${formatLongDay(evidence.earliest)} and` : 'on or before'} ${formatLongDay(evidence.latest)}`;
    case 'undated':
      return evidence.placement;
  }
}
