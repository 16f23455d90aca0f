import { describe, expect, test } from 'vitest';
import { HOSTILE, hostileDataset, realDataset } from '../tests/fixtures/openData.ts';
import { exportTimelineJs } from './exportTimelineJs.ts';

describe('exportTimelineJs', () => {
  test('gives every event its dates in parts, headline, group (the category label) and id', () => {
    const dataset = realDataset();
    const tl = exportTimelineJs(dataset);
    expect(tl.events).toHaveLength(dataset.events.length);
    const span = exportTimelineJs(hostileDataset()).events[1]!;
    expect(span).toMatchObject({
      unique_id: 'a-span', start_date: { year: 2022, month: 2, day: 28 }, end_date: { year: 2022, month: 3, day: 3 }, group: 'Diplomacy',
    });
    expect(exportTimelineJs(hostileDataset()).events[3]!.group).toBe('International response');
    expect(exportTimelineJs(hostileDataset()).events[0]).not.toHaveProperty('end_date');
  });

  test('keeps the uncertainty of each date in display_date, in the words the page uses', () => {
    expect(exportTimelineJs(hostileDataset()).events.map((e) => e.display_date)).toEqual([
      'Thu 24 Feb 2022',
      'From Mon 28 Feb to Thu 3 Mar 2022',
      'Between Tue 1 Mar and Sat 5 Mar 2022',
      'Reported by Thu 10 Mar 2022; the source gives no date',
    ]);
  });

  test('puts the summary and every quote, with its article, in the text', () => {
    const dataset = realDataset();
    const event = dataset.events.find((e) => e.quotes.length > 1)!;
    const text = exportTimelineJs(dataset).events.find((e) => e.unique_id === event.id)!.text.text;
    expect(text.match(/<blockquote>/g)).toHaveLength(event.quotes.length);
    const headline = dataset.articles.find((a) => a.id === event.quotes[0]!.article)!.headline;
    expect(text).toContain(headline.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
  });

  test('escapes every dataset string: no markup of the data survives as markup', () => {
    const tl = exportTimelineJs(hostileDataset());
    const all = JSON.stringify(tl);
    expect(all).not.toContain('<script');
    expect(all).not.toContain('</script');
    expect(all).not.toContain('<img');
    expect(all).not.toContain('<!--');
    const e = tl.events[0]!;
    expect(e.text.headline).toBe('Title of on-a-day: He said &quot;stop&quot;, then left,\nand wrote &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;more&#39; &lt;!--');
    // The only tags are ours.
    expect([...e.text.text.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['p', 'blockquote', 'a']));
    expect(new Set([...e.text.text.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]))).toEqual(new Set(['p', 'blockquote', 'a']));
    expect(e.text.text).toContain('href="https://example.org/a?x=1&amp;y=&quot;2&quot;"');
    expect(tl.title.text.text).toContain('Licence He said &quot;stop&quot;');
    expect(HOSTILE).toContain('</script>');
  });
});
