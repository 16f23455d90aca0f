import { describe, expect, test } from 'vitest';
import type { Article, TimelineEvent } from '../src/data/schema.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { orderEvents, type RelationsOf } from './orderEvents.ts';

const FILE = 'content/events.yaml';
const day = (s: string) => s as CalendarDay;

function article(id: string, published: string, paragraphs: string[]): Article {
  return { id, headline: id, published: day(published), publishedEvidence: 'test', publisher: null, url: null, file: `${id}.txt`, paragraphs, paragraphInfo: [] };
}

const TALKS = article('talks', '2022-03-03', [
  'Before the talks, the adviser wrote a tweet.',
  'The talks began at noon.',
  'After the talks ended, a corridor was agreed.',
]);
const LATER = article('later', '2022-03-10', ['A later article about the talks.']);
const ARTICLES = new Map([[TALKS.id, TALKS], [LATER.id, LATER]]);

/** An event whose one quote is the whole of `paragraph` in `articleId`. */
function event(id: string, date: string, paragraph: number, articleId = 'talks'): TimelineEvent {
  const text = ARTICLES.get(articleId)!.paragraphs[paragraph]!;
  return {
    id, date: day(date), title: id, summary: id, category: 'diplomacy',
    quotes: [{ article: articleId, paragraph, start: 0, end: text.length, text }],
    dateEvidence: { kind: 'undated', article: articleId, placement: 'test', resolved: day(date) },
  };
}

const relation = (eventId: string, phrase: string) => ({ event: eventId, article: 'talks', phrase });
const ids = (events: readonly TimelineEvent[]) => events.map((e) => e.id);

describe('orderEvents', () => {
  const tweet = event('tweet', '2022-03-03', 0);
  const talks = event('talks', '2022-03-03', 1);
  const corridor = event('corridor', '2022-03-03', 2);

  test('without relations: by date, then by the order of the text, then by id', () => {
    const other = event('a-later-report', '2022-03-03', 0, 'later');
    const { events, errors } = orderEvents([corridor, other, talks, event('earlier', '2022-03-01', 2), tweet], [], ARTICLES, FILE);
    expect(errors).toEqual([]);
    // The article published first comes first; within it, paragraph order.
    expect(ids(events)).toEqual(['earlier', 'tweet', 'talks', 'corridor', 'a-later-report']);
  });

  test('relations override the order of the text within a day', () => {
    const relations: RelationsOf[] = [{ id: 'tweet', after: [relation('corridor', 'After the talks ended')] }];
    const { events, errors } = orderEvents([tweet, talks, corridor], relations, ARTICLES, FILE);
    expect(errors).toEqual([]);
    expect(ids(events)).toEqual(['talks', 'corridor', 'tweet']);
  });

  test('`before` is written as `after` on the other event, with the words located', () => {
    const relations: RelationsOf[] = [{ id: 'tweet', before: [relation('talks', 'Before the talks')] }];
    const { events } = orderEvents([talks, tweet], relations, ARTICLES, FILE);
    expect(events.find((e) => e.id === 'talks')!.after).toEqual([
      { event: 'tweet', phrase: 'Before the talks', article: 'talks', paragraph: 0, start: 0, end: 16 },
    ]);
    expect(events.find((e) => e.id === 'tweet')!.after).toBeUndefined();
  });

  test('a phrase in neither event’s quotes must be unique in the article', () => {
    const relations: RelationsOf[] = [{ id: 'corridor', after: [relation('tweet', 'the talks')] }];
    const { errors } = orderEvents([tweet, corridor], relations, ARTICLES, FILE);
    // "the talks" is in both quotes (paragraphs 0 and 2): the first found inside a quote is taken.
    expect(errors).toEqual([]);
    const missing = orderEvents([tweet, corridor], [{ id: 'corridor', after: [relation('tweet', 'the war')] }], ARTICLES, FILE);
    expect(missing.errors).toEqual([`${FILE}: event "corridor" → after.0.phrase: "the war" does not occur in article "talks"`]);
  });

  test('a cycle is an error naming every event of it, and nothing is returned', () => {
    const relations: RelationsOf[] = [
      { id: 'tweet', after: [relation('talks', 'the talks')] },
      { id: 'talks', after: [relation('corridor', 'the talks')] },
      { id: 'corridor', after: [relation('tweet', 'the talks')] },
    ];
    const { events, errors } = orderEvents([tweet, talks, corridor], relations, ARTICLES, FILE);
    expect(events).toEqual([]);
    expect(errors).toEqual([`${FILE}: event "tweet" → after: the order relations form a cycle: tweet → talks → corridor → tweet`]);
  });

  test('a relation that contradicts the days is an error', () => {
    const early = event('early', '2022-03-01', 2);
    const { errors } = orderEvents([early, tweet], [{ id: 'early', after: [relation('tweet', 'After the talks ended')] }], ARTICLES, FILE);
    expect(errors).toEqual([expect.stringContaining(`${FILE}: event "early" → after.0: "After the talks ended" puts "early" (2022-03-01) after "tweet" (2022-03-03)`)]);
  });

  test('a relation across days that agrees with them is kept and changes nothing', () => {
    const next = event('next-day', '2022-03-04', 2);
    const { events, errors } = orderEvents([next, tweet], [{ id: 'next-day', after: [relation('tweet', 'After the talks ended')] }], ARTICLES, FILE);
    expect(errors).toEqual([]);
    expect(ids(events)).toEqual(['tweet', 'next-day']);
    expect(events[1]!.after).toHaveLength(1);
  });

  test('unknown events, the event itself and unknown articles are errors naming the field', () => {
    const relations: RelationsOf[] = [{
      id: 'tweet',
      after: [relation('nobody', 'the talks'), relation('tweet', 'the talks'), { event: 'talks', article: 'diary', phrase: 'the talks' }],
    }];
    const { errors } = orderEvents([tweet, talks], relations, ARTICLES, FILE);
    expect(errors).toEqual([
      `${FILE}: event "tweet" → after.0.event: unknown event "nobody"`,
      `${FILE}: event "tweet" → after.1.event: an event cannot come after or before itself`,
      expect.stringContaining(`${FILE}: event "tweet" → after.2.article: unknown article "diary"`),
    ]);
  });

  test('a relation to an event that did not build (already reported) is not reported again', () => {
    const relations: RelationsOf[] = [{ id: 'tweet', after: [relation('broken', 'the talks')] }, { id: 'broken' }];
    expect(orderEvents([tweet], relations, ARTICLES, FILE).errors).toEqual([]);
  });
});
