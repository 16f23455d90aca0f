/**
 * Reads the articles of the content folder for readInputs (and one article
 * for `--show`): `articles/<id>.txt` with its `<id>.json` metadata, or a saved
 * page `articles/<id>.html` (readHtml) whose metadata json is optional; the
 * site rules the metadata names (`sites/<site>.json`, siteRules); and the
 * dateline that gives the publication day (locateDateline). Problems come back
 * as messages that name the file, the article and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { cleanArticle, type CleanArticle } from './cleanArticle.ts';
import { articleMetaSchema, type ArticleMeta } from './inputSchema.ts';
import { locateDateline, type LocatedDateline } from './locateDateline.ts';
import { readHtml, type PageMeta } from './readHtml.ts';
import { describeIssues, LIMITS, parseJson, readText, toLf } from './readTextFile.ts';
import { compileSiteRules, siteRulesSchema, type SiteRules } from './siteRules.ts';
import { isHttpUrl } from '../src/data/schema.ts';

export type RawArticle = {
  meta: ArticleMeta;
  /** The text the pipeline cleans: the `.txt` as received, or the story Readability extracted from the `.html`. */
  raw: string;
  file: string;
  /** The site's cleaning rules, when the metadata names a site. */
  site?: SiteRules;
  /** The dateline that gives `published`, located in `raw`. */
  dateline?: LocatedDateline;
  /** For a saved page: the text was extracted from `file` by `by`. */
  provenance?: { extractedFrom: string; by: string };
};

/** The article cleaned with its site's rules: every step calls this, so all see the same paragraphs. */
export function cleanRawArticle(article: Pick<RawArticle, 'raw' | 'meta' | 'site'>): CleanArticle {
  return cleanArticle(article.raw, article.meta.headline, article.site);
}

type Ctx = { errors: string[]; root: string; contentDir: string };
const relTo = (root: string, f: string) => path.relative(root, f) || f;

/** Every site file under `<content>/sites/`, checked; a bad one is reported (file and field) and left out. */
export function readSites({ errors, root, contentDir }: Ctx): Map<string, SiteRules> {
  const dir = path.join(contentDir, 'sites');
  const sites = new Map<string, SiteRules>();
  if (!fs.existsSync(dir)) return sites;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const site = name.slice(0, -'.json'.length);
    const text = readText(file, errors, root, contentDir, LIMITS.metaBytes);
    if (text === null) continue;
    const json = parseJson(toLf(text), relTo(root, file), errors);
    if (json === undefined) continue;
    const parsed = siteRulesSchema.safeParse(json);
    if (parsed.success) sites.set(site, compileSiteRules(site, parsed.data));
    else errors.push(...describeIssues(relTo(root, file), `site "${site}"`, parsed.error, json));
  }
  return sites;
}

/** The ids of the articles in `<content>/articles/`: each `.txt` or `.html` (with both, one error). */
export function listArticles({ errors, root, contentDir }: Ctx): Array<{ id: string; kind: 'txt' | 'html' }> {
  const dir = path.join(contentDir, 'articles');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const out: Array<{ id: string; kind: 'txt' | 'html' }> = [];
  for (const name of files.filter((f) => f.endsWith('.txt') || f.endsWith('.html')).sort()) {
    const kind = name.endsWith('.txt') ? 'txt' : 'html';
    const id = name.slice(0, -(kind.length + 1));
    if (kind === 'html' && files.includes(`${id}.txt`)) {
      errors.push(`${relTo(root, path.join(dir, name))}: article "${id}" is also ${id}.txt; keep one of the two`);
      continue;
    }
    out.push({ id, kind });
  }
  return out;
}

/** What a saved page's metadata says, as the fields of an article's metadata json. */
function metaFromPage(id: string, page: PageMeta, file: string): Record<string, unknown> {
  const day = page.publishedTime && /^(\d{4}-\d{2}-\d{2})/.exec(page.publishedTime.value)?.[1];
  return {
    id,
    ...(page.headline && { headline: page.headline }),
    publisher: page.publisher ?? null,
    url: page.url && isHttpUrl(page.url) ? page.url : null,
    ...(day && {
      published: day,
      // The day as the publisher wrote it, before any time-zone shift: the page's own calendar.
      publishedEvidence: `The page's metadata (${page.publishedTime!.from}, in ${file}) gives the publication time ${page.publishedTime!.value}: the day as the publisher wrote it.`,
    }),
    ...(page.byline && { byline: page.byline }),
  };
}

