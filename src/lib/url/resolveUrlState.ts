/**
 * Checks parsed URL state against the dataset: unknown ids, a day without
 * events, a quote number out of range, a window outside the data. What can
 * be honoured is; the rest is dropped with a notice. Never throws.
 */
import type { DatasetIndex } from '../../data/indexDataset.ts';
import { certaintyOf } from '../evidence/describeCertainty.ts';
import { filterEvents } from '../search/filterEvents.ts';
import { daysBetween, formatDay } from '../time/calendarDay.ts';
import { quoteValue, type Notice, type UrlState } from './urlState.ts';

/** The state with everything the dataset cannot honour removed, and a notice for each removal. */
export function resolveUrlState(state: UrlState, index: DatasetIndex): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  const next: UrlState = { ...state };
  if (next.event !== null && !index.byId.has(next.event)) {
    notices.push({ param: 'event', message: `This timeline has no event ${quoteValue(next.event)}; it may have been renamed or removed.` });
    next.event = null;
  }
  // A link whose own search or filters hide the event it names: show the event, not an empty selection.
  if (next.event !== null && (next.q !== '' || next.cat !== null || next.dated)) {
    const event = index.byId.get(next.event)!;
    const shown = filterEvents([event], next.q, next.cat).length === 1 && (!next.dated || certaintyOf(event) !== 'reported');
    if (!shown) {
      notices.push({ param: 'event', message: `The link’s search or filters hid “${event.title}”, the event it names; cleared them to show it.` });
      next.q = '';
      next.cat = null;
      next.dated = false;
    }
  }
  if (next.date !== null) {
    const day = next.date;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const e of index.events) {
      // An event of several days covers every day of its span.
      const distance = day < e.date ? daysBetween(day, e.date) : e.end && day <= e.end ? 0 : daysBetween(e.end ?? e.date, day);
      if (distance < bestDistance) { best = e.id; bestDistance = distance; }
      if (distance === 0) break;
    }
    // A date link stays a date link: it names the nearest day that has events.
    if (best !== null) {
      const found = index.byId.get(best)!;
      const shown = bestDistance === 0 ? day : found.date;
      if (bestDistance > 0) notices.push({ param: 'date', message: `No events on ${formatDay(day)} — showing ${formatDay(shown)}.` });
      next.date = shown;
    } else {
      next.date = null;
    }
  }
  if (next.source !== null && !index.articleById.has(next.source)) {
    notices.push({ param: 'source', message: `This timeline has no source ${quoteValue(next.source)}.` });
    next.source = null;
    next.quote = null;
  }
  if (next.quote !== null) {
    const event = next.event !== null ? index.byId.get(next.event) : undefined;
    const quote = event?.quotes[next.quote - 1];
    if (!event || !quote) {
      notices.push({ param: 'quote', message: event
        ? `“${event.title}” has ${event.quotes.length} ${event.quotes.length === 1 ? 'quote' : 'quotes'}, not ${next.quote}; opened the source without marking one.`
        : 'Ignored “quote”: no event is selected to take it from.' });
      next.quote = null;
    } else if (quote.article !== next.source) {
      next.source = quote.article;
    }
  }
  if (next.from !== null && next.to !== null && index.first !== null && index.last !== null) {
    if (next.to < index.first || next.from > index.last) {
      notices.push({ param: 'from', message: `The window in the link (${formatDay(next.from)} to ${formatDay(next.to)}) is outside this timeline’s dates; showing all of it.` });
      next.from = next.to = null;
    }
  }
  return { state: next, notices };
}
