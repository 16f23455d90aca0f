import type { DatasetIndex } from '../../data/indexDataset.ts';
import type { TimelineEvent } from '../../data/schema.ts';
import { CATEGORY_STYLE } from '../../lib/categories.ts';
import { describeDateEvidence } from '../../lib/evidence/describeDateEvidence.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import styles from './EventDetails.module.css';

type Props = { event: TimelineEvent; index: DatasetIndex };

/** The selected event: title, date, category, summary, how the date is known, and its quotes. */
export function EventDetails({ event, index }: Props) {
  const cat = CATEGORY_STYLE[event.category];
  const headingId = `details-${event.id}`;
  return (
    <article className={styles.details} aria-labelledby={headingId}>
      <p className={styles.kicker}>
        <span style={{ color: cat.color }} aria-hidden="true">{cat.symbol}</span> {cat.label}
        {' · '}
        <time dateTime={event.date}>{formatLongDay(event.date)}</time>
        {event.end && <> – <time dateTime={event.end}>{formatLongDay(event.end)}</time></>}
      </p>
      <h2 id={headingId} className={styles.title}>{event.title}</h2>
      <p className={styles.summary}>{event.summary}</p>
      <p className={styles.evidence}><strong>How the date is known:</strong> {describeDateEvidence(event.dateEvidence)}</p>
      {event.quotes.map((q, i) => {
        const article = index.articleById.get(q.article);
        return (
          <figure key={i} className={styles.quote}>
            <blockquote cite={article?.url ?? undefined}>
              <p>{q.text}</p>
            </blockquote>
            {article && (
              <figcaption className={styles.source}>
                — {article.headline}, <time dateTime={article.published}>{formatLongDay(article.published)}</time>
              </figcaption>
            )}
          </figure>
        );
      })}
    </article>
  );
}
