/**
 * HTML intake: an article saved as a web page (`content/articles/<id>.html`).
 * Called by readInputs. Reads the page's metadata (Open Graph, article:*,
 * JSON-LD, the canonical link) and extracts the story with Mozilla's
 * Readability on linkedom (a DOM without a browser; both are devDependencies
 * and never reach the page bundle). The story comes back as text, one block
 * (paragraph, heading, list item, quote, caption) a line, blank lines between:
 * the same shape as a saved `.txt`, so cleanArticle treats both alike and the
 * quotes are verbatim to this extracted text. Pure: no files, no clock.
 */
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export type PageMeta = {
  headline?: string;
  byline?: string;
  publisher?: string;
  /** The publication time as the page writes it, and where it was found. */
  publishedTime?: { value: string; from: 'article:published_time' | 'JSON-LD datePublished' };
  url?: string;
};
export type HtmlArticle = { text: string; meta: PageMeta; by: string };

const require = createRequire(import.meta.url);
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
/** Who extracted the text: it changes with the versions, and so may the text. */
export const EXTRACTOR = `Mozilla Readability ${versionOf('@mozilla/readability')} on linkedom ${versionOf('linkedom')}`;

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, dt, dd, td, th';
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

type Json = Record<string, unknown>;
/** Every object of the page's JSON-LD scripts, flattened through arrays and `@graph`. */
function jsonLdObjects(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if ('@graph' in v) visit((v as Json)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block gives no metadata; Open Graph and the text still do.
    }
  }
  return out;
}

const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return squash(v) || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return squash((v as Json).name as string) || undefined;
  return undefined;
};

/** The page's own metadata: Open Graph and article:* first, then JSON-LD, then the plain tags. */
export function readPageMeta(document: Document): PageMeta {
  const meta = (key: string) => squash(document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')) || undefined;
  const ld = jsonLdObjects(document);
  const fromLd = (key: string) => ld.map((o) => o[key]).find((v) => v !== undefined);
  const ldPublished = fromLd('datePublished');
  const ogPublished = meta('article:published_time');
  const publishedTime = ogPublished ? { value: ogPublished, from: 'article:published_time' as const }
    : typeof ldPublished === 'string' && squash(ldPublished) ? { value: squash(ldPublished), from: 'JSON-LD datePublished' as const } : undefined;
  const canonical = squash(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) || meta('og:url');
  const headline = meta('og:title') ?? nameOf(fromLd('headline')) ?? (squash(document.querySelector('title')?.textContent) || undefined);
  const publisher = meta('og:site_name') ?? nameOf(fromLd('publisher'));
  const byline = nameOf(fromLd('author')) ?? meta('author');
  return {
    ...(headline && { headline }),
    ...(byline && { byline }),
    ...(publisher && { publisher }),
    ...(publishedTime && { publishedTime }),
    ...(canonical && { url: canonical }),
  };
}

/** The story's blocks as lines: a block inside another (a paragraph in a quote) is taken once, by the inner one. */
function blocksAsText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text = squash(el.textContent);
    if (text === '') continue;
    // A caption keeps its label, so that cleanArticle marks it a caption and keeps the label among the removed lines.
    lines.push(el.tagName.toLowerCase() === 'figcaption' ? `Caption: ${text}` : text);
  }
  return lines.join('\n\n') + '\n';
}

/** Reads a saved page: its metadata and its story as text (see the file header); null when Readability finds no story. */
export function readHtml(html: string): HtmlArticle | null {
  const { document } = parseHTML(html);
  const meta = readPageMeta(document as unknown as Document);
  // Readability changes the document it reads: the metadata is taken first.
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return null;
  const text = blocksAsText(article.content);
  const byline = meta.byline ?? (squash(article.byline) || undefined);
  const headline = meta.headline ?? (squash(article.title) || undefined);
  return { text, meta: { ...meta, ...(byline && { byline }), ...(headline && { headline }) }, by: EXTRACTOR };
}
