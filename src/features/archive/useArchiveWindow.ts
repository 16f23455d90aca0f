import { useEffect } from 'react';
import type { ArchiveView } from '../../data/archiveStore.ts';
import { utcToDay, type CalendarDay } from '../../lib/time/calendarDay.ts';
import { DAY_MS, type Window } from '../../lib/time/view.ts';
import type { TimelineView } from '../timeline/useTimelineView.ts';

/** How often a moving view asks the archive for its chunks: often enough to load ahead of a pan. */
const ASK_EVERY_MS = 150;

/** The days a window shows, first to last. */
function daysOf(w: Window): [CalendarDay, CalendarDay] {
  return [utcToDay(w[0]), utcToDay(Math.max(w[0], w[1] - DAY_MS / 2))];
}

/**
 * Keeps an archive's loaded chunks in step with what the reader looks at: the window as it moves
 * (the store loads a window's chunks and their neighbours), a link's day, and a link's event,
 * found through the search index once the window's own chunks are in and do not hold it.
 */
export function useArchiveWindow(archive: ArchiveView | undefined, timeline: TimelineView, event: string | null, date: CalendarDay | null): void {
  const store = archive?.store;
  const { live, getView, committed } = timeline;
  useEffect(() => {
    if (!store) return;
    const ask = (moving: boolean) => store.ensure(...daysOf(getView()), moving);
    ask(false);
    let last = performance.now();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = live.subscribe(() => {
      const wait = ASK_EVERY_MS - (performance.now() - last);
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        last = performance.now();
        ask(true);
      }, Math.max(0, wait));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, live, getView, committed]);

  useEffect(() => {
    if (store && date) store.ensureChunk(store.chunkOf(date));
  }, [store, date]);

  const settled = archive ? archive.snapshot.pending.size === 0 : false;
  const found = archive && event ? archive.snapshot.index.byId.has(event) : true;
  useEffect(() => {
    if (store && event && !found && settled) store.locate(event);
  }, [store, event, found, settled]);
}
