import { useId, useState, type ReactNode } from 'react';
import { isPlainClick } from '../../lib/dom/isPlainClick.ts';
import type { DatasetIndex } from '../../data/indexDataset.ts';
import { formatDay } from '../../lib/time/calendarDay.ts';
import { formatCount } from '../../lib/formatCount.ts';
import styles from './Header.module.css';

type Props = {
  index: DatasetIndex;
  sourceLink: (articleId: string) => string;
  onOpenSource: (articleId: string, opener: HTMLElement) => void;
  onEmbed: () => void;
  /** Opens the list of keyboard shortcuts. */
  onShortcuts?: () => void;
  children?: ReactNode;
  /** An archive's counts (of all of it, not of the loaded part). */
  counts?: { events: number; sources: number };
};

/** The page header: title, the span covered, counts, the method in one line, the sources and the embed control. */
export function Header({ index, sourceLink, onOpenSource, onEmbed, onShortcuts, children, counts }: Props) {
  const { first, last, events, articles } = index;
  const [open, setOpen] = useState(false);
  const menuId = useId();
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <div className={styles.titles}>
          <h1 className={styles.title}>{index.title}</h1>
          {index.dek && <p className={styles.dek}>{index.dek}</p>}
          <p className={styles.meta}>
            {first && last && (
              <>
                <time dateTime={first}>{formatDay(first)}</time> – <time dateTime={last}>{formatDay(last)}</time>
                {' · '}
              </>
            )}
            {formatCount(counts?.events ?? events.length, 'event')} · {formatCount(counts?.sources ?? articles.length, 'source')}
          </p>
          <p className={styles.method}>Every quote is verbatim from its source, and links to the passage it comes from.</p>
        </div>
        <div className={styles.tools} data-screen-only>
          <div className={styles.menu}>
            <button type="button" className={styles.tool} aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
              Sources <span aria-hidden="true">▾</span>
            </button>
            <ul id={menuId} className={styles.sources} hidden={!open}>
              {articles.map((a) => (
                <li key={a.id}>
                  <a
                    href={sourceLink(a.id)}
                    onClick={(e) => {
                      if (!isPlainClick(e)) return;
                      e.preventDefault();
                      setOpen(false);
                      onOpenSource(a.id, e.currentTarget.closest('div')!.querySelector('button')!);
                    }}
                  >
                    {a.headline}
                  </a>
                  <span className={styles.sourceMeta}>{formatDay(a.published)} · {a.publisher ?? 'publisher unknown'}</span>
                </li>
              ))}
            </ul>
          </div>
          <button type="button" className={styles.tool} onClick={onEmbed}>Embed</button>
          {onShortcuts && <button type="button" className={`${styles.tool} ${styles.keysTool}`} onClick={onShortcuts} aria-keyshortcuts="?">Keyboard shortcuts</button>}
        </div>
      </div>
      {children}
    </header>
  );
}
