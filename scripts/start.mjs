/**
 * `npm start`: builds the dataset if it is missing or older than content/,
 * builds the app, and serves dist/ on http://127.0.0.1 (PORT, default 4173,
 * or the next free port), printing the address.
 *
 *   [PORT=4173] npm start [-- --help]
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serveStatic } from './serve.mjs';
import { exitWithHelpIfAsked, refuseUnknownArguments } from './usage.mjs';

exitWithHelpIfAsked(import.meta.url);
refuseUnknownArguments([]);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const newest = (dir) => fs.readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile()).reduce((t, d) => Math.max(t, fs.statSync(path.join(d.parentPath, d.name)).mtimeMs), 0);

const data = 'src/data/timeline.json';
if (!fs.existsSync(data) || fs.statSync(data).mtimeMs < newest('content')) {
  console.log('Building the dataset (npm run data)…');
  run('npx', ['tsx', 'pipeline/main.ts', '--quiet']);
}
run('npx', ['vite', 'build', '--logLevel', 'warn']);

const wanted = Number(process.env.PORT ?? 4173);
for (let port = wanted; port < wanted + 20; port++) {
  try {
    const { url } = await serveStatic('dist', { port });
    console.log(`\nThe timeline is served at ${url}  (Ctrl+C to stop)`);
    break;
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
  }
}
