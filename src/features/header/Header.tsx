import type { DatasetIndex } from '../../data/indexDataset.ts';
import { formatDay } from '../../lib/time/calendarDay.ts';
import styles from './Header.module.css';

/** The page header: title, the span covered, counts, and the method in one line. */
export function Header({ index }: { index: DatasetIndex }) {
  const { first, last, events, articles } = index;
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{index.title}</h1>
      <p className={styles.meta}>
        {first && last && (
          <>
            <time dateTime={first}>{formatDay(first)}</time> – <time dateTime={last}>{formatDay(last)}</time>
            {' · '}
          </>
        )}
        {events.length} {events.length === 1 ? 'event' : 'events'} · {articles.length} {articles.length === 1 ? 'source' : 'sources'}
      </p>
      <p className={styles.method}>Every quote is verbatim from its source, and links to the passage it comes from.</p>
    </header>
  );
}
