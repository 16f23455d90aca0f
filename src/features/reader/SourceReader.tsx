import { useEffect, useId, useRef, type ReactNode } from 'react';
import { isPlainClick } from '../../lib/dom/isPlainClick.ts';
import type { QuotedPassage } from '../../data/indexDataset.ts';
import type { Article, TimelineEvent } from '../../data/schema.ts';
import { formatLongDay } from '../../lib/time/calendarDay.ts';
import { CopyLinkButton } from '../share/CopyLinkButton.tsx';
import { DevAuthoring } from '../authoring/DevAuthoring.tsx';
import { RemovedLines } from './RemovedLines.tsx';
import styles from './SourceReader.module.css';

export type ReaderProps = {
  article: Article;
  passages: readonly QuotedPassage[];
  /** The passage the reader came for: marked, scrolled to and focused. */
  focus: { paragraph: number; start: number; end: number } | null;
  byId: ReadonlyMap<string, TimelineEvent>;
  eventLink: (id: string) => string;
  link: string;
  onOpenEvent: (id: string) => void;
  onClose: () => void;
};

type Segment = { start: number; end: number; passages: QuotedPassage[] };

/** Cuts a paragraph at every passage boundary; each piece knows the passages that cover it. */
function segment(length: number, passages: readonly QuotedPassage[]): Segment[] {
  const cuts = new Set([0, length]);
  for (const p of passages) { cuts.add(p.start); cuts.add(p.end); }
  const sorted = [...cuts].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    out.push({ start, end, passages: passages.filter((p) => p.start <= start && p.end >= end) });
  }
  return out;
}

/** The whole cleaned article, with every quoted passage marked and linked back to its events. */
export default function SourceReader({ article, passages, focus, byId, eventLink, link, onOpenEvent, onClose }: ReaderProps) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const focusKey = focus ? `${focus.paragraph}:${focus.start}:${focus.end}` : '';

  // Bring the passage the reader came for into view and give it focus, so a screen reader reads it.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const target = root.querySelector<HTMLElement>('[data-focus-passage]') ?? root.querySelector<HTMLElement>('h2');
    target?.scrollIntoView?.({ block: focusKey ? 'center' : 'start' });
    target?.focus({ preventScroll: true });
  }, [article.id, focusKey]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const byParagraph = new Map<number, QuotedPassage[]>();
  for (const p of passages) byParagraph.set(p.paragraph, [...(byParagraph.get(p.paragraph) ?? []), p]);

  const renderParagraph = (text: string, index: number): ReactNode[] => {
    let focusedOnce = false;
    return segment(text.length, byParagraph.get(index) ?? []).map((s) => {
      const slice = text.slice(s.start, s.end);
      if (s.passages.length === 0) return slice;
      const ids = [...new Set(s.passages.flatMap((p) => p.eventIds))];
      const isFocus = focus !== null && focus.paragraph === index && s.start >= focus.start && s.end <= focus.end;
      const first = isFocus && !focusedOnce;
      if (first) focusedOnce = true;
      const names = ids.map((id) => byId.get(id)?.title ?? id);
      return (
        <mark
          key={s.start}
          className={isFocus ? styles.current : undefined}
          data-focus-passage={first || undefined}
          tabIndex={first ? -1 : undefined}
        >
          <a
            href={eventLink(ids[0]!)}
            onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              onOpenEvent(ids[0]!);
            }}
            title={`Quoted in: ${names.join('; ')}`}
          >
            {slice}
          </a>
          {ids.slice(1).map((id) => (
            <a key={id} className={styles.also} href={eventLink(id)} onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              onOpenEvent(id);
            }}>
              <span className="visually-hidden">also quoted in: </span>{byId.get(id)?.title ?? id}
            </a>
          ))}
        </mark>
      );
    });
  };

  return (
    <section ref={ref} className={styles.reader} aria-labelledby={titleId} data-own-keys>
      <div className={styles.bar}>
        <button type="button" className={styles.close} onClick={onClose}>Close<span className="visually-hidden"> source</span></button>
        <CopyLinkButton url={link} title={article.headline} />
      </div>
      <p className={styles.kicker}>Source</p>
      <h2 id={titleId} className={styles.headline} tabIndex={-1}>{article.headline}</h2>
      <dl className={styles.meta}>
        <div>
          <dt>Published</dt>
          <dd>
            <time dateTime={article.published}>{formatLongDay(article.published)}</time>
            <details className={styles.how}>
              <summary>How this date is known</summary>
              {article.publishedDateline && (
                <p>
                  The page’s dateline: <q className={styles.dateline}>{article.publishedDateline.phrase}</q> (line {article.publishedDateline.line} of the text).
                  {article.publishedDateline.note && ` ${article.publishedDateline.note}`}
                </p>
              )}
              <p>{article.publishedEvidence}</p>
            </details>
          </dd>
        </div>
        <div>
          <dt>Publisher</dt>
          <dd>{article.publisher ?? 'Unknown: the text as received does not name its publisher.'}</dd>
        </div>
        {article.byline && (
          <div>
            <dt>By</dt>
            <dd>{article.byline}</dd>
          </div>
        )}
        <div>
          <dt>Address</dt>
          <dd>{article.url ? <a href={article.url} rel="noopener noreferrer">{article.url}</a> : 'Unknown: the text as received gives no address.'}</dd>
        </div>
        {article.provenance && (
          <div>
            <dt>Text</dt>
            <dd>Extracted from the saved page <code>{article.provenance.extractedFrom}</code> by {article.provenance.by}.</dd>
          </div>
        )}
      </dl>
      <p className={styles.legend}><mark>Marked passages</mark> are quoted by events; follow one to its event.</p>
      <div className={styles.text}>
        {article.paragraphs.map((text, i) => (article.paragraphInfo[i]?.kind === 'caption'
          ? <p key={i} className={styles.caption}><span className={styles.captionLabel}>Photo caption</span> {renderParagraph(text, i)}</p>
          : <p key={i}>{renderParagraph(text, i)}</p>))}
      </div>
      <RemovedLines removed={article.removed ?? []} extracted={article.provenance !== undefined} />
      {DevAuthoring && <DevAuthoring article={article} root={ref} events={byId} />}
    </section>
  );
}
