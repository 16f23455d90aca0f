import { useDataset } from './useDataset.ts';
import { Loading, LoadError } from './LoadState.tsx';
import { Viewer } from './Viewer.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { lazy, Suspense } from 'react';

/** An archive's viewer and its code load only for an archive. */
const ArchiveViewer = lazy(() => import('./ArchiveViewer.tsx'));

/** The app: loads the dataset, then shows the viewer (or a designed loading or error state); a render failure never blanks the page. */
export function App() {
  const state = useDataset();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError problem={state.problem} kind={state.kind} onRetry={state.retry} />;
  return (
    <ErrorBoundary label="The timeline">
      {state.archive ? <Suspense fallback={<Loading />}><ArchiveViewer store={state.archive} /></Suspense> : <Viewer index={state.index} />}
    </ErrorBoundary>
  );
}
