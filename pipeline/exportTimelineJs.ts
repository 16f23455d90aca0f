/**
 * Open data out, TimelineJS: the dataset in the JSON format of Knight Lab's TimelineJS
 * (a title slide and `events[]` with `start_date`/`end_date` parts, `text.headline`/`text.text`,
 * `group`, `unique_id`, `display_date`). The date's uncertainty, which TimelineJS cannot draw,
 * is kept in words in `display_date`. Every dataset string is HTML-escaped: TimelineJS renders
 * `text` as HTML. The `dataset` plugin of vite.config.ts ships it as
 * dist/data/timeline-timelinejs.json. Pure: dataset in, object out.
 */
import type { Article, Dataset, TimelineEvent } from '../src/data/schema.ts';
import { DEFAULT_CATEGORIES } from '../src/lib/categories.ts';
import { describeCertainty } from '../src/lib/evidence/describeCertainty.ts';
import { formatDay, type CalendarDay } from '../src/lib/time/calendarDay.ts';

export type TimelineJsDate = { year: number; month: number; day: number };
export type TimelineJsEvent = {
  unique_id: string;
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date: string;
  text: { headline: string; text: string };
  group: string;
};
export type TimelineJs = { title: { text: { headline: string; text: string } }; events: TimelineJsEvent[] };

/** Text made safe to put in HTML, in an element or an attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function toParts(day: CalendarDay): TimelineJsDate {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
}

/** The summary, then each quote with the article it comes from (linked when its address is known). */
function eventHtml(event: TimelineEvent, articles: ReadonlyMap<string, Article>): string {
  const quotes = event.quotes.map((q) => {
    const a = articles.get(q.article);
    const name = a ? `${escapeHtml(a.headline)}, ${formatDay(a.published)}` : escapeHtml(q.article);
    const href = q.fragment ?? a?.url;
    const source = href ? `<a href="${escapeHtml(href)}">${name}</a>` : name;
    return `<blockquote>${escapeHtml(q.text)}</blockquote><p>— ${source}</p>`;
  });
  return `<p>${escapeHtml(event.summary)}</p>${quotes.join('')}`;
}

/** "Reported by Thu 3 Mar 2022; the source gives no date": describeCertainty, as a heading. */
function displayDate(event: TimelineEvent): string {
  const words = describeCertainty(event);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The dataset as a TimelineJS timeline. */
export function exportTimelineJs(dataset: Dataset): TimelineJs {
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  const about = dataset.licence ? `<p>${escapeHtml(dataset.licence)}</p>` : '';
  // The build runs apart from the page, where configureCategories applies the edition's names: read them here.
  const labels = new Map((dataset.categories ?? DEFAULT_CATEGORIES).map((c) => [c.id, c.label]));
  return {
    title: { text: { headline: escapeHtml(dataset.title), text: `<p>Every event quotes its sources word for word.</p>${about}` } },
    events: dataset.events.map((e) => ({
      unique_id: e.id,
      start_date: toParts(e.date),
      ...(e.end && { end_date: toParts(e.end) }),
      display_date: escapeHtml(displayDate(e)),
      text: { headline: escapeHtml(e.title), text: eventHtml(e, articles) },
      group: labels.get(e.category) ?? e.category,
    })),
  };
}
