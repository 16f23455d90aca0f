import type { DatasetIndex } from '../../data/indexDataset.ts';
import { isPlainClick } from '../../lib/dom/isPlainClick.ts';
import type { TimelineEvent } from '../../data/schema.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { describeDateEvidence } from '../../lib/evidence/describeDateEvidence.ts';
import { certaintyOf, describeCertainty } from '../../lib/evidence/describeCertainty.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { CopyLinkButton } from '../share/CopyLinkButton.tsx';
import styles from './EventDetails.module.css';

type Props = {
  event: TimelineEvent;
  index: DatasetIndex;
  /** Absolute link to this event, and to each of its quotes in the source reader. */
  link: string;
  /** Absolute link to the event's day (?date=). */
  dayLink?: string;
  quoteLink: (quote: number) => string;
  onReadSource: (quote: number, opener: HTMLElement) => void;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onClose?: () => void;
};

/** The selected event: title, date, category, summary, how the date is known, and its quotes. */
export function EventDetails({ event, index, link, dayLink, quoteLink, onReadSource, onPrevious, onNext, onClose }: Props) {
  const cat = categoryStyle(event.category);
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
        {event.key && <> · <strong className={styles.keyTag}>Key event</strong></>}
        {' · '}
        <time dateTime={event.edtf ?? (event.end ? `${event.date}/${event.end}` : event.date)} data-certainty={certaintyOf(event)}>
          {capitalise(describeCertainty(event))}
        </time>
      </p>
      <h2 id={headingId} className={styles.title} tabIndex={-1}>{event.title}</h2>
      <p className={styles.summary}>{event.summary}</p>
      <div className={styles.evidence}>
        <h3 className={styles.evidenceTitle}>How the date is known</h3>
        <p>{describeDateEvidence(event.dateEvidence)}</p>
        {event.dateEvidence.note && <p className={styles.caveat}><strong>Caveat:</strong> {event.dateEvidence.note}</p>}
        {(event.after ?? []).map((r) => {
          const other = index.byId.get(r.event);
          return other && <p key={r.event} className={styles.order}>After “{other.title}”: the source says “{r.phrase}”.</p>;
        })}
      </div>
      <h3 className={styles.quotesTitle}>What the {new Set(event.quotes.map((q) => q.article)).size === 1 ? 'source says' : 'sources say'}</h3>
      {event.quotes.map((q, i) => {
        const article = index.articleById.get(q.article);
        return (
          <figure key={i} className={styles.quote}>
            {q.speaker && <p className={styles.speaker}><span className="visually-hidden">Speaker, in the source’s words: </span>{q.speaker.text} …</p>}
            <blockquote cite={q.fragment ?? article?.url ?? quoteLink(i + 1)}>
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
              {q.fragment && (
                <a className={styles.read} href={q.fragment} rel="noopener noreferrer" target="_blank">
                  On the publisher’s page<span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              )}
              {article?.archived && (
                <a className={styles.read} href={article.archived.url} rel="noopener noreferrer" target="_blank">
                  Archived copy<span className="visually-hidden">, captured {formatLongDay(article.archived.captured)} (opens in a new tab)</span>
                </a>
              )}
            </figcaption>
          </figure>
        );
      })}
      <div className={styles.actions}>
        <div className={styles.steps}>
          <button type="button" className={styles.step} onClick={onPrevious ?? undefined} disabled={!onPrevious}>‹ Previous<span className="visually-hidden"> event</span></button>
          <button type="button" className={styles.step} onClick={onNext ?? undefined} disabled={!onNext}>Next<span className="visually-hidden"> event</span> ›</button>
        </div>
        <div className={styles.share}>
          <CopyLinkButton url={link} title={event.title} />
          {dayLink && <CopyLinkButton url={dayLink} title={formatLongDay(event.date)} subject="to this day" />}
        </div>
      </div>
    </section>
  );
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
