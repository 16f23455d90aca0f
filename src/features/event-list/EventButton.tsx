import type { CSSProperties } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { CATEGORY_STYLE } from '../../lib/categories.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { Highlight } from './Highlight.tsx';
import styles from './EventList.module.css';

type Props = {
  event: TimelineEvent;
  selected: boolean;
  query: string;
  onSelect: (id: string) => void;
  /** Say the date in the accessible name (where no day heading is read before the button). */
  withDate?: boolean;
  className?: string;
  style?: CSSProperties;
};

/** One event in the list: its category symbol and title (search matches marked), a real button. */
export function EventButton({ event, selected, query, onSelect, withDate = false, className = '', style }: Props) {
  const cat = CATEGORY_STYLE[event.category];
  return (
    <button
      type="button"
      className={`${styles.event} ${className}`}
      style={style}
      data-event-id={event.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(event.id)}
    >
      <span className={styles.symbol} style={{ color: cat.color }} aria-hidden="true">{cat.symbol}</span>
      <span className={styles.title}><Highlight text={event.title} query={query} /></span>
      <span className="visually-hidden">, {cat.label}{withDate && `, ${formatLongDay(event.date)}`}</span>
    </button>
  );
}
