/**
 * Build step (vite.config.ts, transformIndexHtml): writes the edition's title and dek from the
 * dataset into index.html, where the page's <title>, its description and the loading screen's
 * title stand before any script runs (search engines, link previews, a slow connection). The
 * values in index.html are the first edition's, kept as the fallback. Pure: html in, html out.
 */
import type { Dataset } from '../src/data/schema.ts';

/** Text as it may stand in HTML content or a double-quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `html` with the dataset's title (and dek, when it has one) in <title>, the description and the loading screen. */
export function applyEditionToHtml(html: string, dataset: Pick<Dataset, 'title' | 'dek' | 'articles'>): string {
  const title = escapeHtml(dataset.title);
  const n = dataset.articles.length;
  const description = escapeHtml(`${dataset.dek ? `${dataset.dek} ` : ''}A timeline built from ${n === 1 ? 'one article' : `${n} articles`}: ` +
    'every event carries verbatim quotes that link to the passage of their source.');
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title} — a source-grounded timeline</title>`)
    .replace(/(<meta name="description" content=")[^"]*(")/, (_m, a: string, b: string) => `${a}${description}${b}`)
    .replace(/(<p class="boot-title">)[^<]*(<\/p>)/, (_m, a: string, b: string) => `${a}${title}${b}`);
}
