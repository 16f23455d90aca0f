/**
 * Seeded synthetic datasets in the shape of the dataset contract
 * (src/data/schema.ts), for `npm run bench` and the peers adapter. Plain
 * JavaScript so that Node runs it without a loader (the peers harness imports
 * it as is); its types are in generateDataset.d.mts. Every quote and every
 * date phrase is a real slice of its article's paragraph.
 */

export const DEFAULT_SEED = 20220224;
/**
 * From how many events a synthetic dataset has key events: ARCHIVE_THRESHOLD of
 * src/data/archiveSchema.ts (a test holds them equal), where the page's first view is drawn from
 * the archive's index, whose marks are its key events. Smaller datasets stay as they were.
 */
export const KEY_EVENTS_FROM = 20_000;
/** One event in this many is key, from a seeded offset: spread over the whole range. */
export const KEY_EVERY = 2_000;

const DAY_MS = 86_400_000;
const CATEGORY_WEIGHTS = [['military', 0.4], ['diplomacy', 0.25], ['humanitarian', 0.2], ['international', 0.15]];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// The same vocabulary and lengths as the peers benchmark (../shared/peers-bench/gen-data.mjs), so that
// titles, summaries and quotes weigh about the same in both.
const WORDS = (
  'army border talks delegation minister ceasefire corridor city capital region forces troops ' +
  'convoy bridge airport port power plant sanctions bank currency energy gas pipeline oil grain ' +
  'refugees civilians shelter evacuation humanitarian aid negotiators agreement proposal round ' +
  'meeting summit statement officials spokesman president foreign defence council parliament ' +
  'embassy envoy observers monitors reporters witnesses residents families volunteers medics ' +
  'hospital school station railway highway district village frontline north south east west ' +
  'morning evening night overnight early late second third fresh new further limited broad ' +
  'urgent direct indirect public private formal informal brief lengthy tense cautious firm ' +
  'said announced confirmed denied warned urged demanded offered rejected accepted signed ' +
  'delayed resumed ended opened closed crossed reached left entered held met called agreed ' +
  'reported described claimed insisted added noted stressed expected planned failed succeeded ' +
  'the a of in on at to from with after before during near over under against between across'
).split(' ');

/** mulberry32: a small 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The days a dataset of `n` events covers: the product's two weeks up to 100 events, else three years. */
export function dateRangeFor(n) {
  return n <= 100 ? ['2022-02-24', '2022-03-10'] : ['2021-01-01', '2023-12-31'];
}

const toMs = (day) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const toDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The words that date a day in a synthetic article, e.g. "On 3 March 2022". */
export function formatDayPhrase(day) {
  return `On ${+day.slice(8, 10)} ${MONTHS[+day.slice(5, 7) - 1]} ${day.slice(0, 4)}`;
}

/** `count` random words, the first capitalised. */
export function makeSentence(rand, count) {
  const words = Array.from({ length: count }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(' ');
}

/**
 * An article of the contract from its paragraphs ({text, kind}), with the byte
 * ranges of each paragraph in a notional raw file: headline, blank line, then
 * paragraphs separated by blank lines.
 */
export function buildArticle({ id, headline, published, publishedEvidence, paragraphs }) {
  const bytes = (s) => new TextEncoder().encode(s).length;
  let at = bytes(headline) + 2;
  const paragraphInfo = paragraphs.map(({ text, kind }) => {
    const info = { kind, rawStart: at, rawEnd: at + bytes(text) };
    at = info.rawEnd + 2;
    return info;
  });
  return {
    id, headline, published, publishedEvidence, publisher: 'Synthetic Wire', url: `https://example.org/${id}`,
    file: `synthetic/${id}.txt`, paragraphs: paragraphs.map((p) => p.text), paragraphInfo,
  };
}

/** A quote of the contract: the words `[from, from + count)` of a paragraph, with their UTF-16 offsets. */
export function quoteWords(article, paragraph, from, count) {
  const text = article.paragraphs[paragraph];
  const words = text.split(' ');
  const first = Math.min(from, words.length - 1);
  const last = Math.min(words.length, first + Math.max(1, count));
  const start = words.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
  const end = start + words.slice(first, last).join(' ').length;
  return { article: article.id, paragraph, start, end, text: text.slice(start, end) };
}

/**
 * The articles of a synthetic dataset: `count` articles of body paragraphs
 * (every fifth a caption), then one dated paragraph ("On 3 March 2022, …") for
 * each day in `days`, spread over the articles. Returns the articles and, per
 * day, where its dated paragraph is.
 */
export function buildArticles(rand, count, days, published) {
  const drafts = Array.from({ length: count }, (_, a) => ({
    id: `synthetic-article-${a + 1}`,
    headline: makeSentence(rand, 8),
    paragraphs: Array.from({ length: 20 }, (_, p) => (p % 5 === 4
      ? { kind: 'caption', text: `${makeSentence(rand, 9)}.` }
      : { kind: 'text', text: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => `${makeSentence(rand, 10 + Math.floor(rand() * 11))}.`).join(' ') })),
  }));
  const dated = new Map();
  days.forEach((day, i) => {
    const draft = drafts[i % count];
    dated.set(day, { article: draft.id, paragraph: draft.paragraphs.length });
    draft.paragraphs.push({ kind: 'text', text: `${formatDayPhrase(day)}, ${makeSentence(rand, 14 + Math.floor(rand() * 8)).replace(/^./, (c) => c.toLowerCase())}.` });
  });
  const articles = drafts.map((d) => buildArticle({
    ...d, published, publishedEvidence: `Synthetic article: its dateline reads ${formatDayPhrase(published).slice(3)}.`,
  }));
  return { articles, dated };
}

