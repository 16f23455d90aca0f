import { useMemo, useSyncExternalStore } from 'react';
import type { ArchiveStore } from '../data/archiveStore.ts';
import { Viewer } from './Viewer.tsx';

/** The viewer of an archive: the loaded chunks' events, with the archive's facts and its store beside them. */
export function ArchiveViewer({ store }: { store: ArchiveStore }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const archive = useMemo(() => ({ info: store.info, store, snapshot }), [store, snapshot]);
  return <Viewer index={snapshot.index} archive={archive} />;
}
