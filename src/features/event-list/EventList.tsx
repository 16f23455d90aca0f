import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { groupByDay } from '../../data/indexDataset.ts';
import type { CalendarDay } from '../../lib/time/calendarDay.ts';
import { DayHeading } from './DayHeading.tsx';
import { EventButton } from './EventButton.tsx';
import { VirtualEventList } from './VirtualEventList.tsx';
import styles from './EventList.module.css';

/** Above this many events the list is virtualised; below it every event stays in the DOM. */
export const VIRTUALIZE_ABOVE = 400;

type Props = {
  events: readonly TimelineEvent[];
  selectedId: string | null;
  query: string;
  onSelect: (id: string) => void;
  /** Selects an event reached with ↑/↓/Home/End (a phone's sheet stays closed); `onSelect` if absent. */
  onMove?: (id: string) => void;
  onReset: () => void;
  /** The absolute link to a day (`?date=YYYY-MM-DD`), for its heading's "Copy link to this day". */
  dayLink: (day: CalendarDay) => string;
};

const MOVES: Record<string, 1 | -1 | 'first' | 'last'> = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };

/**
 * Every event under its day heading, in the given order (the index's: the sources' order, key
 * events leading where the sources allow); each a real button. The
 * list is one tab stop (the selected event, else the first); ↑/↓ and Home/End move the
 * selection inside it, and focus follows.
 */
export const EventList = memo(function EventList({ events, selectedId, query, onSelect, onMove, onReset, dayLink }: Props) {
  const ref = useRef<HTMLElement>(null);
  const groups = useMemo(() => groupByDay(events), [events]);
  const virtual = events.length > VIRTUALIZE_ABOVE;
  const tabStop = selectedId !== null && events.some((e) => e.id === selectedId) ? selectedId : events[0]?.id ?? null;

  // Keep the selected event in view in the list, wherever it was selected. Only the list's own
  // scroll moves (on a wide screen it scrolls on its own); the page never jumps. When keyboard
  // focus is in the list, it follows the selection.
  useEffect(() => {
    const list = ref.current;
    if (virtual) return;
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
  }, [selectedId, virtual, events.length]);

  // ↑/↓ and Home/End inside the list: the next event in the list's order. The default
  // (scrolling the list or the page) is prevented, and the page-wide Home/End stand aside.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const move = MOVES[e.key];
    if (move === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const from = (e.target as HTMLElement).closest('[data-event-id]')?.getAttribute('data-event-id');
    if (!from || events.length === 0) return;
    e.preventDefault();
    const at = events.findIndex((ev) => ev.id === from);
    const next = move === 'first' ? 0 : move === 'last' ? events.length - 1 : Math.min(events.length - 1, Math.max(0, at + move));
    const id = events[next]!.id;
    if (id !== selectedId) (onMove ?? onSelect)(id);
  };

  return (
    <nav className={styles.list} aria-label="Events by day" ref={ref} id="event-list" tabIndex={-1} onKeyDown={onKeyDown}>
      {events.length === 0 && (
        <div className={styles.empty}>
          <p>No events match {query.trim() ? <>“{query.trim()}”</> : 'these filters'}.</p>
          <button type="button" className={styles.resetButton} onClick={onReset}>Reset filters</button>
        </div>
      )}
      {virtual && (
        <VirtualEventList groups={groups} selectedId={selectedId} tabStop={tabStop} query={query} onSelect={onSelect} dayLink={dayLink} />
      )}
      {!virtual && groups.map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`}>
          <DayHeading day={group.day} link={dayLink(group.day)} />
          <ul className={styles.events}>
            {group.events.map((event) => (
              <li key={event.id}>
                <EventButton event={event} selected={event.id === selectedId} tabIndex={event.id === tabStop ? 0 : -1} query={query} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});
