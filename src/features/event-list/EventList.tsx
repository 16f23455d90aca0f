import { memo, useEffect, useRef } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { groupByDay } from '../../data/indexDataset.ts';
import { CATEGORY_STYLE } from '../../lib/categories.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import styles from './EventList.module.css';

type Props = { events: readonly TimelineEvent[]; selectedId: string | null; onSelect: (id: string) => void };

/** Every event in date order, grouped under day headings; each a real button. */
export const EventList = memo(function EventList({ events, selectedId, onSelect }: Props) {
  const ref = useRef<HTMLElement>(null);
  // Keep the selected event in view in the list, wherever it was selected.
  useEffect(() => {
    if (!selectedId) return;
    ref.current?.querySelector(`[data-event-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);
  return (
    <nav className={styles.list} aria-label="Events by day" ref={ref}>
      {groupByDay(events).map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`}>
          <h2 className={styles.day} id={`day-${group.day}`}>
            <time dateTime={group.day}>{formatLongDay(group.day)}</time>
          </h2>
          <ul className={styles.events}>
            {group.events.map((event) => {
              const cat = CATEGORY_STYLE[event.category];
              return (
                <li key={event.id}>
                  <button
                    type="button"
                    className={styles.event}
                    data-event-id={event.id}
                    aria-current={event.id === selectedId ? 'true' : undefined}
                    onClick={() => onSelect(event.id)}
                  >
                    <span className={styles.symbol} style={{ color: cat.color }} aria-hidden="true">{cat.symbol}</span>
                    <span className={styles.title}>{event.title}</span>
                    <span className="visually-hidden">, {cat.label}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
});
