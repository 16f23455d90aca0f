import { lazy, Suspense } from 'react';
import type { AuthoringToolsProps } from './AuthoringTools.tsx';

function makeDevAuthoring() {
  const AuthoringTools = lazy(() => import('./AuthoringTools.tsx'));
  return function DevAuthoring(props: AuthoringToolsProps) {
    return <Suspense fallback={null}><AuthoringTools {...props} /></Suspense>;
  };
}

/**
 * The source reader's authoring mode, or null. Only `npm run dev` has it: in the production build
 * `import.meta.env.DEV` is false, so the branch, the lazy import and its chunk are dropped; the unit
 * tests (mode "test") leave it out of the reader too.
 */
export const DevAuthoring = import.meta.env.DEV && import.meta.env.MODE !== 'test' ? makeDevAuthoring() : null;
