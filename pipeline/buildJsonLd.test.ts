import { describe, expect, test } from 'vitest';
import { hostileDataset, realDataset } from '../tests/fixtures/openData.ts';
import { boundsOf, certaintyOf } from '../src/lib/evidence/describeCertainty.ts';
import { jsonLdScriptText } from './buildJsonLd.ts';

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

  test('cannot close its script element or open a comment, whatever the data says', () => {
    const text = jsonLdScriptText(hostileDataset());
    expect(text).not.toMatch(/<\/script|<!--|</i);
    expect(itemsOf(text)[0]!.item.name).toContain('</script><img src=x onerror=alert(1)>');
  });
});
