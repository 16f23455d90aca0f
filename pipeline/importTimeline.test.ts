import { describe, expect, test } from 'vitest';
import { hostileDataset, realDataset } from '../tests/fixtures/openData.ts';
import type { Dataset } from '../src/data/schema.ts';
import { exportCsv } from './exportCsv.ts';
import { exportTimelineJs } from './exportTimelineJs.ts';
import { draftYaml } from './draftYaml.ts';
import { htmlToText, importCsv, importTimelineJsJson, slugify, TIMELINEJS_COLUMNS } from './importTimeline.ts';

const essentials = (d: Dataset) => d.events.map((e) => ({ id: e.id, date: e.date, end: e.end, title: e.title, category: e.category }));
const imported = (events: ReturnType<typeof importCsv>['events']) => events.map((e) => ({ id: e.id, date: e.date, end: e.end, title: e.title, category: e.category }));

/** A CSV in TimelineJS's template layout from rows of cells by column name. */
function sheet(rows: Array<Partial<Record<(typeof TIMELINEJS_COLUMNS)[number], string>>>): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [TIMELINEJS_COLUMNS.join(','), ...rows.map((r) => TIMELINEJS_COLUMNS.map((c) => field(r[c] ?? '')).join(','))].join('\r\n');
}

describe('round trips', () => {
  for (const [name, dataset] of [['the edition', realDataset()], ['hostile strings', hostileDataset()]] as const) {
    test(`${name} → TimelineJS JSON → import gives the same events (ids, dates, titles, categories)`, () => {
      const result = importTimelineJsJson(JSON.parse(JSON.stringify(exportTimelineJs(dataset))));
      expect(result.rejected).toEqual([]);
      // HTML makes any run of white space one space.
      const spaced = essentials(dataset).map((e) => ({ ...e, title: e.title.replace(/\s+/g, ' ') }));
      expect(imported(result.events)).toEqual(spaced);
      // The summary comes back without the quotes, which go to the editor as words to locate.
      expect(result.events.map((e) => e.summary)).toEqual(dataset.events.map((e) => e.summary.replace(/\s+/g, ' ')));
      expect(result.events.map((e) => e.unlocated.length)).toEqual(dataset.events.map((e) => e.quotes.length));
      expect(result.events.every((e) => e.quotes.length === 0)).toBe(true);
    });

    test(`${name} → CSV → import gives the same events, with their quotes and articles`, () => {
      const result = importCsv(exportCsv(dataset));
      expect(result.rejected).toEqual([]);
      expect(result.format).toBe('CSV (data/timeline.csv)');
      expect(imported(result.events)).toEqual(essentials(dataset));
      expect(result.events.map((e) => e.quotes)).toEqual(dataset.events.map((e) => e.quotes.map((q) => ({ article: q.article, text: q.text }))));
      expect(result.events.map((e) => e.key ?? false)).toEqual(dataset.events.map((e) => e.key ?? false));
    });
  }
});

