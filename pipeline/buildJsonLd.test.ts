import { describe, expect, test } from 'vitest';
import { hostileDataset, realDataset } from '../tests/fixtures/openData.ts';
import { boundsOf, certaintyOf } from '../src/lib/evidence/describeCertainty.ts';
import { JSON_LD_ARCHIVE_EVENTS, jsonLdScriptText } from './buildJsonLd.ts';

type Item = { '@type': string; identifier: string; name: string; startDate?: string; endDate: string; description: string; citation: Array<{ headline: string; datePublished: string }> };
const itemsOf = (text: string) => (JSON.parse(text) as { itemListElement: Array<{ position: number; item: Item }> }).itemListElement;

describe('jsonLdScriptText', () => {
  test('parses as an ItemList of every event, in order, with its name and description', () => {
    const dataset = realDataset();
    const list = JSON.parse(jsonLdScriptText(dataset));
    expect(list).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList', name: dataset.title, numberOfItems: dataset.events.length });
    const items = itemsOf(jsonLdScriptText(dataset));
    expect(items.map((i) => i.position)).toEqual(dataset.events.map((_, i) => i + 1));
    expect(items.map((i) => [i.item['@type'], i.item.identifier, i.item.name, i.item.description])).toEqual(dataset.events.map((e) => ['Event', e.id, e.title, e.summary]));
  });

  test('gives each event the dates its sources allow: a start only when it is known', () => {
    const items = itemsOf(jsonLdScriptText(hostileDataset()));
    expect(items.map(({ item }) => [item.startDate, item.endDate])).toEqual([
      ['2022-02-24', '2022-02-24'], ['2022-02-28', '2022-03-03'], ['2022-03-01', '2022-03-05'], [undefined, '2022-03-10'],
    ]);
    const dataset = realDataset();
    itemsOf(jsonLdScriptText(dataset)).forEach(({ item }, i) => {
      const e = dataset.events[i]!;
      expect(item.endDate).toBe(certaintyOf(e) === 'day' ? e.end ?? e.date : boundsOf(e).latest);
      expect(item.startDate).toBe(certaintyOf(e) === 'day' ? e.date : boundsOf(e).earliest ?? undefined);
    });
  });

  test('cites each article an event quotes, by headline and date', () => {
    const dataset = realDataset();
    itemsOf(jsonLdScriptText(dataset)).forEach(({ item }, i) => {
      const ids = [...new Set(dataset.events[i]!.quotes.map((q) => q.article))];
      expect(item.citation).toEqual(ids.map((id) => {
        const a = dataset.articles.find((x) => x.id === id)!;
        return expect.objectContaining({ '@type': 'NewsArticle', headline: a.headline, datePublished: a.published });
      }));
    });
  });

  test('past its limit, lists the key events first and counts them all', () => {
    const list = JSON.parse(jsonLdScriptText(hostileDataset(), 2)) as { numberOfItems: number };
    expect(list.numberOfItems).toBe(4);
    expect(itemsOf(jsonLdScriptText(hostileDataset(), 2)).map((i) => [i.position, i.item.identifier])).toEqual([[1, 'on-a-day'], [2, 'a-span']]);
    expect(itemsOf(jsonLdScriptText(hostileDataset(), 4))).toHaveLength(4);
  });

  test('for an archive, lists only its key events, or its first ones when it has none, and counts them all', () => {
    const base = hostileDataset();
    const many = Array.from({ length: 250 }, (_, i) => ({ ...base.events[i % 4]!, id: `event-${i}`, key: i % 60 === 7 }));
    const archive = { ...base, events: many };
    const list = JSON.parse(jsonLdScriptText(archive, 'archive')) as { numberOfItems: number };
    expect(list.numberOfItems).toBe(250);
    expect(itemsOf(jsonLdScriptText(archive, 'archive')).map((i) => i.item.identifier)).toEqual(['event-7', 'event-67', 'event-127', 'event-187', 'event-247']);
    const none = { ...base, events: many.map((e) => ({ ...e, key: false })) };
    expect(JSON.parse(jsonLdScriptText(none, 'archive'))).toMatchObject({ numberOfItems: 250 });
    expect(itemsOf(jsonLdScriptText(none, 'archive')).map((i) => [i.position, i.item.identifier]))
      .toEqual(many.slice(0, JSON_LD_ARCHIVE_EVENTS).map((e, i) => [i + 1, e.id]));
  });

  test('cannot close its script element or open a comment, whatever the data says', () => {
    const text = jsonLdScriptText(hostileDataset());
    expect(text).not.toMatch(/<\/script|<!--|</i);
    expect(itemsOf(text)[0]!.item.name).toContain('</script><img src=x onerror=alert(1)>');
  });
});
