import { memo, useEffect, useRef } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { groupByDay } from '../../data/indexDataset.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { EventButton } from './EventButton.tsx';
import { VirtualEventList } from './VirtualEventList.tsx';

/** Above this many events the list is virtualised; below it every event stays in the DOM. */
export const VIRTUALIZE_ABOVE = 400;
import styles from './EventList.module.css';

type Props = {
  events: readonly TimelineEvent[];
  selectedId: string | null;
  query: string;
  onSelect: (id: string) => void;
  onReset: () => void;
};

/** Every event in date order, grouped under day headings; each a real button. */
export const EventList = memo(function EventList({ events, selectedId, query, onSelect, onReset }: Props) {
  const ref = useRef<HTMLElement>(null);
  // Keep the selected event in view in the list, wherever it was selected. Only the list's own
  // scroll moves (on a wide screen it scrolls on its own); the page never jumps. When keyboard
  // focus is in the list, it follows the selection.
  useEffect(() => {
    const list = ref.current;
    if (events.length > VIRTUALIZE_ABOVE) return;
    const item = selectedId ? list?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(selectedId)}"]`) : null;
    if (!list || !item) return;
    if (list.contains(document.activeElement) && document.activeElement !== item) item.focus({ preventScroll: true });
    if (list.scrollHeight <= list.clientHeight) {
      if (document.activeElement === item) item.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop + 40) list.scrollTop = top - 40;
    else if (top + item.offsetHeight > list.scrollTop + list.clientHeight - 8) list.scrollTop = top + item.offsetHeight - list.clientHeight + 8;
  }, [selectedId, events.length]);
  return (
    <nav className={styles.list} aria-label="Events by day" ref={ref} id="event-list" tabIndex={-1}>
      {events.length === 0 && (
        <div className={styles.empty}>
          <p>No events match {query.trim() ? <>“{query.trim()}”</> : 'these filters'}.</p>
          <button type="button" className={styles.resetButton} onClick={onReset}>Reset filters</button>
        </div>
      )}
      {events.length > VIRTUALIZE_ABOVE && <VirtualEventList events={events} selectedId={selectedId} query={query} onSelect={onSelect} />}
      {events.length <= VIRTUALIZE_ABOVE && groupByDay(events).map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`}>
          <h2 className={styles.day} id={`day-${group.day}`}>
            <time dateTime={group.day}>{formatLongDay(group.day)}</time>
          </h2>
          <ul className={styles.events}>
            {group.events.map((event) => (
              <li key={event.id}>
                <EventButton event={event} selected={event.id === selectedId} query={query} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});
