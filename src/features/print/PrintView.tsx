import type { DatasetIndex } from '../../data/indexDataset.ts';
import { groupByDay } from '../../data/indexDataset.ts';
import type { TimelineEvent } from '../../data/schema.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { describeDateEvidence } from '../../lib/evidence/describeDateEvidence.ts';
import { describeCertainty } from '../../lib/evidence/describeCertainty.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { formatNumber } from '../../lib/formatCount.ts';
import styles from './PrintView.module.css';

/**
 * Most events a printout lays out: printing lays the page out at once, and tens of thousands of
 * events would block the page for seconds and make a book. Past it, the printout says so.
 */
export const PRINT_LIMIT = 2000;

/**
 * What a printout shows: every event in date order with its quotes and their sources; no controls.
 * `limit` is PRINT_LIMIT; a test passes a small one, so as not to lay out thousands of events.
 */
export function PrintView({ index, events, limit = PRINT_LIMIT }: { index: DatasetIndex; events: readonly TimelineEvent[]; limit?: number }) {
  const printed = events.length > limit ? events.slice(0, limit) : events;
  return (
    <div className={styles.print}>
      {printed.length < events.length && (
        <p className={styles.evidence} role="note">
          This printout holds the first {formatNumber(limit)} of the {formatNumber(events.length)} events shown.
          Narrow them with the search or the filters to print the ones you need.
        </p>
      )}
      {groupByDay(printed).map((group) => (
        <section key={group.day} className={styles.day}>
          <h2><time dateTime={group.day}>{formatLongDay(group.day)}</time></h2>
          {group.events.map((event) => (
            <article key={event.id} className={styles.event}>
              <h3>{categoryStyle(event.category).symbol} {event.title} <span className={styles.cat}>({categoryStyle(event.category).label}{event.key ? ', key event' : ''})</span></h3>
              <p className={styles.evidence}>When: {describeCertainty(event)}</p>
              <p>{event.summary}</p>
              <p className={styles.evidence}>How the date is known: {describeDateEvidence(event.dateEvidence)}{event.dateEvidence.note ? ` Caveat: ${event.dateEvidence.note}` : ''}</p>
              {event.quotes.map((q, i) => {
                const article = index.articleById.get(q.article);
                return (
                  <blockquote key={i} cite={q.fragment ?? article?.url ?? undefined}>
                    {q.speaker && <p className={styles.evidence}>{q.speaker.text} …</p>}
                    <p>{q.text}</p>
                    <footer>— {article?.headline}, {article && formatLongDay(article.published)}{article?.publisher ? `, ${article.publisher}` : ''}</footer>
                  </blockquote>
                );
              })}
            </article>
          ))}
        </section>
      ))}
      <section className={styles.sources}>
        <h2>Sources</h2>
        <ol>
          {index.articles.map((a) => (
            <li key={a.id}>“{a.headline}”, published {formatLongDay(a.published)}; publisher {a.publisher ?? 'unknown'}; {a.url ?? 'address unknown'}.</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