function pickCategory(rand) {
  let r = rand();
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    if ((r -= weight) < 0) return category;
  }
  return 'military';
}

/** A quote of 8–25 words from a random body paragraph of a random article. */
function randomQuote(rand, articles) {
  const article = articles[Math.floor(rand() * articles.length)];
  const paragraph = Math.floor(rand() * 20);
  const words = article.paragraphs[paragraph].split(' ').length;
  const count = 8 + Math.floor(rand() * 18);
  return quoteWords(article, paragraph, Math.floor(rand() * Math.max(1, words - count)), count);
}

/**
 * A dataset of `n` events that fits the contract, the same for the same
 * `n` and `seed`: 4 categories, about 5 % spans, 80 % of events dated by an
 * explicit phrase and the rest undated, 1–2 quotes each; from KEY_EVENTS_FROM
 * events, one in KEY_EVERY is key. About 1.5 GB of heap at 1,000,000 events.
 */
export function generateDataset(n, seed = DEFAULT_SEED) {
  const rand = mulberry32(seed ^ Math.imul(n, 2654435761));
  const [from, to] = dateRangeFor(n);
  const days = Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;
  const pad = Math.max(5, String(n).length);
  const drafts = Array.from({ length: n }, (_, i) => {
    const date = toDay(toMs(from) + Math.floor(rand() * days) * DAY_MS);
    const spanDays = rand() < 0.05 ? 1 + Math.floor(rand() * (n <= 100 ? 4 : 30)) : 0;
    const end = spanDays && toMs(date) < toMs(to) ? toDay(Math.min(toMs(to), toMs(date) + spanDays * DAY_MS)) : undefined;
    return {
      id: `ev-${String(i + 1).padStart(pad, '0')}`, date, end, category: pickCategory(rand),
      title: makeSentence(rand, 5 + Math.floor(rand() * 3)),
      summary: `${makeSentence(rand, 26 + Math.floor(rand() * 9))}.`,
      explicit: rand() < 0.8, secondQuote: rand() < 0.4,
    };
  });
  const datedDays = [...new Set(drafts.filter((d) => d.explicit).map((d) => d.date))].sort();
  const { articles, dated } = buildArticles(rand, n <= 100 ? 3 : 6, datedDays, to);
  const byId = new Map(articles.map((a) => [a.id, a]));

  const events = drafts.map(({ explicit, secondQuote, end, ...d }) => {
    let quotes;
    let dateEvidence;
    if (explicit) {
      const where = dated.get(d.date);
      const article = byId.get(where.article);
      const words = article.paragraphs[where.paragraph].split(' ').length;
      const phrase = formatDayPhrase(d.date);
      quotes = [quoteWords(article, where.paragraph, 0, words)];
      dateEvidence = { kind: 'explicit', phrase, article: article.id, paragraph: where.paragraph, start: 0, end: phrase.length, resolved: d.date };
      if (secondQuote) quotes.push(randomQuote(rand, articles));
    } else {
      quotes = [randomQuote(rand, articles)];
      dateEvidence = {
        kind: 'undated', article: quotes[0].article, resolved: d.date,
        placement: `Not dated by the article; placed on ${formatDayPhrase(d.date).slice(3)} (synthetic).`,
      };
    }
    return { ...d, ...(end && { end }), quotes, dateEvidence };
  });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  if (n >= KEY_EVENTS_FROM) {
    // A PRNG of its own, so that the events themselves are the same as without key events.
    const offset = Math.floor(mulberry32(seed ^ 0x6b6579)() * KEY_EVERY);
    for (let i = offset; i < n; i += KEY_EVERY) events[i].key = true;
  }
  return { version: 1, title: `Synthetic timeline: ${n.toLocaleString('en-US')} events (seed ${seed})`, articles, events };
}
