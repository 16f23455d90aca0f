import { describe, expect, test } from 'vitest';
import { buildDataset, fortnight, FIXTURE_ARTICLE_ID } from '../../../tests/fixtures/datasets.ts';
import { SECOND_ARTICLE_ID, sameDayListedOutOfOrder, twoSources } from '../../../tests/fixtures/urlFixture.ts';
import { indexDataset } from '../../data/indexDataset.ts';
import { datasetSchema, type Dataset } from '../../data/schema.ts';
import type { CalendarDay } from '../time/calendarDay.ts';
import { resolveUrlState } from './resolveUrlState.ts';
import { EMPTY_STATE, parseUrlState, type UrlState } from './urlState.ts';
import { inEveryZone } from '../../../tests/inEveryZone.ts';

const day = (s: string) => s as CalendarDay;
const state = (patch: Partial<UrlState>): UrlState => ({ ...EMPTY_STATE, ...patch });
/** Indexes a fixture after checking it against the dataset contract. */
const index = (dataset: Dataset) => indexDataset(datasetSchema.parse(dataset));

inEveryZone(() => {
  describe('resolveUrlState', () => {
    test('keeps a state the dataset can honour as it is, without notices', () => {
      const asked = state({
        event: 'b-first-talks', source: SECOND_ARTICLE_ID, quote: 2,
        from: day('2022-02-28'), to: day('2022-03-03'), q: 'talks', cat: ['diplomacy'], embed: true,
      });
      expect(resolveUrlState(asked, index(twoSources()))).toEqual({ state: asked, notices: [] });
    });

    test('does not change the state it is given', () => {
      const asked = state({ event: 'gone', date: null, source: 'gone-too', quote: 1 });
      const copy = structuredClone(asked);
      resolveUrlState(asked, index(fortnight()));
      expect(asked).toEqual(copy);
    });

    test('drops an unknown event id with a notice naming it', () => {
      const { state: resolved, notices } = resolveUrlState(state({ event: 'renamed-event', q: 'talks' }), index(fortnight()));
      expect(resolved).toEqual(state({ q: 'talks' }));
      expect(notices).toEqual([{ param: 'event', message: expect.stringMatching(/no event “renamed-event”/) }]);
    });

    test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats %j as an event that does not exist', (id) => {
      const { state: resolved, notices } = resolveUrlState(state({ event: id, source: id }), index(fortnight()));
      expect(resolved.event).toBeNull();
      expect(resolved.source).toBeNull();
      expect(notices.map((n) => n.param)).toEqual(['event', 'source']);
      expect(notices[0]!.message).toContain(`no event “${id}”`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    test('takes ?constructor as an event id from the link to "no such event"', () => {
      const parsed = parseUrlState('?event=constructor&q=kyiv');
      const { state: resolved, notices } = resolveUrlState(parsed.state, index(fortnight()));
      expect(resolved).toEqual(state({ q: 'kyiv' }));
      expect(notices.map((n) => n.param)).toEqual(['event']);
    });

    test('keeps a day that has events as a date link, without a notice', () => {
      const { state: resolved, notices } = resolveUrlState(state({ date: day('2022-03-03') }), index(sameDayListedOutOfOrder()));
      expect(resolved).toEqual(state({ date: day('2022-03-03') }));
      expect(notices).toEqual([]);
    });

    test('names the nearest day with events for a day without events, naming both days', () => {
      const { state: resolved, notices } = resolveUrlState(state({ date: day('2022-03-05') }), index(sameDayListedOutOfOrder()));
      expect(resolved).toEqual(state({ date: day('2022-03-03') }));
      expect(notices).toEqual([{ param: 'date', message: 'No events on 5 Mar 2022 — showing 3 Mar 2022.' }]);
    });

    test('resolves ?date= from a link end to end, keeping the rest of the link', () => {
      const parsed = parseUrlState('?date=2022-03-07&q=evacuation');
      const { state: resolved, notices } = resolveUrlState(parsed.state, index(sameDayListedOutOfOrder()));
      expect(resolved).toEqual(state({ date: day('2022-03-09'), q: 'evacuation' }));
      expect(notices.map((n) => n.message)).toEqual(['No events on 7 Mar 2022 — showing 9 Mar 2022.']);
    });

    test.each([
      ['before all the data', '2021-12-31', '2022-02-24', 'No events on 31 Dec 2021 — showing 24 Feb 2022.'],
      ['after all the data', '2023-01-01', '2022-03-10', 'No events on 1 Jan 2023 — showing 10 Mar 2022.'],
    ])('names the nearest day with events for a day %s', (_, asked, shown, message) => {
      const { state: resolved, notices } = resolveUrlState(state({ date: day(asked) }), index(fortnight()));
      expect(resolved).toEqual(state({ date: day(shown) }));
      expect(notices).toEqual([{ param: 'date', message }]);
    });

    test('drops an unknown source and its quote with a notice, keeping the event', () => {
      const { state: resolved, notices } = resolveUrlState(state({ event: 'b-first-talks', source: 'old-article', quote: 1 }), index(twoSources()));
      expect(resolved).toEqual(state({ event: 'b-first-talks' }));
      expect(notices).toEqual([{ param: 'source', message: expect.stringMatching(/no source “old-article”/) }]);
    });

    test('drops a quote number beyond the event’s quotes with a notice, keeping the source', () => {
      const { state: resolved, notices } = resolveUrlState(state({ event: 'b-first-talks', source: FIXTURE_ARTICLE_ID, quote: 3 }), index(twoSources()));
      expect(resolved).toEqual(state({ event: 'b-first-talks', source: FIXTURE_ARTICLE_ID }));
      expect(notices).toEqual([{ param: 'quote', message: '“First talks at the border” has 2 quotes, not 3; opened the source without marking one.' }]);
    });

    test('drops a quote when no event is selected, keeping the source', () => {
      const { state: resolved, notices } = resolveUrlState(state({ event: 'gone', source: FIXTURE_ARTICLE_ID, quote: 1 }), index(twoSources()));
      expect(resolved).toEqual(state({ source: FIXTURE_ARTICLE_ID }));
      expect(notices.map((n) => n.param)).toEqual(['event', 'quote']);
    });

    test('opens the article a quote comes from when the link names another', () => {
      const { state: resolved, notices } = resolveUrlState(state({ event: 'b-first-talks', source: FIXTURE_ARTICLE_ID, quote: 2 }), index(twoSources()));
      expect(resolved).toEqual(state({ event: 'b-first-talks', source: SECOND_ARTICLE_ID, quote: 2 }));
      expect(notices).toEqual([]);
    });

    test('a date link keeps its day and its source, and drops a quote that needs an event', () => {
      const { state: resolved, notices } = resolveUrlState(state({ date: day('2022-02-28'), source: FIXTURE_ARTICLE_ID, quote: 2 }), index(twoSources()));
      expect(resolved).toEqual(state({ date: day('2022-02-28'), source: FIXTURE_ARTICLE_ID }));
      expect(notices.map((n) => n.param)).toEqual(['quote']);
    });

    test.each([
      ['before', '2021-01-01', '2021-02-01'],
      ['after', '2022-03-11', '2022-04-30'],
    ])('drops a window wholly %s the data with a notice, keeping the rest', (_, from, to) => {
      const { state: resolved, notices } = resolveUrlState(state({ event: 'd-sanctions', from: day(from), to: day(to), q: 'sanctions' }), index(fortnight()));
      expect(resolved).toEqual(state({ event: 'd-sanctions', q: 'sanctions' }));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ param: 'from', message: expect.stringMatching(/outside this timeline’s dates/) });
    });

    test('keeps a window that overlaps the data only in part', () => {
      const asked = state({ from: day('2022-01-01'), to: day('2022-02-24') });
      expect(resolveUrlState(asked, index(fortnight()))).toEqual({ state: asked, notices: [] });
    });

    test('keeps a window that ends within a multi-day event that ends the data', () => {
      const dataset = buildDataset([
        { id: 'talks', date: '2022-02-28', category: 'diplomacy' },
        { id: 'siege', date: '2022-03-02', end: '2022-03-20', category: 'military' },
      ]);
      const asked = state({ from: day('2022-03-15'), to: day('2022-03-18') });
      expect(resolveUrlState(asked, index(dataset))).toEqual({ state: asked, notices: [] });
    });
  });

  describe('a link and its own filters', () => {
    test('an event hidden by the link’s own search or filters is shown, the filters cleared with a notice', () => {
      const dataset = fortnight();
      const event = dataset.events.find((e) => e.category !== 'military')!;
      const { state: resolved, notices } = resolveUrlState({ ...EMPTY_STATE, event: event.id, q: 'zzzz-nothing', cat: ['military'] }, indexDataset(dataset));
      expect(resolved).toMatchObject({ event: event.id, q: '', cat: null, dated: false });
      expect(notices).toEqual([{ param: 'event', message: expect.stringContaining(`hid “${event.title}”`) }]);
    });

    test('an event its link’s filters keep is left as it is, without a notice', () => {
      const dataset = fortnight();
      const event = dataset.events[0]!;
      const asked = { ...EMPTY_STATE, event: event.id, cat: [event.category] };
      expect(resolveUrlState(asked, indexDataset(dataset))).toEqual({ state: asked, notices: [] });
    });
  });
});