/**
 * Reads one article by id; null (after pushing its errors) when it cannot be used.
 * `undated` is true when its `published` day was invalid and a stand-in was used.
 */
export function readArticle(ctx: Ctx, id: string, kind: 'txt' | 'html', sites: ReadonlyMap<string, SiteRules>):
  { article: RawArticle; undated: boolean } | null {
  const { errors, root, contentDir } = ctx;
  const dir = path.join(contentDir, 'articles');
  const textFile = path.join(dir, `${id}.${kind}`);
  const metaFile = path.join(dir, `${id}.json`);
  const rel = (f: string) => relTo(root, f);
  const source = readText(textFile, errors, root, contentDir, kind === 'html' ? LIMITS.htmlBytes : LIMITS.articleBytes);
  const hasMeta = kind === 'txt' || fs.existsSync(metaFile);
  const metaText = hasMeta ? readText(metaFile, errors, root, contentDir, LIMITS.metaBytes) : '{}';
  if (source === null || metaText === null) return null;
  const json = parseJson(toLf(metaText), rel(metaFile), errors);
  if (json === undefined) return null;

  let raw = source;
  let provenance: RawArticle['provenance'];
  let merged = json;
  if (kind === 'html') {
    const page = readHtml(source);
    if (!page) {
      errors.push(`${rel(textFile)}: article "${id}": Readability finds no story in the page; save the article's own page, or its text as ${id}.txt`);
      return null;
    }
    raw = page.text;
    provenance = { extractedFrom: rel(textFile), by: page.by };
    // The json beside the page completes or overrides what the page says.
    merged = { ...metaFromPage(id, page.meta, rel(textFile)), ...(json as object) };
  }
  const metaName = hasMeta ? rel(metaFile) : `${rel(textFile)} (its metadata; ${id}.json may add or override fields)`;
  const meta = readMeta(merged, id, metaName, errors);
  if (meta === null) return null;

  const article: RawArticle = { meta: meta.meta, raw, file: rel(textFile), ...(provenance && { provenance }) };
  if (meta.meta.site !== undefined) {
    const site = sites.get(meta.meta.site);
    if (site) article.site = site;
    else errors.push(`${metaName}: article "${id}" → site: no valid ${rel(path.join(contentDir, 'sites', `${meta.meta.site}.json`))}; known: ${[...sites.keys()].join(', ') || 'none'}`);
  }
  if (meta.meta.publishedDateline && !meta.undated) {
    const located = locateDateline(raw, meta.meta.publishedDateline, meta.meta.published as CalendarDay);
    if (located.ok) article.dateline = located.dateline;
    else errors.push(`${metaName}: article "${id}" → ${located.field}: ${located.error}`);
  }
  if (cleanRawArticle(article).paragraphs.length === 0) {
    errors.push(`${rel(textFile)}: article "${id}" has no text (the file is empty, or holds only its headline and page furniture)`);
  }
  return { article, undated: meta.undated };
}

/** Fields whose problem leaves the article's text usable: the article is kept, so events citing it are still checked. */
const FALLBACKS: Partial<ArticleMeta> = { publisher: null, url: null, published: '1970-01-01' as ArticleMeta['published'], publishedEvidence: '(unknown)' };

/** The article's metadata, or null when even its id or headline is unusable; every problem is reported once. */
function readMeta(json: unknown, id: string, file: string, errors: string[]): { meta: ArticleMeta; undated: boolean } | null {
  const parsed = articleMetaSchema.safeParse(json);
  if (parsed.success) {
    if (parsed.data.id === id) return { meta: parsed.data, undated: false };
    errors.push(`${file}: article "${id}" → id: expected "${id}" (the file's name), got "${parsed.data.id}"`);
    return null;
  }
  errors.push(...describeIssues(file, `article "${id}"`, parsed.error, json));
  const fields = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
  if (![...fields].every((f) => f in FALLBACKS) || (json as { id?: unknown }).id !== id) return null;
  const patched = { ...(json as object), ...Object.fromEntries([...fields].map((f) => [f, FALLBACKS[f as keyof ArticleMeta]])) };
  const retry = articleMetaSchema.safeParse(patched);
  return retry.success ? { meta: retry.data, undated: fields.has('published') } : null;
}
