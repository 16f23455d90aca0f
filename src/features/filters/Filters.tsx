import { useId, useState } from 'react';
import type { Category } from '../../data/schema.ts';
import { categoryStyle } from '../../lib/categories.ts';
import { formatCount, formatNumber } from '../../lib/formatCount.ts';
import styles from './Filters.module.css';

type Props = {
  query: string;
  categories: readonly Category[];
  /** Categories shown; null = all. */
  shown: readonly Category[] | null;
  /** How many events match; null when it is said elsewhere (an archive's search across all of it). */
  matching: number | null;
  total: number;
  /** Events of each category (before filtering): the toggles are also the legend. */
  counts: Readonly<Record<Category, number>>;
  /** Only events the sources date (to a day or within a range). */
  datedOnly: boolean;
  onDatedOnly: (on: boolean) => void;
  onQuery: (query: string) => void;
  onToggle: (category: Category) => void;
  onReset: () => void;
};

/** Text search and category toggles, with the count of matching events. */
export function Filters({ query, categories, shown, matching, total, counts, datedOnly, onDatedOnly, onQuery, onToggle, onReset }: Props) {
  const id = useId();
  // What is typed, spaces and all: the URL keeps the search trimmed. A new search from outside
  // (a link, Back, Reset) replaces it.
  const [draft, setDraft] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  if (shownQuery !== query) {
    setShownQuery(query);
    if (draft.trim() !== query) setDraft(query);
  }
  const filtered = query.trim() !== '' || shown !== null || datedOnly;
  return (
    <search className={styles.filters} aria-label="Search and filter events">
      <label htmlFor={`${id}-q`} className="visually-hidden">Search events</label>
      <input
        id={`${id}-q`}
        className={styles.search}
        type="search"
        placeholder="Search titles, summaries and quotes"
        value={draft}
        maxLength={200}
        onChange={(e) => { setDraft(e.target.value); onQuery(e.target.value); }}
        aria-describedby={`${id}-count`}
      />
      <div className={styles.toggles} role="group" aria-label="Categories">
        {categories.map((c) => {
          const on = shown === null || shown.includes(c);
          const last = on && shown !== null && shown.length === 1;
          return (
            <button
              key={c}
              type="button"
              className={styles.toggle}
              aria-pressed={on}
              aria-disabled={last || undefined}
              title={last ? 'At least one category stays shown' : undefined}
              onClick={() => { if (!last) onToggle(c); }}
            >
              <span aria-hidden="true" className={styles.symbol} style={{ color: categoryStyle(c).color }}>{categoryStyle(c).symbol}</span>
              {categoryStyle(c).label}
              {/* The count is the legend's; the button's name stays the category's, as the list says each event's. */}
              <span className={styles.categoryCount} aria-hidden="true">{formatNumber(counts[c] ?? 0)}</span>
            </button>
          );
        })}
      </div>
      <button type="button" className={`${styles.toggle} ${styles.dated}`} aria-pressed={datedOnly} onClick={() => onDatedOnly(!datedOnly)}>
        Only events the sources date
      </button>
      <p id={`${id}-count`} className={styles.count} aria-live="polite">
        {!filtered ? formatCount(total, 'event') : matching === null ? `Filtering ${formatCount(total, 'event')}` : `${formatNumber(matching)} of ${formatCount(total, 'event')} match`}
        {filtered && <> · <button type="button" className={styles.reset} onClick={onReset}>Reset filters</button></>}
      </p>
    </search>
  );
}
