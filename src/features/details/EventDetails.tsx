import type { DatasetIndex } from '../../data/indexDataset.ts';
import { isPlainClick } from '../../lib/dom/isPlainClick.ts';
import type { TimelineEvent } from '../../data/schema.ts';
import { CATEGORY_STYLE } from '../../lib/categories.ts';
import { describeDateEvidence } from '../../lib/evidence/describeDateEvidence.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { CopyLinkButton } from '../share/CopyLinkButton.tsx';
import styles from './EventDetails.module.css';

type Props = {
  event: TimelineEvent;
  index: DatasetIndex;
  /** Absolute link to this event, and to each of its quotes in the source reader. */
  link: string;
  quoteLink: (quote: number) => string;
  onReadSource: (quote: number, opener: HTMLElement) => void;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onClose?: () => void;
};

/** The selected event: title, date, category, summary, how the date is known, and its quotes. */
export function EventDetails({ event, index, link, quoteLink, onReadSource, onPrevious, onNext, onClose }: Props) {
  const cat = CATEGORY_STYLE[event.category];
  const headingId = `details-${event.id}`;
  return (
    <section className={styles.details} aria-labelledby={headingId} data-details-for={event.id}>
      {onClose && (
        <div className={styles.sheetBar}>
          <button type="button" className={styles.close} onClick={onClose}>Close<span className="visually-hidden"> details</span></button>
        </div>
      )}
      <p className={styles.kicker}>
        <span style={{ color: cat.color }} aria-hidden="true">{cat.symbol}</span> {cat.label}
        {' · '}
        <time dateTime={event.date}>{formatLongDay(event.date)}</time>
        {event.end && <> – <time dateTime={event.end}>{formatLongDay(event.end)}</time></>}
      </p>
      <h2 id={headingId} className={styles.title} tabIndex={-1}>{event.title}</h2>
      <p className={styles.summary}>{event.summary}</p>
      <div className={styles.evidence}>
        <h3 className={styles.evidenceTitle}>How the date is known</h3>
        <p>{describeDateEvidence(event.dateEvidence)}</p>
      </div>
      <h3 className={styles.quotesTitle}>What the {new Set(event.quotes.map((q) => q.article)).size === 1 ? 'source says' : 'sources say'}</h3>
      {event.quotes.map((q, i) => {
        const article = index.articleById.get(q.article);
        return (
          <figure key={i} className={styles.quote}>
            <blockquote cite={article?.url ?? quoteLink(i + 1)}>
              <p>{q.text}</p>
            </blockquote>
            <figcaption className={styles.source}>
              {article && (
                <span>
                  — <cite>{article.headline}</cite>, <time dateTime={article.published}>{formatLongDay(article.published)}</time>
                </span>
              )}
              <a
                className={styles.read}
                href={quoteLink(i + 1)}
                data-read-quote={i + 1}
                onClick={(e) => {
                  if (!isPlainClick(e)) return;
                  e.preventDefault();
                  onReadSource(i + 1, e.currentTarget);
                }}
              >
                Read in source<span className="visually-hidden">: quote {i + 1} in “{article?.headline}”</span>
              </a>
            </figcaption>
          </figure>
        );
      })}
      <div className={styles.actions}>
        <div className={styles.steps}>
          <button type="button" className={styles.step} onClick={onPrevious ?? undefined} disabled={!onPrevious}>‹ Previous<span className="visually-hidden"> event</span></button>
          <button type="button" className={styles.step} onClick={onNext ?? undefined} disabled={!onNext}>Next<span className="visually-hidden"> event</span> ›</button>
        </div>
        <CopyLinkButton url={link} title={event.title} />
      </div>
    </section>
  );
}
