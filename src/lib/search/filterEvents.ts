/**
 * Search and category filters over the events: case- and accent-insensitive
 * matching of titles, summaries and quotes, and the ranges of a text that
 * match, for highlighting. Pure.
 */
import type { Category, TimelineEvent } from '../../data/schema.ts';

/** Folds a query the same way: lower case, no accents, white space runs as one space. */
export function foldQuery(query: string): string {
  return query.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The [start, end) ranges of `text` (UTF-16 offsets) that match `query`, ignoring case and accents. */
export function findMatches(text: string, query: string): Array<[number, number]> {
  const q = foldQuery(query);
  if (!q) return [];
  // Fold character by character, remembering where each folded unit came from.
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s/g, ' ');
    if (f === ' ' && folded.endsWith(' ')) {
      // A run of white space folds to one space, as the query's does.
      ends[ends.length - 1] = offset + ch.length;
      offset += ch.length;
      continue;
    }
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    offset += ch.length;
  }
  const ranges: Array<[number, number]> = [];
  for (let at = folded.indexOf(q); at !== -1; at = folded.indexOf(q, at + q.length)) {
    ranges.push([starts[at]!, ends[at + q.length - 1]!]);
  }
  return ranges;
}

/** Each event's searchable text, folded once (a keystroke over 25,000 events must not fold them all again). */
const folded = new WeakMap<TimelineEvent, string>();
/** Between fields: no query folds to it, so a match never spans two of them. */
const SEPARATOR = '\u0001';

function haystack(event: TimelineEvent): string {
  let text = folded.get(event);
  if (text === undefined) {
    text = [event.title, event.summary, ...event.quotes.map((q) => q.text)].map(foldQuery).join(SEPARATOR);
    folded.set(event, text);
  }
  return text;
}

/** Whether an event matches the query in its title, summary or any quote. */
export function eventMatches(event: TimelineEvent, query: string): boolean {
  const q = foldQuery(query);
  if (!q) return true;
  return haystack(event).includes(q);
}

/** The events that match the query and belong to one of the categories (null = all). */
export function filterEvents(events: readonly TimelineEvent[], query: string, categories: readonly Category[] | null): readonly TimelineEvent[] {
  const q = foldQuery(query);
  if (!q && !categories) return events;
  return events.filter((e) => (!categories || categories.includes(e.category)) && (!q || eventMatches(e, q)));
}
