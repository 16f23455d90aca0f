import { useDataset } from './useDataset.ts';
import { Loading, LoadError } from './LoadState.tsx';
import { Viewer } from './Viewer.tsx';

/** The app: loads the dataset, then shows the viewer (or a designed loading or error state). */
export function App() {
  const state = useDataset();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError problem={state.problem} onRetry={state.retry} />;
  return <Viewer index={state.index} />;
}
