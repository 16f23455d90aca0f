import { useMemo, useSyncExternalStore } from 'react';
import { keyEventsOf, type ArchiveStore, type ArchiveView } from '../data/archiveStore.ts';
import { ArchiveStatus } from '../features/archive/ArchiveStatus.tsx';
import { ArchiveSearchPanel } from '../features/archive/ArchiveSearchPanel.tsx';
import type { TimelineEvent } from '../data/schema.ts';
import { Viewer } from './Viewer.tsx';

/** What the viewer gets of an archive: its facts, its store, and the parts only an archive needs (in this chunk). */
export type ArchiveKit = ArchiveView & {
  /** The archive's key events, drawable before their chunks load. */
  keyEvents: readonly TimelineEvent[];
  Status: typeof ArchiveStatus;
  /** The search across the whole archive, shown in place of the list while there is a query. */
  Search: typeof ArchiveSearchPanel;
};

/** The viewer of an archive: the loaded chunks' events, with the archive's facts and its store beside them. */
export default function ArchiveViewer({ store }: { store: ArchiveStore }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const keyEvents = useMemo(() => keyEventsOf(store.info), [store]);
  const archive: ArchiveKit = useMemo(() => ({ info: store.info, store, snapshot, keyEvents, Status: ArchiveStatus, Search: ArchiveSearchPanel }), [store, snapshot, keyEvents]);
  return <Viewer index={snapshot.index} archive={archive} />;
}
