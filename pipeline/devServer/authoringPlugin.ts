/**
 * Authoring in the dev server (`npm run dev` only: `apply: 'serve'`): serves
 * the page's authoring requests under /__authoring/ (handleAuthoring.ts), and
 * rebuilds the dataset whenever anything under the content folder changes,
 * then reloads the page (or shows the pipeline's messages in Vite's overlay).
 * TIMELINE_CONTENT names another content folder (the browser test uses a
 * copy); TIMELINE_DATASET, as for the dataset plugin, the dataset to write.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { runPipeline } from '../main.ts';
import { handleAuthoring } from './handleAuthoring.ts';
import { runBuild, type AuthoringPaths } from './saveEvents.ts';

const BODY_LIMIT = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) reject(new Error('request too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The paths the plugin works on, from the environment. */
export function authoringPaths(env = process.env): AuthoringPaths {
  const contentDir = path.resolve(env.TIMELINE_CONTENT ?? 'content');
  return { contentDir, eventsFile: path.join(contentDir, 'events.yaml'), datasetFile: path.resolve(env.TIMELINE_DATASET ?? 'src/data/timeline.json') };
}

/** The dev server's authoring mode: see the file header. */
export function authoringPlugin(paths = authoringPaths()): Plugin {
  // The events file text the last save wrote: its change event needs no second build (the save built it).
  let saved: string | null = null;

  function rebuild(server: ViteDevServer, changed: ReadonlySet<string>) {
    if (saved !== null && changed.size === 1 && changed.has(paths.eventsFile) && fs.readFileSync(paths.eventsFile, 'utf8') === saved) {
      saved = null;
      return;
    }
    saved = null;
    const run = runBuild(paths.contentDir, paths.datasetFile);
    if (run.ok) {
      server.config.logger.info(`content changed: ${run.log.join(' ')}`, { timestamp: true });
      server.ws.send({ type: 'full-reload', path: '*' });
    } else {
      const message = `npm run data refuses the content:\n${run.errors.map((e) => `✗ ${e}`).join('\n')}`;
      server.config.logger.error(message, { timestamp: true });
      server.ws.send({ type: 'error', err: { message, stack: '', plugin: 'timeline-authoring' } });
    }
  }

  return {
    name: 'timeline-authoring',
    apply: 'serve',
    configureServer(server) {
      // Content may have changed while no dev server watched it: bring the dataset up to date first.
      const stale = runPipeline(['--check', '--content', paths.contentDir, '--out', paths.datasetFile], { log: () => {}, error: () => {} }) !== 0;
      if (stale) {
        const run = runBuild(paths.contentDir, paths.datasetFile);
        if (!run.ok) server.config.logger.error(`npm run data refuses the content:\n${run.errors.map((e) => `✗ ${e}`).join('\n')}`);
      }

      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = new Set<string>();
      server.watcher.add(paths.contentDir);
      server.watcher.on('all', (_event, file) => {
        const inside = path.relative(paths.contentDir, file);
        // writeAtomic's temporary files (".name.pid.tmp") come and go within one write.
        if (inside.startsWith('..') || path.isAbsolute(inside) || path.basename(file).startsWith('.')) return;
        changed.add(path.resolve(file));
        clearTimeout(timer);
        // One build for a burst of changes (an editor's save, a git checkout).
        timer = setTimeout(() => {
          const files = new Set(changed);
          changed.clear();
          rebuild(server, files);
        }, 150);
      });

      server.middlewares.use('/__authoring', (req, res) => {
        const send = (status: number, body: unknown) => {
          res.statusCode = status;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(body));
        };
        // Only the page itself: a JSON POST from the same origin (another site cannot send one without a preflight).
        const origin = req.headers.origin;
        if (req.method !== 'POST' || !/^application\/json\b/.test(req.headers['content-type'] ?? '') || (origin && origin !== `http://${req.headers.host}`)) {
          send(405, { ok: false, errors: ['expected a JSON POST from the page'] });
          return;
        }
        readBody(req).then((text) => {
          const route = (req.url ?? '').replace(/^\//, '').split('?')[0]!;
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            send(400, { ok: false, errors: ['the request is not JSON'] });
            return;
          }
          const answer = handleAuthoring(route, body, paths);
          if (route === 'save' && answer.status === 200) saved = fs.readFileSync(paths.eventsFile, 'utf8');
          send(answer.status, answer.body);
        }).catch((e: Error) => send(500, { ok: false, errors: [e.message] }));
      });
    },
  };
}
