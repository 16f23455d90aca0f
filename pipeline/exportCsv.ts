/**
 * Open data out, CSV: the dataset as one row per event (RFC 4180: comma-separated, CRLF line ends,
 * a field quoted when it holds a comma, a quote or a line break, quotes doubled), with a header
 * row, as UTF-8 without a byte-order mark. The `dataset` plugin of vite.config.ts ships it as
 * dist/data/timeline.csv. Pure: dataset in, text out.
 */
import type { Article, Dataset, TimelineEvent } from '../src/data/schema.ts';
import { boundsOf, certaintyOf } from '../src/lib/evidence/describeCertainty.ts';

export const CSV_COLUMNS = [
  'id', 'date', 'end', 'certainty', 'earliest', 'latest', 'edtf', 'key', 'category', 'title', 'summary', 'quotes', 'sources',
] as const;

/** One field as RFC 4180 writes it: quoted (quotes doubled) only when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Each quote on its own line as `article-id: words` (an id is a slug, so the first ": " ends it);
 * `npm run import` reads the column back the same way (a line that does not start with an id
 * continues the quote before it).
 */
export function formatQuotes(event: TimelineEvent): string {
  return event.quotes.map((q) => `${q.article}: ${q.text}`).join('\n');
}

/** The articles an event quotes, one a line: "Headline (Publisher, 2022-03-03) https://…". */
function formatSources(event: TimelineEvent, articles: ReadonlyMap<string, Article>): string {
  const ids = [...new Set(event.quotes.map((q) => q.article))];
  return ids.map((id) => {
    const a = articles.get(id);
    if (!a) return id;
    const by = [a.publisher, a.published].filter(Boolean).join(', ');
    return `${a.headline} (${by})${a.url ? ` ${a.url}` : ''}`;
  }).join('\n');
}

/** The dataset as CSV text: a header row, then one row per event in the dataset's order. */
export function exportCsv(dataset: Dataset): string {
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  const rows = dataset.events.map((e) => {
    const { earliest, latest } = boundsOf(e);
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: e.id,
      date: e.date,
      end: e.end ?? '',
      certainty: certaintyOf(e),
      earliest: earliest ?? '',
      latest,
      edtf: e.edtf ?? '',
      key: e.key ? 'true' : 'false',
      category: e.category,
      title: e.title,
      summary: e.summary,
      quotes: formatQuotes(e),
      sources: formatSources(e, articles),
    };
    return CSV_COLUMNS.map((c) => csvField(values[c]));
  });
  return [CSV_COLUMNS.map(csvField), ...rows].map((r) => `${r.join(',')}\r\n`).join('');
}
