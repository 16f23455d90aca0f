/**
 * Our viewer as a contender of the peers benchmark (../shared/peers-bench):
 *
 *   bash run.sh --add ours=/work/main/bench/peers-adapter.mjs --only ours,baseline
 *
 * It serves our production build (dist/, or TIMELINE_BENCH_DIST) as is, with
 * the run's dataset converted to our contract at data/timeline.json, and zooms
 * the timeline with the wheel. Plain JavaScript: the harness imports it with
 * Node and no loader.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArticle, formatDayPhrase } from './generateDataset.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CATEGORIES = ['military', 'diplomacy', 'humanitarian', 'international'];
// The timeline's zoom surface: the described group in the timeline's section, or else the parent of
// an event mark outside the list (nav). At the full extent of a large N every mark can be a count
// badge, so the first alone does not always find it.
// (`:not(nav *)` stands on the div: Playwright's own CSS engine misreads `:has(> b:not(nav b))`.)
export const ZOOM_SURFACE = 'section [role="group"][aria-describedby], div:has(> button[data-event-id]):not(nav *)';

/** A stable category for an event id (the generic dataset has none): FNV-1a hash, 4 buckets. */
function categoryOf(id) {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return CATEGORIES[(h >>> 0) % CATEGORIES.length];
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The peers' generic events ({id, date, title, summary, quote: {text, source, url}}) as a dataset
 * of our contract: one article per quoted source, one paragraph per quote ("On 3 March 2022:
 * <quote>"), the quote and the dating phrase as exact slices of it.
 */
export function convertGeneric(events) {
  const bySource = new Map();
  for (const e of events) {
    const list = bySource.get(e.quote.source) ?? [];
    bySource.set(e.quote.source, list);
    list.push(e);
  }
  const articles = [];
  const cited = new Map();
  for (const [source, list] of bySource) {
    const id = slug(source);
    const paragraphs = list.map((e, i) => {
      const prefix = `${formatDayPhrase(e.date)}: `;
      cited.set(e.id, { article: id, paragraph: i, start: prefix.length, end: prefix.length + e.quote.text.length, text: e.quote.text, phrase: prefix.slice(0, -2) });
      return { kind: 'text', text: prefix + e.quote.text };
    });
    const published = list.reduce((last, e) => (e.date > last ? e.date : last), list[0].date);
    articles.push({
      ...buildArticle({ id, headline: source, published, publishedEvidence: 'Synthetic: dated by its latest dated paragraph.', paragraphs }),
      url: list[0].quote.url,
    });
  }
  return {
    version: 1,
    title: `Peers benchmark: ${events.length.toLocaleString('en-US')} events`,
    articles,
    events: events.map((e) => {
      const c = cited.get(e.id);
      return {
        id: e.id, date: e.date, title: e.title, summary: e.summary, category: categoryOf(e.id),
        quotes: [{ article: c.article, paragraph: c.paragraph, start: c.start, end: c.end, text: c.text }],
        dateEvidence: { kind: 'explicit', phrase: c.phrase, article: c.article, paragraph: c.paragraph, start: 0, end: c.phrase.length, resolved: e.date },
      };
    }),
  };
}

export default {
  name: 'ours',
  label: 'source-grounded timeline (this project)',
  packages: [],
  serveDir: process.env.TIMELINE_BENCH_DIST ?? path.join(HERE, '..', 'dist'),
  entry: 'index.html',
  dataPath: 'data/timeline.json',
  notes: 'our production build (vite 8, React 19, d3-zoom; dataset fetched from data/timeline.json and checked against the contract in the page), served as is. The generic events are converted to our contract: one article per quoted source, categories by a hash of the id, no spans.',
  convert: convertGeneric,
  ready: { selectors: ['[data-event-id]'], means: 'an element with data-event-id (a timeline mark or a list entry) is visible' },
  interaction: 'mouse.wheel over the timeline\'s zoom surface (d3-zoom): 5 in, 5 out, x3 (30 wheel steps)',
  async interact(page, { steps, pause, helpers }) {
    await helpers.wheelPattern(page, { target: ZOOM_SURFACE, steps, pause });
  },
};
