/** Builds the archive search probe into `outDir` (vite.probe.config.ts) and returns the probe page's path in it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const PROBE_PAGE = 'tests/browser/archive-search/probe.html';

/** Vite's own command line, run by node directly (npx would first spend a second looking it up). */
const VITE = path.resolve('node_modules/vite/bin/vite.js');

export function buildProbe(outDir: string): string {
  // In a process of its own with NODE_ENV=production, as the app's build (scripts/buildStamp.mjs).
  const r = spawnSync(process.execPath, [VITE, 'build', '--config', 'tests/browser/archive-search/vite.probe.config.ts', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build of the archive search probe failed: see above');
  return PROBE_PAGE;
}
