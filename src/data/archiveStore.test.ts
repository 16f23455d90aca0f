import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { ArchiveStore, HELD_BUDGET, WINDOW_BUDGET } from './archiveStore.ts';
import type { ArchiveChunkInfo, ArchiveIndex } from './archiveSchema.ts';
import type { LoadedChunk } from './loadChunk.ts';
import type { TimelineEvent } from './schema.ts';
import { addCalendarDays, type CalendarDay } from '../lib/time/calendarDay.ts';

const D = (s: string) => s as CalendarDay;
const START = D('2021-01-01');

/** An archive of `sizes.length` chunks, chunk n covering 10 days from day 10·n, with sizes[n] events. */
function archive(sizes: number[]): ArchiveIndex {
  const chunks: ArchiveChunkInfo[] = sizes.map((count, n) => ({
    file: `data/chunks/${n}.json`, from: addCalendarDays(START, n * 10), to: addCalendarDays(START, n * 10 + 9),
    reach: addCalendarDays(START, n * 10 + 9), count, bytes: 1, sha256: '0'.repeat(64),
  }));
  return {
    version: 2, title: 'Test archive', first: START, last: chunks[chunks.length - 1]!.to, total: sizes.reduce((a, b) => a + b, 0),
    density: { lanes: ['military', 'diplomacy'], byDay: [], byWeek: [], byMonth: [[START, 1, 1]] },
    key: [], chunks, articles: [{ id: 'a', headline: 'A', published: START, publisher: null, url: null }],
    search: { file: 'data/search.json', bytes: 1 },
  };
}

/** The events a chunk would hold: `count` events on its first day. */
function eventsOf(n: number, info: ArchiveChunkInfo): TimelineEvent[] {
  return Array.from({ length: info.count }, (_, i) => ({ id: `c${n}-e${i}`, date: info.from, title: 't', summary: 's', category: 'military', quotes: [] }) as unknown as TimelineEvent);
}

/** A loader that answers at once (or as `answer` says), recording what was asked. */
function loader(answer: (n: number, info: ArchiveChunkInfo) => LoadedChunk | { ok: false; kind: 'http'; problem: string } = (n, info) => ({ events: eventsOf(n, info), articles: [] })) {
  const asked: number[] = [];
  const fn = vi.fn(async (n: number, info: ArchiveChunkInfo) => {
    asked.push(n);
    return answer(n, info);
  });
  return { fn, asked };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ArchiveStore', () => {
  test('a window of few events loads its chunks and one more each side, ahead of panning', async () => {
    const { fn, asked } = loader();
    const store = new ArchiveStore(archive([2000, 2000, 2000, 2000, 2000, 2000]), fn, null);
    store.ensure(addCalendarDays(START, 25), addCalendarDays(START, 32)); // chunks 2 and 3
    await settle();
    expect(asked.sort()).toEqual([1, 2, 3, 4]);
    const { index, overBudget } = store.getSnapshot();
    expect(overBudget).toBe(false);
    expect(index.events).toHaveLength(8000);
    // The index spans the archive, not the loaded part.
    expect([index.first, index.last]).toEqual([START, addCalendarDays(START, 59)]);
  });

  test('a window of more events than can be drawn loads only where it starts, and says it is over budget', async () => {
    const { fn, asked } = loader();
    const store = new ArchiveStore(archive(Array(10).fill(3000)), fn);
    store.ensure(START, addCalendarDays(START, 99));
    await settle();
    expect(asked).toEqual([0]);
    expect(store.getSnapshot().overBudget).toBe(true);
    expect(3000 * 10).toBeGreaterThan(WINDOW_BUDGET);
  });

  test('panning far lets go of the farthest chunks: never much more than the held budget', async () => {
    const { fn } = loader();
    const store = new ArchiveStore(archive(Array(40).fill(2000)), fn);
    for (let n = 0; n < 40; n += 2) {
      store.ensure(addCalendarDays(START, n * 10), addCalendarDays(START, n * 10 + 5));
      await settle();
      const held = store.getSnapshot().index.events.length;
      expect(held).toBeLessThanOrEqual(HELD_BUDGET + 3 * 2000);
    }
    // The last window's chunks are there.
    expect(store.getSnapshot().loaded.has(38)).toBe(true);
  });

  test('a chunk that fails is named, the rest stay usable, and it can be tried again', async () => {
    let fail = true;
    const { fn } = loader((n, info) => (n === 1 && fail ? { ok: false, kind: 'http', problem: 'The events of … could not be loaded: the server answered 500.' } : { events: eventsOf(n, info), articles: [] }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = new ArchiveStore(archive([100, 100, 100]), fn);
    store.ensure(addCalendarDays(START, 10), addCalendarDays(START, 12));
    await settle();
    let snap = store.getSnapshot();
    expect(snap.failed.get(1)).toMatch(/answered 500/);
    expect([...snap.loaded].sort()).toEqual([0, 2]);
    fail = false;
    store.retry(1);
    await settle();
    snap = store.getSnapshot();
    expect(snap.failed.size).toBe(0);
    expect(snap.loaded.has(1)).toBe(true);
  });

  test('chunkOf finds the chunk of a day, or the first after it', () => {
    const info = archive([1, 1, 1, 1, 1]);
    const store = new ArchiveStore(info, loader().fn);
    fc.assert(fc.property(fc.integer({ min: -20, max: 80 }), (offset) => {
      const day = addCalendarDays(START, offset);
      const expected = info.chunks.findIndex((c) => c.to >= day);
      expect(store.chunkOf(day)).toBe(expected === -1 ? info.chunks.length - 1 : expected);
    }));
  });

  test('an event asked for by id is located and its chunk loaded; an unknown one is missing', async () => {
    const { fn, asked } = loader();
    const locator = vi.fn(async (id: string) => (id === 'c3-e5' ? { chunk: 3 } : null));
    const store = new ArchiveStore(archive([10, 10, 10, 10, 10]), fn, locator);
    store.locate('c3-e5');
    store.locate('nowhere');
    await settle();
    await settle();
    expect(asked).toEqual([3]);
    expect(store.getSnapshot().index.byId.has('c3-e5')).toBe(true);
    expect(store.isMissing('nowhere')).toBe(true);
    expect(store.isMissing('c3-e5')).toBe(false);
  });
});

describe('ArchiveStore while the view moves', () => {
  test('a moving view over too many events loads nothing; once it settles, where it starts', async () => {
    const { fn, asked } = loader();
    const store = new ArchiveStore(archive(Array(10).fill(3000)), fn, null);
    for (let d = 0; d < 50; d += 5) store.ensure(addCalendarDays(START, d), addCalendarDays(START, d + 49), true);
    await settle();
    expect(asked).toEqual([]);
    store.ensure(addCalendarDays(START, 45), addCalendarDays(START, 94));
    await settle();
    expect(asked).toEqual([4]);
  });
});

describe('ArchiveStore over budget', () => {
  test('zooming about a view of too many events loads no further chunk while one of the window is in', async () => {
    const { fn, asked } = loader();
    const store = new ArchiveStore(archive(Array(10).fill(3000)), fn, null);
    store.ensure(START, addCalendarDays(START, 99));
    await settle();
    for (const [a, b] of [[5, 80], [8, 70], [3, 95]] as const) store.ensure(addCalendarDays(START, a), addCalendarDays(START, b));
    await settle();
    expect(asked).toEqual([0]);
    // A window that holds none of the loaded chunks gets its own.
    store.ensure(addCalendarDays(START, 40), addCalendarDays(START, 99));
    await settle();
    expect(asked).toEqual([0, 4]);
  });
});
