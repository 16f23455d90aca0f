/**
 * Vite build of the app. The dataset is not compiled into the JavaScript:
 * the `dataset` plugin validates it and ships it as its own file,
 * `dist/data/timeline.json` (or serves it at that path in dev), which the page
 * loads relative to itself, so a copy of `dist/` works from any sub-path.
 * From ARCHIVE_THRESHOLD events the build ships it as an archive instead
 * (src/data/archiveSchema.ts): the index at that path, period chunks and a
 * search index beside it; the dev server keeps serving the single file.
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
import { ARCHIVE_THRESHOLD } from './src/data/archiveSchema.ts';
import { splitDatasetInto } from './pipeline/splitDataset.ts';
import { authoringPlugin } from './pipeline/devServer/authoringPlugin.ts';
import { CSP } from './pipeline/contentSecurityPolicy.ts';

const DATASET_URL = 'data/timeline.json';

/** The dataset's open-data copies, shipped beside it (the page's footer links to them). */
const EXPORTS: Record<string, { type: string; build: (d: Dataset) => string }> = {
  'data/timeline.csv': { type: 'text/csv; charset=utf-8', build: exportCsv },
  'data/timeline-timelinejs.json': { type: 'application/json', build: (d) => `${JSON.stringify(exportTimelineJs(d), null, 2)}\n` },
};

/** From how many events the build ships an archive: ARCHIVE_THRESHOLD, or TIMELINE_ARCHIVE_THRESHOLD (tests set it low). */
function archiveThreshold(): number {
  const given = process.env.TIMELINE_ARCHIVE_THRESHOLD;
  if (given === undefined || given === '') return ARCHIVE_THRESHOLD;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1) throw new Error(`TIMELINE_ARCHIVE_THRESHOLD: expected a whole number of events ≥ 1, got "${given}"`);
  return n;
}

function dataset(): Plugin {
  const file = path.resolve(process.env.TIMELINE_DATASET ?? 'src/data/timeline.json');
  const threshold = archiveThreshold();
  let building = false;
  let checked: string | null = null;
  // Parsed once per build: at archive size the text is tens of megabytes.
  let parsed: Dataset | null = null;
  const data = (): Dataset => (parsed ??= JSON.parse(checked ?? validateDatasetFile(file)) as Dataset);
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
      parsed = null;
    },
    generateBundle() {
      const text = checked ?? validateDatasetFile(file);
      if (data().events.length >= threshold) {
        // Each chunk is emitted as it is made; the index names them all, so it goes last.
        const { index, search } = splitDatasetInto(data(), (chunk) => this.emitFile({ type: 'asset', fileName: chunk.file, source: chunk.text }));
        this.emitFile({ type: 'asset', fileName: search.file, source: search.text });
        this.emitFile({ type: 'asset', fileName: DATASET_URL, source: JSON.stringify(index) });
      } else {
        this.emitFile({ type: 'asset', fileName: DATASET_URL, source: text });
      }
      // The open-data copies are of the whole dataset, archive or not.
      for (const [fileName, { build }] of Object.entries(EXPORTS)) {
        this.emitFile({ type: 'asset', fileName, source: build(data()) });
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The dev server injects inline scripts (HMR), so the policy is for the build only; there the
        // app sets the title once the dataset loads, and a dataset being edited may not be valid yet.
        if (ctx.server) return html;
        const edition = data();
        // schema.org JSON-LD for search engines and other tools: a data block, not script, so the
        // policy (script-src 'self') does not apply to it. Built from the dataset at build time; an
        // archive's lists its key events only (every event would weigh megabytes in index.html).
        const jsonLd = jsonLdScriptText(edition, edition.events.length >= threshold ? 'archive' : undefined);
        return applyEditionToHtml(html, edition)
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
