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
import { exportCsv } from './pipeline/exportCsv.ts';
import { exportTimelineJs } from './pipeline/exportTimelineJs.ts';
import { jsonLdScriptText } from './pipeline/buildJsonLd.ts';
import { applyEditionToHtml } from './pipeline/editionHtml.ts';
import type { Dataset } from './src/data/schema.ts';
import { authoringPlugin } from './pipeline/devServer/authoringPlugin.ts';
import { CSP } from './pipeline/contentSecurityPolicy.ts';

const DATASET_URL = 'data/timeline.json';

/** The dataset's open-data copies, shipped beside it (the page's footer links to them). */
const EXPORTS: Record<string, { type: string; build: (d: Dataset) => string }> = {
  'data/timeline.csv': { type: 'text/csv; charset=utf-8', build: exportCsv },
  'data/timeline-timelinejs.json': { type: 'application/json', build: (d) => `${JSON.stringify(exportTimelineJs(d), null, 2)}\n` },
};

function dataset(): Plugin {
  const file = path.resolve(process.env.TIMELINE_DATASET ?? 'src/data/timeline.json');
  let building = false;
  let checked: string | null = null;
  return {
    name: 'timeline-dataset',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const exported = Object.keys(EXPORTS).find((name) => url.endsWith(`/${name}`));
        if (!exported && !url.endsWith(`/${DATASET_URL}`)) return next();
        try {
          const text = validateDatasetFile(file);
          res.setHeader('content-type', exported ? EXPORTS[exported]!.type : 'application/json');
          res.end(exported ? EXPORTS[exported]!.build(JSON.parse(text) as Dataset) : text);
        } catch (e) {
          res.statusCode = 500;
          res.end(JSON.stringify({ error: (e as Error).message }));
        }
      });
    },
    configResolved(config) {
      building = config.command === 'build';
    },
    // A build checks the dataset first, once, and fails before bundling anything if it does not fit
    // (the dev server tolerates a dataset being edited: it answers each request with the check).
    buildStart() {
      if (building) checked = validateDatasetFile(file);
    },
    generateBundle() {
      const text = checked ?? validateDatasetFile(file);
      this.emitFile({ type: 'asset', fileName: DATASET_URL, source: text });
      for (const [fileName, { build }] of Object.entries(EXPORTS)) {
        this.emitFile({ type: 'asset', fileName, source: build(JSON.parse(text) as Dataset) });
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The dev server injects inline scripts (HMR), so the policy is for the build only; there the
        // app sets the title once the dataset loads, and a dataset being edited may not be valid yet.
        if (ctx.server) return html;
        const data = JSON.parse(checked ?? validateDatasetFile(file)) as Dataset;
        // schema.org JSON-LD for search engines and other tools: a data block, not script, so the
        // policy (script-src 'self') does not apply to it. Built from the dataset at build time.
        const jsonLd = jsonLdScriptText(data);
        return applyEditionToHtml(html, data)
          .replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
          .replace('</head>', `  <script type="application/ld+json">${jsonLd}</script>\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  // authoringPlugin applies to `npm run dev` only (apply: 'serve'): the build knows nothing of it.
  plugins: [react(), dataset(), authoringPlugin()],
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
