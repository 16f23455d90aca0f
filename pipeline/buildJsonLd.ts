/**
 * Open data out, schema.org: the dataset as JSON-LD, an `ItemList` of `Event`s with their dates,
 * names, summaries and a `citation` for each article they quote. vite.config.ts writes it into
 * dist/index.html as a `<script type="application/ld+json">` (a data block, which the page's CSP
 * does not treat as script). Pure: dataset in, object or text out.
 */
import type { Article, Dataset, TimelineEvent } from '../src/data/schema.ts';
import { boundsOf, certaintyOf } from '../src/lib/evidence/describeCertainty.ts';

type Citation = { '@type': 'NewsArticle'; headline: string; datePublished: string; publisher?: { '@type': 'Organization'; name: string }; url?: string };

/**
 * The dates schema.org can say. A day or a span: startDate…endDate. A range: its bounds, with no
 * startDate when the sources leave the start open (reported, or "on or before"): we do not invent one.
 */
function datesOf(event: TimelineEvent): { startDate?: string; endDate: string } {
  if (certaintyOf(event) === 'day') return { startDate: event.date, endDate: event.end ?? event.date };
  const { earliest, latest } = boundsOf(event);
  return earliest === null ? { endDate: latest } : { startDate: earliest, endDate: latest };
}

function citationOf(a: Article): Citation {
  return {
    '@type': 'NewsArticle',
    headline: a.headline,
    datePublished: a.published,
    ...(a.publisher && { publisher: { '@type': 'Organization' as const, name: a.publisher } }),
    ...(a.url && { url: a.url }),
  };
}

/**
 * How many events the page's JSON-LD lists at most: every event of an edition, but an archive of
 * 100,000 would put megabytes into index.html ahead of the app. Past it, key events come first.
 */
export const JSON_LD_MAX_EVENTS = 1000;
/** How many events an archive's JSON-LD lists when it has no key events: its first ones. */
export const JSON_LD_ARCHIVE_EVENTS = 100;

/**
 * Which events to list: a number lists all of them up to that many, else the key events first,
 * then the rest, in order; `'archive'` (a dataset shipped as an archive, whose page has room for
 * a summary only) lists its key events (up to JSON_LD_MAX_EVENTS), or its first
 * JSON_LD_ARCHIVE_EVENTS when it has none.
 */
export type JsonLdListing = number | 'archive';

function listed(events: readonly TimelineEvent[], listing: JsonLdListing): TimelineEvent[] {
  if (listing === 'archive') {
    const key = events.filter((e) => e.key);
    return key.length > 0 ? key.slice(0, JSON_LD_MAX_EVENTS) : events.slice(0, JSON_LD_ARCHIVE_EVENTS);
  }
  if (events.length <= listing) return [...events];
  return [...events.filter((e) => e.key), ...events.filter((e) => !e.key)].slice(0, listing);
}

/** The dataset as a schema.org ItemList of Events (`numberOfItems` counts them all, listed or not). */
export function buildJsonLd(dataset: Dataset, listing: JsonLdListing = JSON_LD_MAX_EVENTS): Record<string, unknown> {
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: dataset.title,
    ...(dataset.licence && { license: dataset.licence }),
    numberOfItems: dataset.events.length,
    itemListElement: listed(dataset.events, listing).map((e, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: {
        '@type': 'Event',
        identifier: e.id,
        name: e.title,
        ...datesOf(e),
        description: e.summary,
        citation: [...new Set(e.quotes.map((q) => q.article))].flatMap((id) => (articles.has(id) ? [citationOf(articles.get(id)!)] : [])),
      },
    })),
  };
}

/**
 * The JSON-LD as the text of a `<script type="application/ld+json">`: `<` is written `\u003c`, so
 * no dataset string can close the element ("</script>") or open a comment; JSON.parse reads it back.
 */
export function jsonLdScriptText(dataset: Dataset, listing: JsonLdListing = JSON_LD_MAX_EVENTS): string {
  return JSON.stringify(buildJsonLd(dataset, listing)).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
