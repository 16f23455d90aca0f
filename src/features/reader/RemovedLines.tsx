import type { RemovedLine } from '../../data/schema.ts';
import styles from './SourceReader.module.css';

/**
 * What cleaning removed from the article's text, each line with its reason, behind a native
 * disclosure: nothing the pipeline drops is hidden from a reader who asks.
 */
export function RemovedLines({ removed, extracted }: { removed: readonly RemovedLine[]; extracted: boolean }) {
  if (removed.length === 0) return null;
  return (
    <details className={styles.removed}>
      <summary>Show what was removed <span className={styles.count}>({removed.length} {removed.length === 1 ? 'line' : 'lines'})</span></summary>
      <p className={styles.removedNote}>
        Lines of the {extracted ? 'text extracted from the saved page' : 'text as received'} that are not the story, with why each was left out.
      </p>
      <ol className={styles.removedList} aria-label="Removed lines">
        {removed.map((r, i) => (
          <li key={i}>
            <span className={styles.reason}>{r.reason}</span>
            <span className={styles.lineNo}>line {r.line}</span>
            <span className={styles.removedText}>{r.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
