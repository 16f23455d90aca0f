import { useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { DayGroup } from '../../data/indexDataset.ts';
import type { TimelineEvent } from '../../data/schema.ts';
import type { CalendarDay } from '../../lib/time/calendarDay.ts';
import { DayHeading } from './DayHeading.tsx';
import { EventButton } from './EventButton.tsx';
import styles from './EventList.module.css';

const DAY_ROW = 44;
const EVENT_ROW = 44;
const OVERSCAN = 8;

type Row = { kind: 'day'; day: CalendarDay } | { kind: 'event'; event: TimelineEvent };
type Props = {
  groups: readonly DayGroup[];
  selectedId: string | null;
  /** The event whose button is the list's one tab stop. */
  tabStop: string | null;
  query: string;
  onSelect: (id: string) => void;
  dayLink: (day: CalendarDay) => string;
};

/**
 * The event list for large datasets: only the rows in view are in the DOM
 * (fixed row heights, one line per title). The real edition stays below the
 * threshold and keeps every event in the DOM, for find-in-page and assistive technology.
 * The tab stop's row and the focused row stay in the DOM wherever the list is scrolled, so that
 * Tab always finds the list and focus is never dropped when its row scrolls out of view.
 */
export function VirtualEventList({ groups, selectedId, tabStop, query, onSelect, dayLink }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const [focused, setFocused] = useState<string | null>(null);
  const { rows, offsets, total, rowOf } = useMemo(() => {
    const rows: Row[] = [];
    for (const g of groups) {
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
  }, [groups]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    return () => el.removeEventListener('scroll', update);
  }, []);

  // Scroll the selected row into view; when focus is in the list, it follows the selection.
  useLayoutEffect(() => {
    const el = ref.current;
    const row = selectedId ? rowOf.get(selectedId) : undefined;
    if (!el || row === undefined || !selectedId) return;
    const top = offsets[row]!;
    if (top < el.scrollTop) el.scrollTop = Math.max(0, top - DAY_ROW);
    else if (top + EVENT_ROW > el.scrollTop + el.clientHeight) el.scrollTop = top + EVENT_ROW - el.clientHeight;
    const button = el.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedId)}"]`);
    if (button && el.contains(document.activeElement) && document.activeElement !== button) button.focus({ preventScroll: true });
  }, [selectedId, rowOf, offsets]);

  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid + 1]! <= scroll.top) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.max(0, lo - OVERSCAN);
  let last = lo;
  while (last < rows.length && offsets[last]! < scroll.top + scroll.height) last++;
  last = Math.min(rows.length, last + OVERSCAN);
  const shown = new Set<number>();
  for (let i = first; i < last; i++) shown.add(i);
  for (const id of [tabStop, focused]) {
    const row = id === null ? undefined : rowOf.get(id);
    if (row !== undefined) shown.add(row);
  }

  const onFocus = (e: FocusEvent<HTMLDivElement>) => setFocused(e.target.getAttribute('data-event-id'));
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // Focus moved on to another element outside. (Without a related target, the window lost focus:
    // keep the row, or focus would have nowhere to come back to.)
    if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) setFocused(null);
  };

  return (
    <div ref={ref} className={styles.virtual} onFocus={onFocus} onBlur={onBlur}>
      <div style={{ height: total, position: 'relative' }}>
        {[...shown].sort((a, b) => a - b).map((i) => {
          const row = rows[i]!;
          const top = offsets[i]!;
          if (row.kind === 'day') {
            return (
              <DayHeading
                key={`d${row.day}`}
                day={row.day}
                link={dayLink(row.day)}
                className={styles.row}
                style={{ transform: `translateY(${top}px)`, height: DAY_ROW }}
              />
            );
          }
          return (
            <EventButton
              key={row.event.id}
              event={row.event}
              selected={row.event.id === selectedId}
              tabIndex={row.event.id === tabStop ? 0 : -1}
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
