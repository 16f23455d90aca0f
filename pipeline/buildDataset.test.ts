import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { datasetSchema, type Dataset, type TimelineEvent } from '../src/data/schema.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { buildDataset, type BuildResult } from './buildDataset.ts';
import type { EventInput } from './inputSchema.ts';
import { readInputs, type Inputs, type RawArticle } from './readInputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = path.join(ROOT, 'tests/fixtures/pipeline');
const EVENTS_FILE = 'content/events.yaml';
const day = (s: string) => s as CalendarDay;

// ---- small in-memory inputs -------------------------------------------------

/** An article as readInputs returns it; `lines` are joined by blank lines like the scraped files. */
function rawArticle(id: string, published: string, headline: string, ...lines: string[]): RawArticle {
  return {
    meta: { id, headline, publisher: null, url: null, published: day(published), publishedEvidence: 'Written for the test.' },
    raw: [headline, ...lines].join('\n\n'),
    file: `content/articles/${id}.txt`,
  };
}

/** Published on Thursday 2022-03-10; "on Wednesday" occurs in two paragraphs. */
function wednesdayTwiceArticle(): RawArticle {
  return rawArticle('ministers', '2022-03-10', 'Ministers meet',
    'On Thursday, the two foreign ministers met.',
    'A hospital was bombed on Wednesday, officials said.',
    'Evacuations went ahead on Wednesday.',
    'Image Credit: Getty');
}

/** Published on 2022-03-03: an explicit date and a count of days. */
function talksArticle(): RawArticle {
  return rawArticle('talks', '2022-03-03', 'Second round of talks',
    'The adviser spoke on March 3 after the talks.',
    'Russia – Ukraine has spent 8 days of fighting.');
}

function event(input: Partial<EventInput> & Pick<EventInput, 'id' | 'date' | 'quotes' | 'dateEvidence'>): EventInput {
  // Lower case, without numbers: titles and summaries that claim nothing the quotes must carry.
  return { title: `title of ${input.id}`, summary: `summary of ${input.id}`, category: 'diplomacy', ...input };
}

function ministersMeet(overrides: Partial<EventInput> = {}): EventInput {
  return event({
    id: 'ministers-meet',
    date: day('2022-03-10'),
    quotes: [{ article: 'ministers', text: 'On Thursday, the two foreign ministers met.' }],
    dateEvidence: { kind: 'relative', article: 'ministers', phrase: 'On Thursday' },
    ...overrides,
  });
}

function hospitalBombed(overrides: Partial<EventInput> = {}): EventInput {
  return event({
    id: 'hospital-bombed',
    date: day('2022-03-09'),
    category: 'humanitarian',
    quotes: [{ article: 'ministers', text: 'A hospital was bombed on Wednesday' }],
    dateEvidence: { kind: 'relative', article: 'ministers', phrase: 'on Wednesday' },
    ...overrides,
  });
}

function adviserSpoke(overrides: Partial<EventInput> = {}): EventInput {
  return event({
    id: 'adviser-spoke',
    date: day('2022-03-03'),
    quotes: [{ article: 'talks', text: 'The adviser spoke on March 3' }],
    dateEvidence: { kind: 'explicit', article: 'talks', phrase: 'on March 3' },
    ...overrides,
  });
}

function eighthDay(overrides: Partial<EventInput> = {}): EventInput {
  return event({
    id: 'eighth-day',
    date: day('2022-03-03'),
    category: 'military',
    quotes: [{ article: 'talks', text: 'Russia – Ukraine has spent 8 days of fighting.' }],
    dateEvidence: { kind: 'counted', article: 'talks', phrase: '8 days of fighting', from: day('2022-02-24'), count: 8, inclusive: true },
    ...overrides,
  });
}

function inputs(events: EventInput[], articles = [wednesdayTwiceArticle(), talksArticle()]): Inputs {
  // Spread, so that the helper fits Inputs whether or not it lists the articles without a valid day.
  return { title: 'Test timeline', articles, events, eventsFile: EVENTS_FILE, errors: [], ...{ undatedArticles: new Set<string>() } };
}

