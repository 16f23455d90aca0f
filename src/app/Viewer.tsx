import { useState } from 'react';
import type { DatasetIndex } from '../data/indexDataset.ts';
import { Header } from '../features/header/Header.tsx';
import { EventList } from '../features/event-list/EventList.tsx';
import { EventDetails } from '../features/details/EventDetails.tsx';
import styles from './Viewer.module.css';

/** The viewer of a loaded dataset. */
export function Viewer({ index }: { index: DatasetIndex }) {
  const [selectedId, setSelectedId] = useState<string | null>(index.events[0]?.id ?? null);
  const selected = selectedId ? index.byId.get(selectedId) ?? null : null;
  return (
    <div className={styles.page}>
      <Header index={index} />
      <div className={styles.columns}>
        <EventList events={index.events} selectedId={selectedId} onSelect={setSelectedId} />
        {selected && <EventDetails event={selected} index={index} />}
      </div>
    </div>
  );
}
