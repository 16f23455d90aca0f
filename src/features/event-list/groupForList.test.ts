import { describe, expect, test } from 'vitest';
import type { TimelineEvent } from '../../data/schema.ts';
import { groupForList } from './groupForList.ts';

const event = (id: string, date: string, key = false) => ({ id, date, ...(key && { key: true }) }) as unknown as TimelineEvent;
const ids = (events: readonly TimelineEvent[]) => groupForList(events).map((g) => `${g.day}: ${g.events.map((e) => e.id).join(' ')}`);

describe('groupForList', () => {
  test('groups events under their day and keeps the given order within a day', () => {
    expect(ids([event('b', '2022-03-01'), event('a', '2022-03-01'), event('c', '2022-03-02')])).toEqual(['2022-03-01: b a', '2022-03-02: c']);
  });

  test('puts the key events of a day first, each kind in its given order', () => {
    expect(ids([event('a', '2022-03-03'), event('k1', '2022-03-03', true), event('b', '2022-03-03'), event('k2', '2022-03-03', true)]))
      .toEqual(['2022-03-03: k1 k2 a b']);
  });

  test('a key event never leaves its day', () => {
    expect(ids([event('a', '2022-03-01'), event('k', '2022-03-02', true)])).toEqual(['2022-03-01: a', '2022-03-02: k']);
  });
});
