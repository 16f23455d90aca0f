import type { Notice } from '../lib/url/urlState.ts';
import styles from './Notices.module.css';

/** Polite notices about what a link asked for that could not be shown; the rest of the link is honoured. */
export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  return (
    <div role="status" className={notices.length ? styles.notices : undefined}>
      {notices.length > 0 && (
        <>
          <ul className={styles.list}>
            {notices.map((n, i) => <li key={i}>{n.message}</li>)}
          </ul>
          <button type="button" className={styles.dismiss} onClick={onDismiss}>Dismiss</button>
        </>
      )}
    </div>
  );
}
