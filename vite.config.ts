/**
 * Vite build of the app. The dataset is not compiled into the JavaScript:
 * the `dataset` plugin validates it and ships it as its own file,
 * `dist/data/timeline.json` (or serves it at that path in dev), which the page
 * loads relative to itself, so a copy of `dist/` works from any sub-path.
 */
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { validateDatasetFile } from './pipeline/validateDatasetFile.ts';

const DATASET_URL = 'data/timeline.json';

/** The page's Content-Security-Policy: only our own scripts and styles, no eval, Trusted Types. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

function dataset(): Plugin {
  const file = path.resolve(process.env.TIMELINE_DATASET ?? 'src/data/timeline.json');
  return {
    name: 'timeline-dataset',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.split('?')[0]?.endsWith(`/${DATASET_URL}`)) return next();
        try {
          res.setHeader('content-type', 'application/json');
          res.end(validateDatasetFile(file));
        } catch (e) {
          res.statusCode = 500;
          res.end(JSON.stringify({ error: (e as Error).message }));
        }
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DATASET_URL, source: validateDatasetFile(file) });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The dev server injects inline scripts (HMR), so the policy is for the build only.
        if (ctx.server) return html;
        return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), dataset()],
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
