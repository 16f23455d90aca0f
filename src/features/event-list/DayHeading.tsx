import type { CSSProperties } from 'react';
import { formatLongDay, type CalendarDay } from '../../lib/time/calendarDay.ts';
import { CopyLinkButton } from '../share/CopyLinkButton.tsx';
import styles from './EventList.module.css';

/**
 * A day's heading and its "Copy link to this day". The button is out of the Tab order, so that
 * the list stays one tab stop: the details offer the same link to the keyboard.
 */
export function DayHeading({ day, link, className = '', style }: { day: CalendarDay; link: string; className?: string; style?: CSSProperties }) {
  return (
    <div className={`${styles.dayHead} ${className}`} style={style}>
      <h2 className={styles.day} id={`day-${day}`}>
        <time dateTime={day}>{formatLongDay(day)}</time>
      </h2>
      <CopyLinkButton url={link} title={formatLongDay(day)} subject="to this day" compact describedBy={`day-${day}`} tabIndex={-1} />
    </div>
  );
}
