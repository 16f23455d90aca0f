import styles from './LoadState.module.css';

/** The page while the dataset downloads: announced, not blank. */
export function Loading() {
  return (
    <main className={styles.state} aria-busy="true">
      <p role="status" className={styles.message}>Loading the timeline…</p>
    </main>
  );
}

/** The page when the dataset cannot be used: what went wrong, and a retry that works. */
export function LoadError({ problem, onRetry }: { problem: string; onRetry: () => void }) {
  return (
    <main className={styles.state}>
      <div role="alert" className={styles.card}>
        <h1 className={styles.title}>The timeline could not be shown</h1>
        <p>{problem}</p>
        <button type="button" className={styles.retry} onClick={onRetry}>Try again</button>
      </div>
    </main>
  );
}
