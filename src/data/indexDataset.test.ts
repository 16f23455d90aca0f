import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../tests/fixtures/datasets.ts';
import type { TimelineEvent } from './schema.ts';
import { indexDataset, leadWithKeyEvents } from './indexDataset.ts';

function day(specs: Array<{ id: string; key?: boolean; after?: string[] }>): TimelineEvent[] {
  const dataset = buildDataset(specs.map((s) => ({ id: s.id, date: '2022-03-03' })));
  return dataset.events.map((e, i) => ({
    ...e,
    ...(specs[i]!.key && { key: true }),
    ...(specs[i]!.after && { after: specs[i]!.after!.map((id) => ({ event: id, phrase: 'before', article: 'a', paragraph: 0, start: 0, end: 6 })) }),
  }));
}
const ids = (events: readonly TimelineEvent[]) => events.map((e) => e.id);

describe('the order within a day', () => {
  test('keeps the order the dataset gives (the sources’ order), not the order of ids', () => {
    const dataset = buildDataset([{ id: 'z-first', date: '2022-03-03' }, { id: 'a-second', date: '2022-03-03' }, { id: 'm-day-before', date: '2022-03-02' }]);
    expect(ids(indexDataset(dataset).events)).toEqual(['m-day-before', 'z-first', 'a-second']);
  });

  test('a key event leads its day when the sources say nothing against it', () => {
    expect(ids(leadWithKeyEvents(day([{ id: 'a' }, { id: 'b' }, { id: 'talks', key: true }])))).toEqual(['talks', 'a', 'b']);
  });

  test('a key event stays after the events the sources put before it, even through another event', () => {
    const events = day([{ id: 'tweet' }, { id: 'briefing', after: ['tweet'] }, { id: 'other' }, { id: 'talks', key: true, after: ['briefing'] }, { id: 'corridor', after: ['talks'] }]);
    expect(ids(leadWithKeyEvents(events))).toEqual(['tweet', 'briefing', 'talks', 'other', 'corridor']);
  });
});
