import type { ArchiveView } from '../../data/archiveStore.ts';
import { describePeriod } from '../../data/loadChunk.ts';
import { formatNumber } from '../../lib/formatCount.ts';
import styles from './ArchiveStatus.module.css';

/**
 * Above an archive's list: how much of the archive is loaded and for which days, what is on its
 * way, what failed (with a way to try again), and the periods either side to read on into.
 */
export function ArchiveStatus({ archive, waitingFor }: { archive: ArchiveView; waitingFor: 'event' | 'date' | null }) {
  const { info, store, snapshot } = archive;
  const loaded = [...snapshot.loaded].sort((a, b) => a - b);
  const count = loaded.reduce((sum, n) => sum + info.chunks[n]!.count, 0);
  const first = loaded[0];
  const last = loaded[loaded.length - 1];
  const period = first !== undefined && last !== undefined ? describePeriod({ from: info.chunks[first]!.from, to: info.chunks[last]!.to }) : null;
  const pending = [...snapshot.pending].sort((a, b) => a - b);
  const before = first !== undefined && first > 0 ? first - 1 : null;
  const after = last !== undefined && last < info.chunks.length - 1 ? last + 1 : null;
  return (
    <section className={styles.status} aria-label="What is loaded of the archive">
      <p>
        {period
          ? <><strong>{formatNumber(count)}</strong> of {formatNumber(info.total)} events loaded: {period}.</>
          : <>{formatNumber(info.total)} events in the archive; none loaded yet.</>}
        {snapshot.overBudget && <span className={styles.wideOnly}> This view spans more events than can be drawn one by one: the timeline shows how many fall on each day. Zoom in to see them.</span>}
      </p>
      <p role="status" className={styles.progress}>
        {waitingFor === 'event' ? 'Finding the linked event…'
          : waitingFor === 'date' ? 'Loading the linked day…'
          : pending.length ? `Loading the events of ${describePeriod({ from: info.chunks[pending[0]!]!.from, to: info.chunks[pending[pending.length - 1]!]!.to })}…` : ''}
      </p>
      {[...snapshot.failed].map(([n, problem]) => (
        <div key={n} role="alert" className={styles.failed}>
          <p>{problem}</p>
          <button type="button" onClick={() => store.retry(n)}>Try again: {describePeriod(info.chunks[n]!)}</button>
        </div>
      ))}
      {(before !== null || after !== null) && (
        <p className={styles.more}>
          {before !== null && <button type="button" onClick={() => store.ensureChunk(before)}>Load earlier: {describePeriod(info.chunks[before]!)}</button>}
          {after !== null && <button type="button" onClick={() => store.ensureChunk(after)}>Load later: {describePeriod(info.chunks[after]!)}</button>}
        </p>
      )}
    </section>
  );
}
