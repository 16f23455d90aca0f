import type { LoadProblemKind } from '../data/loadDataset.ts';
import styles from './LoadState.module.css';

/** The page while the dataset downloads: announced, not blank. */
export function Loading() {
  return (
    <main className={styles.state} aria-busy="true">
      <p role="status" className={styles.message}>Loading the timeline…</p>
    </main>
  );
}

const TITLES: Partial<Record<LoadProblemKind, string>> = {
  timeout: 'The timeline’s data is taking too long',
  'cut-off': 'The timeline’s data was cut off',
  empty: 'This timeline has no events yet',
  version: 'This timeline’s data is in another format',
  offline: 'You are offline',
};

/** The page when the dataset cannot be used: what went wrong, and a retry that works. */
export function LoadError({ problem, kind, onRetry }: { problem: string; kind?: LoadProblemKind; onRetry: () => void }) {
  return (
    <main className={styles.state}>
      <div role="alert" className={styles.card}>
        <h1 className={styles.title}>{(kind && TITLES[kind]) ?? 'The timeline could not be shown'}</h1>
        <p>{problem}</p>
        <button type="button" className={styles.retry} onClick={onRetry}>Try again</button>
      </div>
    </main>
  );
}
