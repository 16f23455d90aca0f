import { Highlight } from '../event-list/Highlight.tsx';
import { useId } from 'react';
import type { Category } from '../../data/schema.ts';
import type { SearchHit } from './searchColumns.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { formatCount, formatNumber } from '../../lib/formatCount.ts';
import { formatLongDay, isCalendarDay } from '../../lib/time/calendarDay.ts';
import styles from './ArchiveSearchResults.module.css';

export type ArchiveSearchResultsProps = {
  /** The query the result answers (as typed). */
  query: string;
  /** The worker's answer: how many events match, and the first of them in date order; null before the first. */
  result: { total: number; hits: readonly SearchHit[] } | null;
  /** A search is under way (a result shown meanwhile is the previous one). */
  pending: boolean;
  /** Why the search failed (the client's message, naming the file), or null. */
  error: string | null;
  /** The archive's lanes, in the index's order: a hit's `lane` is an index into them. */
  lanes: readonly Category[];
  onOpen: (hit: SearchHit) => void;
  onRetry: () => void;
};

/**
 * What a search across the whole archive found: how many events match, then the first of them as
 * buttons (the title with the match marked, its day, its lane), and what to do when they are capped.
 * Presentational: the viewer owns the query, the search and what opening a hit does.
 */
export function ArchiveSearchResults({ query, result, pending, error, lanes, onOpen, onRetry }: ArchiveSearchResultsProps) {
  const headingId = useId();
  const q = query.trim();
  return (
    <section className={styles.results} aria-labelledby={headingId} aria-busy={pending}>
      <h2 id={headingId} className="visually-hidden">Search results across the archive</h2>
      {error ? (
        <div role="alert" className={styles.error}>
          <p>The search could not be done. {error}</p>
          <button type="button" className={styles.retry} onClick={onRetry}>Try again</button>
        </div>
      ) : (
        <p role="status" className={styles.summary}>{summarise(q, result, pending)}</p>
      )}
      {result && result.hits.length > 0 && !error && (
        <>
          <ol className={`${styles.hits} ${pending ? styles.stale : ''}`}>
            {result.hits.map((hit) => (
              <li key={hit.id}>
                <HitButton hit={hit} query={q} lane={lanes[hit.lane]} onOpen={onOpen} />
              </li>
            ))}
          </ol>
          {result.total > result.hits.length && (
            <p className={styles.capped}>
              Showing the first {formatNumber(result.hits.length)} of {formatNumber(result.total)}: refine the search to see the rest.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function summarise(q: string, result: ArchiveSearchResultsProps['result'], pending: boolean): string {
  if (pending || !result) return 'Searching…';
  if (!q) return `${formatCount(result.total, 'event')} in the archive`;
  if (result.total === 0) return `No event matches “${q}” across the archive.`;
  return `${formatCount(result.total, 'event')} ${result.total === 1 ? 'matches' : 'match'} “${q}” across the archive`;
}

function HitButton({ hit, query, lane, onOpen }: { hit: SearchHit; query: string; lane: Category | undefined; onOpen: (hit: SearchHit) => void }) {
  const cat = lane === undefined ? null : categoryStyle(lane);
  return (
    <button type="button" className={styles.hit} onClick={() => onOpen(hit)}>
      <span className={styles.symbol} style={cat ? { color: cat.color } : undefined} aria-hidden="true">{cat?.symbol ?? '·'}</span>
      <span className={styles.title}><Highlight text={hit.title} query={query} /></span>
      <span className={styles.meta}>
        {isCalendarDay(hit.day) ? <time dateTime={hit.day}>{formatLongDay(hit.day)}</time> : hit.day}
        {cat && <span>{cat.label}</span>}
      </span>
    </button>
  );
}
