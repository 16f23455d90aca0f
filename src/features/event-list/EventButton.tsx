import type { CSSProperties } from 'react';
import type { TimelineEvent } from '../../data/schema.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { certaintyOf, describeCertainty } from '../../lib/evidence/describeCertainty.ts';
import { Highlight } from './Highlight.tsx';
import styles from './EventList.module.css';

type Props = {
  event: TimelineEvent;
  selected: boolean;
  query: string;
  onSelect: (id: string) => void;
  /** 0 for the list's one tab stop, -1 for the others (reached with the arrow keys). */
  tabIndex: 0 | -1;
  /** Say the date in the accessible name (where no day heading is read before the button). */
  withDate?: boolean;
  className?: string;
  style?: CSSProperties;
};

/**
 * One event in the list: its category symbol and title (search matches marked), a real button.
 * A key event is weightier (larger symbol, bold title); an event known only within a range, or
 * only reported, carries a tag, and its accessible name says how its date is known.
 */
export function EventButton({ event, selected, query, onSelect, tabIndex, withDate = false, className = '', style }: Props) {
  const cat = categoryStyle(event.category);
  const certainty = certaintyOf(event);
  const when = certainty !== 'day' || withDate ? `, ${describeCertainty(event)}` : '';
  return (
    <button
      type="button"
      className={`${styles.event} ${event.key ? styles.key : ''} ${className}`}
      style={style}
      data-event-id={event.id}
      data-certainty={certainty}
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabIndex}
      onClick={() => onSelect(event.id)}
    >
      <span className={styles.symbol} style={{ color: cat.color }} aria-hidden="true">
        {/* The outline for an event its sources only report: it is never drawn like a dated one. */}
        {certainty === 'reported' ? cat.hollow : cat.symbol}
      </span>
      <span className={styles.title}><Highlight text={event.title} query={query} /></span>
      {certainty !== 'day' && <span className={`${styles.tag} ${styles[certainty]}`} aria-hidden="true">{certainty}</span>}
      <span className="visually-hidden">{event.key && ', key event'}, {cat.label}{when}</span>
    </button>
  );
}
