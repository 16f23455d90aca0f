import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildDataset, type EventSpec } from '../../../tests/fixtures/datasets.ts';
import { datasetSchema, type TimelineEvent } from '../../data/schema.ts';
import { eventMatches, filterEvents, findMatches, foldQuery } from './filterEvents.ts';

/** Events built by the shared fixture helper; every quote reads "Officials described the day’s events to reporters in the capital." */
function events(...specs: EventSpec[]): TimelineEvent[] {
  return datasetSchema.parse(buildDataset(specs)).events;
}
const [guterres, kyiv, lviv] = events(
  { id: 'guterres', date: '2022-03-08', category: 'diplomacy', title: 'António Guterres calls for talks' },
  { id: 'kyiv', date: '2022-03-09', category: 'military', title: 'Shelling near Kyiv' },
  { id: 'lviv', date: '2022-03-10', category: 'humanitarian', title: 'Aid convoy leaves Lviv' },
) as [TimelineEvent, TimelineEvent, TimelineEvent];
const all = [guterres, kyiv, lviv];
const slices = (text: string, query: string) => findMatches(text, query).map(([start, end]) => text.slice(start, end));

describe('foldQuery', () => {
  test('lower-cases, drops accents and collapses white space', () => {
    expect(foldQuery('  António\u00A0 GUTERRES\n')).toBe('antonio guterres');
  });
});

describe('findMatches', () => {
  test.each([
    ['António Guterres', 'antonio', ['António']],
    ['Shelling near Kyiv', 'KYIV', ['Kyiv']],
    ['Shelling near Kyiv', 'kyïv', ['Kyiv']],
    ['Київ і Харків', 'КИЇВ', ['Київ']],
    ['Kyiv, then Kyiv again, then KYIV', 'kyiv', ['Kyiv', 'Kyiv', 'KYIV']],
  ])('in %j, %j matches %j', (text, query, expected) => {
    expect(slices(text, query)).toEqual(expected);
  });

  test('gives UTF-16 offsets into the original text, past astral characters and decomposed accents', () => {
    const text = '😀 Jose\u0301 Mari\u0301a met Antón';
    expect(findMatches(text, 'maria')).toEqual([[9, 15]]);
    expect(text.slice(9, 15)).toBe('Mari\u0301a');
    expect(slices(text, 'anton')).toEqual(['Antón']);
  });

  test('finds matches that do not overlap, left to right', () => {
    expect(findMatches('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
  });

  test('matches a query whose spaces differ from the text’s single spaces and non-breaking space', () => {
    expect(slices('Talks in\u00A0Antalya end', '  IN   antalya ')).toEqual(['in\u00A0Antalya']);
  });

  test.each([['Shelling near Kyiv', 'kharkiv'], ['Shelling near Kyiv', '']])('in %j, %j matches nothing', (text, query) => {
    expect(findMatches(text, query)).toEqual([]);
  });

  test('every range folds to the query, in order and without overlaps', () => {
    const letters = fc.constantFrom('a', 'A', 'á', 'Á', 'à', 'e', 'é', 'E\u0301', 'n', 'ñ', 'Ñ', 'o', 'ó', 'i', 'ï', 'К', 'и', 'ї', '😀', ' ', '\u00A0', ',');
    // Runs of white space are left out: the query collapses them and the text does not
    // (reported separately; the shipped dataset has none).
    const textArb = fc.array(letters, { minLength: 1, maxLength: 40 }).map((cs) => cs.join('')).filter((t) => !/\s\s/.test(t));
    const caseArb = textArb.chain((text) => {
      const chars = [...text];
      return fc.tuple(fc.nat(chars.length - 1), fc.integer({ min: 1, max: 6 })).map(([at, n]) => ({ text, query: chars.slice(at, at + n).join('') }));
    });
    fc.assert(fc.property(caseArb, ({ text, query }) => {
      const ranges = findMatches(text, query);
      // Highlighting agrees with filtering: a text is found exactly when it has a range.
      expect(ranges.length > 0).toBe(foldQuery(query) !== '' && foldQuery(text).includes(foldQuery(query)));
      let previousEnd = 0;
      for (const [start, end] of ranges) {
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(end).toBeGreaterThan(start);
        expect(foldQuery(text.slice(start, end))).toBe(foldQuery(query));
        previousEnd = end;
      }
    }), { seed: 20220309, numRuns: 300 });
  });
});

describe('eventMatches', () => {
  test('searches the title, the summary and the quotes', () => {
    expect(eventMatches(kyiv, 'shelling')).toBe(true);
    expect(eventMatches({ ...kyiv, summary: 'Residents shelter in the metro.' }, 'METRO')).toBe(true);
    expect(eventMatches(kyiv, 'reporters in the capital')).toBe(true);
    expect(eventMatches(kyiv, 'antalya')).toBe(false);
  });

  test('ignores case and accents both ways', () => {
    expect(eventMatches(guterres, 'ANTONIO')).toBe(true);
    expect(eventMatches(kyiv, 'kýiv')).toBe(true);
  });

  test('matches every event when the query is blank', () => {
    expect(all.every((e) => eventMatches(e, '  '))).toBe(true);
  });
});

describe('filterEvents', () => {
  test('returns the events themselves when there is neither a query nor a category filter', () => {
    expect(filterEvents(all, '', null)).toBe(all);
    expect(filterEvents(all, '   ', null)).toBe(all);
  });

  test('keeps the events that match the query, in their order', () => {
    expect(filterEvents(all, 'ANTONIO', null)).toEqual([guterres]);
    expect(filterEvents(all, 'l', null)).toEqual([guterres, kyiv, lviv]);
    expect(filterEvents(all, 'odesa', null)).toEqual([]);
  });

  test('keeps the events of the categories shown', () => {
    expect(filterEvents(all, '', ['military', 'humanitarian'])).toEqual([kyiv, lviv]);
    expect(filterEvents(all, '', [])).toEqual([]);
  });

  test('applies the query and the categories together', () => {
    expect(filterEvents(all, 'aid', ['diplomacy', 'humanitarian'])).toEqual([lviv]);
    expect(filterEvents(all, 'kyiv', ['diplomacy'])).toEqual([]);
  });

  test('finds an event by its quotes', () => {
    expect(filterEvents(all, 'REPORTERS', ['military'])).toEqual([kyiv]);
  });

  test('does not change the list it is given', () => {
    const list = [...all];
    filterEvents(list, 'kyiv', ['military']);
    expect(list).toEqual(all);
  });
});