describe('importCsv, TimelineJS template', () => {
  test('converts rows: id from the headline, dates from the parts, summary without HTML, category from the group', () => {
    const result = importCsv(sheet([
      { Year: '2022', Month: '3', Day: '3', Headline: 'Second round of talks, in Belarus', Text: '<p>The delegations met &amp; talked.<br>Again.</p>', Group: 'Diplomacy' },
      { Year: '2022', Month: '02', Day: '28', 'End Year': '2022', 'End Month': '3', 'End Day': '1', Headline: 'Shelling of Kharkiv', Text: 'x', Group: 'Shelling' },
    ]));
    expect(result.rejected).toEqual([]);
    expect(result.events).toEqual([
      expect.objectContaining({ from: 'row 2', id: 'second-round-of-talks-in-belarus', date: '2022-03-03', title: 'Second round of talks, in Belarus', summary: 'The delegations met & talked. Again.', category: 'diplomacy', quotes: [] }),
      expect.objectContaining({ from: 'row 3', id: 'shelling-of-kharkiv', date: '2022-02-28', end: '2022-03-01', group: 'Shelling' }),
    ]);
    expect(result.events[1]).not.toHaveProperty('category');
  });

  test('a group becomes the category of the edition it names, by id or label; the draft lists the edition’s ids', () => {
    const bridge = [{ id: 'works', label: 'Works' }, { id: 'city-council', label: 'Council' }];
    const result = importCsv(sheet([
      { Year: '2024', Month: '5', Day: '1', Headline: 'Cracks found', Text: 'x', Group: 'works' },
      { Year: '2024', Month: '5', Day: '2', Headline: 'Emergency session', Text: 'x', Group: 'council' },
      { Year: '2024', Month: '5', Day: '3', Headline: 'Talks', Text: 'x', Group: 'Diplomacy' },
    ]), bridge);
    expect(result.events.map((e) => e.category ?? `(group ${e.group})`)).toEqual(['works', 'city-council', '(group Diplomacy)']);
    expect(draftYaml(result, 'bridge.csv', bridge.map((c) => c.id))).toContain('the group "Diplomacy" is no category: choose one of works, city-council');
  });

  test('reports every bad row with its row number and why, and converts the rest', () => {
    const result = importCsv(sheet([
      { Type: 'title', Headline: 'My timeline', Text: 'About it' },           // row 2
      { Year: '2022', Month: '3', Day: '3', Headline: 'Fine' },               // row 3
      { Year: '2022', Month: '2', Day: '30', Headline: 'No such day' },       // row 4
      { Year: '2022', Month: '3', Headline: 'Month only' },                   // row 5
      { Year: '2022', Month: '3', Day: '4' },                                 // row 6
      { Headline: 'No date at all' },                                         // row 7
      { Year: '2022', Month: '3', Day: '5', 'End Year': '2022', 'End Month': '3', 'End Day': '1', Headline: 'Ends first' }, // row 8
      { Year: 'MMXXII', Month: '3', Day: '5', Headline: 'Roman' },            // row 9
      { Year: '2022', Month: '3', Day: '6', Type: 'era', Headline: 'An era' }, // row 10
    ]));
    expect(result.events.map((e) => [e.from, e.title])).toEqual([['row 3', 'Fine']]);
    expect(result.rejected).toEqual([
      { from: 'row 2', reason: 'a title slide, not an event' },
      { from: 'row 4', reason: 'bad start date: 2022-02-30 is not a real calendar day' },
      { from: 'row 5', reason: 'bad start date: no day (the timeline places each event on a day)' },
      { from: 'row 6', reason: 'missing headline' },
      { from: 'row 7', reason: 'missing date (no year, month or day)' },
      { from: 'row 8', reason: 'bad end date: 2022-03-01 is before the start 2022-03-05' },
      { from: 'row 9', reason: 'bad start date: expected numbers, got year "MMXXII", month "3", day "5"' },
      { from: 'row 10', reason: 'an era (a span drawn behind the events), not an event' },
    ]);
  });

  test('counts rows as a spreadsheet does, a line break inside a quoted cell included', () => {
    const result = importCsv(sheet([
      { Year: '2022', Month: '3', Day: '3', Headline: 'Two\nlines', Text: 'a\n\nb' },
      { Year: '2022', Month: '3', Day: '32', Headline: 'Bad' },
    ]));
    expect(result.rejected).toEqual([{ from: 'row 3', reason: 'bad start date: 2022-03-32 is not a real calendar day' }]);
  });

  test('refuses a file whose header is neither layout, naming what it found', () => {
    expect(importCsv('when,what\n2022-03-03,talks\n').rejected).toEqual([
      { from: 'file', reason: expect.stringMatching(/^row 1: expected the header of TimelineJS's template \(Year, Month, .*got when, what$/) },
    ]);
  });

  test('makes ids unique', () => {
    const result = importCsv(sheet([
      { Year: '2022', Month: '3', Day: '3', Headline: 'Talks' },
      { Year: '2022', Month: '3', Day: '4', Headline: 'Talks' },
    ]));
    expect(result.events.map((e) => e.id)).toEqual(['talks', 'talks-2']);
  });
});

describe('helpers', () => {
  test('slugify drops accents and punctuation', () => {
    expect(slugify('Zelensky’s “No-fly” zone — Kyïv, 3 March!')).toBe('zelensky-s-no-fly-zone-kyiv-3-march');
  });
  test('htmlToText decodes entities and drops tags', () => {
    expect(htmlToText('<p>A &lt;b&gt; &#8220;c&#x201D; &amp;amp;</p><p>d</p>')).toBe('A <b> “c” &amp; d');
  });
});
