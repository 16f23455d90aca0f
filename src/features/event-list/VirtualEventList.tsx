import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { groupByDay } from '../../data/indexDataset.ts';
import { formatLongDay, type CalendarDay } from '../../lib/time/calendarDay.ts';
import { EventButton } from './EventButton.tsx';
import styles from './EventList.module.css';

const DAY_ROW = 36;
const EVENT_ROW = 44;
const OVERSCAN = 8;

type Row = { kind: 'day'; day: CalendarDay } | { kind: 'event'; event: TimelineEvent };
type Props = { events: readonly TimelineEvent[]; selectedId: string | null; query: string; onSelect: (id: string) => void };

/**
 * The event list for large datasets: only the rows in view are in the DOM
 * (fixed row heights, one line per title). The real edition stays below the
 * threshold and keeps every event in the DOM, for find-in-page and assistive technology.
 */
export function VirtualEventList({ events, selectedId, query, onSelect }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const { rows, offsets, total, rowOf } = useMemo(() => {
    const rows: Row[] = [];
    for (const g of groupByDay(events)) {
      rows.push({ kind: 'day', day: g.day });
      for (const event of g.events) rows.push({ kind: 'event', event });
    }
    const offsets = new Float64Array(rows.length + 1);
    const rowOf = new Map<string, number>();
    rows.forEach((r, i) => {
      offsets[i + 1] = offsets[i]! + (r.kind === 'day' ? DAY_ROW : EVENT_ROW);
      if (r.kind === 'event') rowOf.set(r.event.id, i);
    });
    return { rows, offsets, total: offsets[rows.length]!, rowOf };
  }, [events]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    return () => el.removeEventListener('scroll', update);
  }, []);

  // Scroll the selected row into view.
  useLayoutEffect(() => {
    const el = ref.current;
    const row = selectedId ? rowOf.get(selectedId) : undefined;
    if (!el || row === undefined) return;
    const top = offsets[row]!;
    if (top < el.scrollTop) el.scrollTop = Math.max(0, top - DAY_ROW);
    else if (top + EVENT_ROW > el.scrollTop + el.clientHeight) el.scrollTop = top + EVENT_ROW - el.clientHeight;
  }, [selectedId, rowOf, offsets]);

  let first = 0;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid + 1]! <= scroll.top) lo = mid + 1;
    else hi = mid;
  }
  first = Math.max(0, lo - OVERSCAN);
  let last = lo;
  while (last < rows.length && offsets[last]! < scroll.top + scroll.height) last++;
  last = Math.min(rows.length, last + OVERSCAN);

  return (
    <div ref={ref} className={styles.virtual}>
      <div style={{ height: total, position: 'relative' }}>
        {rows.slice(first, last).map((row, k) => {
          const i = first + k;
          const top = offsets[i]!;
          if (row.kind === 'day') {
            return (
              <h2 key={`d${row.day}`} className={`${styles.day} ${styles.row}`} style={{ transform: `translateY(${top}px)`, height: DAY_ROW }}>
                <time dateTime={row.day}>{formatLongDay(row.day)}</time>
              </h2>
            );
          }
          return (
            <EventButton
              key={row.event.id}
              event={row.event}
              selected={row.event.id === selectedId}
              query={query}
              onSelect={onSelect}
              withDate
              className={`${styles.row} ${styles.oneLine}`}
              style={{ transform: `translateY(${top}px)`, height: EVENT_ROW }}
            />
          );
        })}
      </div>
    </div>
  );
}
