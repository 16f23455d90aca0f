/**
 * `npm run build`: checks that the dataset is up to date with content/ and
 * valid (`npm run data -- --check`), then builds the app into dist/ with
 * `vite build`, which checks the shipped dataset against the contract again,
 * and stamps it (scripts/buildStamp.mjs) so that `npm test` can reuse it.
 * With TIMELINE_DATASET=path/to/other.json the content check is skipped:
 * that dataset is not built from content/, and vite validates it.
 *
 *   npm run build [-- --help]
 */
import { spawnSync } from 'node:child_process';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';
import { inputsHash, markFresh } from './buildStamp.mjs';

exitWithHelpIfAsked(import.meta.url);
refuseUnknownArguments([]);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.env.TIMELINE_DATASET) {
  console.log(`Building with TIMELINE_DATASET=${process.env.TIMELINE_DATASET} (checked against the contract by vite build)`);
} else {
  run('npx', ['tsx', 'pipeline/main.ts', '--check', '--quiet']);
}
const inputs = inputsHash();
run('npx', ['vite', 'build']);
// `npm test` then reuses this build for the size budget and the browser tests instead of building again.
markFresh('dist', inputs);