function expectDataset(result: BuildResult): Dataset {
  expect(result.errors).toEqual([]);
  expect(result.dataset).not.toBeNull();
  return result.dataset!;
}

function eventById(dataset: Dataset, id: string): TimelineEvent {
  const found = dataset.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event "${id}" in the dataset`);
  return found;
}

/** The prefix every message about one event's field starts with. */
const about = (file: string, id: string, field: string) => `${file}: event "${id}" → ${field}: `;

// ---- tests -----------------------------------------------------------------

describe('buildDataset on small inputs', () => {
  test('builds a dataset that fits the contract, with each quote an exact slice of a cleaned paragraph', () => {
    const dataset = expectDataset(buildDataset(inputs([ministersMeet(), hospitalBombed(), adviserSpoke(), eighthDay()])));
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
    expect(dataset.title).toBe('Test timeline');
    for (const e of dataset.events) {
      for (const q of e.quotes) {
        const article = dataset.articles.find((a) => a.id === q.article)!;
        expect(article.paragraphs[q.paragraph]!.slice(q.start, q.end)).toBe(q.text);
      }
    }
  });

  test('stores each article’s cleaned paragraphs, without the headline or furniture, with their kinds', () => {
    const dataset = expectDataset(buildDataset(inputs([ministersMeet()])));
    const article = dataset.articles.find((a) => a.id === 'ministers')!;
    expect(article.paragraphs).toEqual([
      'On Thursday, the two foreign ministers met.',
      'A hospital was bombed on Wednesday, officials said.',
      'Evacuations went ahead on Wednesday.',
    ]);
    expect(article.paragraphInfo.map((p) => p.kind)).toEqual(['text', 'text', 'text']);
    expect(article.file).toBe('content/articles/ministers.txt');
  });

  test('sorts events by date, then by the order of the text', () => {
    const dataset = expectDataset(buildDataset(inputs([ministersMeet(), hospitalBombed(), eighthDay(), adviserSpoke()])));
    expect(dataset.events.map((e) => [e.date, e.id])).toEqual([
      ['2022-03-03', 'adviser-spoke'], ['2022-03-03', 'eighth-day'], ['2022-03-09', 'hospital-bombed'], ['2022-03-10', 'ministers-meet'],
    ]);
  });

  test('resolves relative evidence against the article’s publication day and records that reference', () => {
    const e = eventById(expectDataset(buildDataset(inputs([hospitalBombed()]))), 'hospital-bombed');
    expect(e.dateEvidence).toMatchObject({ kind: 'relative', reference: '2022-03-10', resolved: '2022-03-09' });
  });

  test('resolves explicit and counted evidence', () => {
    const dataset = expectDataset(buildDataset(inputs([adviserSpoke(), eighthDay()])));
    expect(eventById(dataset, 'adviser-spoke').dateEvidence).toMatchObject({ kind: 'explicit', resolved: '2022-03-03' });
    expect(eventById(dataset, 'eighth-day').dateEvidence).toMatchObject({
      kind: 'counted', from: '2022-02-24', count: 8, inclusive: true, resolved: '2022-03-03',
    });
  });

  test('locates an evidence phrase that occurs twice in the article inside the event’s own quote', () => {
    const dataset = expectDataset(buildDataset(inputs([hospitalBombed()])));
    const e = eventById(dataset, 'hospital-bombed');
    const quote = e.quotes[0]!;
    const ev = e.dateEvidence;
    if (ev.kind === 'undated') throw new Error('expected located evidence');
    const paragraph = dataset.articles.find((a) => a.id === 'ministers')!.paragraphs[ev.paragraph]!;
    expect(ev.paragraph).toBe(quote.paragraph);
    expect(ev.start).toBeGreaterThanOrEqual(quote.start);
    expect(ev.end).toBeLessThanOrEqual(quote.end);
    expect(paragraph.slice(ev.start, ev.end)).toBe('on Wednesday');
  });

  test('finds the phrase inside the quote even when that is its second occurrence', () => {
    const evacuations = hospitalBombed({ id: 'evacuations', quotes: [{ article: 'ministers', text: 'Evacuations went ahead on Wednesday.' }] });
    const e = eventById(expectDataset(buildDataset(inputs([evacuations]))), 'evacuations');
    expect(e.dateEvidence).toMatchObject({ paragraph: 2, start: 'Evacuations went ahead '.length });
  });

  test('rejects an evidence phrase that occurs twice in the article and in none of the event’s quotes', () => {
    const result = buildDataset(inputs([hospitalBombed({ quotes: [{ article: 'ministers', text: 'officials said' }] })]));
    expect(result.dataset).toBeNull();
    expect(result.errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'hospital-bombed', 'dateEvidence.phrase'))]);
    expect(result.errors[0]).toMatch(/occurs 2 times/);
  });

  test('rejects an evidence phrase that is not in the article', () => {
    const result = buildDataset(inputs([adviserSpoke({ dateEvidence: { kind: 'explicit', article: 'talks', phrase: 'on March 4' } })]));
    expect(result.errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'adviser-spoke', 'dateEvidence.phrase'))]);
  });

  test('fails naming date when the evidence resolves to another day than the event’s', () => {
    const result = buildDataset(inputs([adviserSpoke({ date: day('2022-03-04') })]));
    expect(result.dataset).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(about(EVENTS_FILE, 'adviser-spoke', 'date'));
    expect(result.errors[0]).toContain('evidence');
    expect(result.errors[0]).toContain('2022-03-03');
    expect(result.errors[0]).toContain('2022-03-04');
  });

  test('fails naming date when relative evidence is read as if published on another day', () => {
    const result = buildDataset(inputs([hospitalBombed({ date: day('2022-03-10') })]));
    expect(result.errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'hospital-bombed', 'date'))]);
  });

  test('accepts evidence that falls within the event’s span, and rejects it outside', () => {
    const inSpan = adviserSpoke({ date: day('2022-03-02'), end: day('2022-03-03') });
    expect(expectDataset(buildDataset(inputs([inSpan]))).events[0]).toMatchObject({ date: '2022-03-02', end: '2022-03-03' });
    const outside = adviserSpoke({ date: day('2022-03-01'), end: day('2022-03-02') });
    expect(buildDataset(inputs([outside])).errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'adviser-spoke', 'date'))]);
  });

  test('fails naming dateEvidence.count when the phrase does not state the count', () => {
    const wrongCount = eighthDay({ dateEvidence: { kind: 'counted', article: 'talks', phrase: '8 days of fighting', from: day('2022-02-24'), count: 9, inclusive: true } });
    expect(buildDataset(inputs([wrongCount])).errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'eighth-day', 'dateEvidence.count'))]);
  });

  test('fails naming dateEvidence.article for evidence in an unknown article', () => {
    const result = buildDataset(inputs([adviserSpoke({ dateEvidence: { kind: 'explicit', article: 'nowhere', phrase: 'on March 3' } })]));
    expect(result.errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'adviser-spoke', 'dateEvidence.article'))]);
  });

  test('a quote of page furniture is not found: it is not in the cleaned paragraphs', () => {
    const result = buildDataset(inputs([ministersMeet({ quotes: [{ article: 'ministers', text: 'Image Credit: Getty' }] })]));
    expect(result.errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'ministers-meet', 'quotes.0.text'))]);
  });

  test('names the index of the failing quote', () => {
    const second = ministersMeet({ quotes: [{ article: 'ministers', text: 'On Thursday' }, { article: 'ministers', text: 'On Friday' }] });
    expect(buildDataset(inputs([second])).errors).toEqual([expect.stringContaining(about(EVENTS_FILE, 'ministers-meet', 'quotes.1.text'))]);
  });

  test('an end on the same day as the date fails naming end', () => {
    const result = buildDataset(inputs([adviserSpoke({ end: day('2022-03-03') })]));
    expect(result.errors).toContainEqual(expect.stringContaining(about(EVENTS_FILE, 'adviser-spoke', 'end')));
  });

  test('passes on the errors readInputs found and then builds nothing', () => {
    const result = buildDataset({ ...inputs([ministersMeet()]), errors: ['content/site.json: site → title: must not be empty'] });
    expect(result.dataset).toBeNull();
    expect(result.errors).toEqual(['content/site.json: site → title: must not be empty']);
  });

  test('gives the same dataset for the same inputs', () => {
    const events = [ministersMeet(), hospitalBombed(), adviserSpoke(), eighthDay()];
    expect(JSON.stringify(buildDataset(inputs(events)).dataset)).toBe(JSON.stringify(buildDataset(inputs(events)).dataset));
  });
});

describe('buildDataset on the fixture content dirs', () => {
  const content = path.join(FIXTURES, 'two-articles');

  test('two-articles builds all five events with no error', () => {
    const dataset = expectDataset(buildDataset(readInputs(content, undefined, ROOT)));
    expect(dataset.title).toBe('Two small articles written for the pipeline tests');
    expect(dataset.articles.map((a) => a.file).sort()).toEqual([
      'tests/fixtures/pipeline/two-articles/articles/antalya-ministers.txt',
      'tests/fixtures/pipeline/two-articles/articles/brest-talks.txt',
    ]);
    // Within 3 Mar, the order of the text: paragraph 0, then 1, then 3.
    expect(dataset.events.map((e) => [e.id, e.date, e.certainty, e.dateEvidence.resolved])).toEqual([
      ['talks-in-brest', '2022-03-03', 'day', '2022-03-03'],
      ['talks-to-continue', '2022-03-03', 'reported', '2022-03-03'],
      ['eighth-day-of-fighting', '2022-03-03', 'day', '2022-03-03'],
      ['hospital-bombed', '2022-03-09', 'day', '2022-03-09'],
      ['ministers-meet', '2022-03-10', 'day', '2022-03-10'],
    ]);
    expect(eventById(dataset, 'talks-to-continue').dateEvidence).toMatchObject({
      kind: 'undated', placement: 'The source gives no date: the article published Thu 3 Mar 2022 reports it.',
    });
  });

  test('two-articles: the glued caption is a caption paragraph, and the text after “Latest articles” is gone', () => {
    const dataset = expectDataset(buildDataset(readInputs(content, undefined, ROOT)));
    const brest = dataset.articles.find((a) => a.id === 'brest-talks')!;
    const caption = brest.paragraphs.indexOf('Delegates at the table in Brest');
    expect(caption).toBeGreaterThan(-1);
    expect(brest.paragraphInfo[caption]?.kind).toBe('caption');
    const antalya = dataset.articles.find((a) => a.id === 'antalya-ministers')!;
    expect(antalya.paragraphs.join('\n')).not.toContain('stroke study');
  });

  test('five-problems yields all five errors in one run, each naming the file, the event and the field', () => {
    const eventsFile = path.join(FIXTURES, 'five-problems/events.yaml');
    const result = buildDataset(readInputs(content, eventsFile, ROOT));
    const file = 'tests/fixtures/pipeline/five-problems/events.yaml';
    const expected: Array<[string, string, string]> = [
      ['wrong-quote', 'quotes.0.text', 'on 3 March'],
      ['unknown-article', 'quotes.0.article', 'kyiv-diary'],
      ['impossible-date', 'date', '2022-02-30'],
      ['ministers-meet', 'id', 'duplicate'],
      ['ends-before-start', 'end', '2022-03-03'],
    ];
    expect(result.dataset).toBeNull();
    for (const [id, field, detail] of expected) {
      const matching = result.errors.filter((e) => e.startsWith(about(file, id, field)));
      expect(matching, `${id} → ${field} in:\n${result.errors.join('\n')}`).toHaveLength(1);
      expect(matching[0]).toContain(detail);
    }
    // Nothing else is wrong in that file, so every message is about one of those five events.
    const ids = new Set(expected.map(([id]) => id));
    for (const e of result.errors) {
      const id = /^[^:]+: event "([^"]+)"/.exec(e)?.[1];
      expect(ids.has(id ?? ''), e).toBe(true);
    }
  });
});
