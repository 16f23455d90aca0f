/**
 * Reads the pipeline's inputs from disk: the site file, every article
 * (`<id>.txt` with its `<id>.json` metadata) and the events file. It only
 * reads and parses; validation problems come back as messages that name the
 * file, the item and the field, so that the caller can report them all.
 * It reads only regular files inside the content folder (a symbolic link or
 * a path out of it is refused), as UTF-8 only, within size limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CategoryInfo } from '../src/data/schema.ts';
import type { ZodError } from 'zod';
import { articleMetaSchema, siteSchema, type ArticleMeta, type EventInput } from './inputSchema.ts';
import { checkEventItem, parseEventsFile, valueAt, type EventsSource } from './eventsSource.ts';
import { cleanArticle } from './cleanArticle.ts';

/** Size limits: far above any real article or events file, far below what would exhaust memory. */
export const LIMITS = { articleBytes: 2 * 1024 * 1024, metaBytes: 256 * 1024, eventsBytes: 8 * 1024 * 1024, yamlAliases: 100 };

export type RawArticle = { meta: ArticleMeta; raw: string; file: string };
export type Inputs = {
  title: string;
  /** The licence line of content/site.json, when it has one. */
  licence?: string;
  /** The dek and the categories of content/site.json, when it has them. */
  site?: { dek?: string; categories?: CategoryInfo[] };
  articles: RawArticle[];
  /** Events that passed their shape check, with the file they came from. */
  events: EventInput[];
  eventsFile: string;
  errors: string[];
  /** Events kept with stand-ins for fields that failed their check: the later checks of these fields are skipped. */
  eventSkips?: Map<EventInput, Set<string>>;
  /** The item number (0-based) of each event in the events file. */
  eventIndexes?: Map<EventInput, number>;
  /** The events file's lines, for messages that name the line. */
  eventsSource?: EventsSource;
  /** Articles kept although their `published` day is not valid (already reported): dates from them cannot be checked. */
  undatedArticles?: Set<string>;
};

/** Formats a zod error as one message per issue: `file: item → field: message (got …)`. */
export function describeIssues(file: string, item: string, error: ZodError, value: unknown): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(whole item)';
    const got = valueAt(value, issue.path);
    const shown = got === undefined ? 'nothing' : JSON.stringify(got);
    return `${file}: ${item} → ${field}: ${issue.message}, got ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
  });
}


/**
 * Reads `file` as UTF-8 text: only a regular file (no symbolic link) inside `within`, at most `limit`
 * bytes, valid UTF-8 (a byte-order mark is kept, so byte offsets stay those of the file).
 * Returns null after pushing one error that names the file.
 */
function readText(file: string, errors: string[], root: string, within: string | null, limit: number): string | null {
  const name = path.relative(root, file) || file;
  const fail = (why: string) => (errors.push(`${name}: ${why}`), null);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (stat.isSymbolicLink()) return fail('is a symbolic link; the pipeline reads only regular files inside the content folder');
  if (!stat.isFile()) return fail('is not a regular file');
  if (within !== null) {
    const inside = path.relative(fs.realpathSync(within), fs.realpathSync(file));
    if (inside.startsWith('..') || path.isAbsolute(inside)) return fail(`is outside the content folder ${path.relative(root, within) || within}`);
  }
  if (stat.size > limit) return fail(`is ${stat.size} bytes, over the limit of ${limit} bytes`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    return fail(`line ${lineOf(bytes, bad)}: not UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save the file as UTF-8`);
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i += 1; continue; }
    // Lengths and the allowed range of the second byte (no overlongs, no surrogates, nothing past U+10FFFF).
    const [n, lo, hi] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
        : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (n === 0) return i;
    if (i + 1 >= bytes.length || bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** The 1-based line of byte `offset`, counting LF, CRLF and lone CR as line ends. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** Any line ending as LF, for the parsers (article text keeps its own, for byte offsets). */
const toLf = (text: string) => text.replace(/\r\n?/g, '\n');

/** Reads everything under `contentDir` (and `eventsFile`, default `<contentDir>/events.yaml`). */
export function readInputs(contentDir: string, eventsFile = path.join(contentDir, 'events.yaml'), root = process.cwd()): Inputs {
  const errors: string[] = [];
  const undatedArticles = new Set<string>();
  const rel = (f: string) => path.relative(root, f) || f;
  const siteFile = path.join(contentDir, 'site.json');
  let title = '';
  let licence: string | undefined;
  let siteExtras: Inputs['site'];
  const siteText = readText(siteFile, errors, root, contentDir, LIMITS.metaBytes);
  if (siteText !== null) {
    const siteJson = parseJson(toLf(siteText), rel(siteFile), errors);
    const site = siteSchema.safeParse(siteJson);
    if (site.success) ({ title, licence, ...siteExtras } = site.data);
    else errors.push(...describeIssues(rel(siteFile), 'site', site.error, siteJson));
  }

  const articleDir = path.join(contentDir, 'articles');
  const articles: RawArticle[] = [];
  const names = fs.existsSync(articleDir) ? fs.readdirSync(articleDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (names.length === 0) errors.push(`${rel(articleDir)}: no articles (*.txt) found`);
  for (const name of names) {
    const id = name.slice(0, -'.txt'.length);
    const textFile = path.join(articleDir, name);
    const metaFile = path.join(articleDir, `${id}.json`);
    const raw = readText(textFile, errors, root, contentDir, LIMITS.articleBytes);
    const metaText = readText(metaFile, errors, root, contentDir, LIMITS.metaBytes);
    if (raw === null || metaText === null) continue;
    const json = parseJson(toLf(metaText), rel(metaFile), errors);
    if (json === undefined) continue;
    const meta = readMeta(json, id, rel(metaFile), errors);
    if (meta === null) continue;
    if (meta.undated) undatedArticles.add(id);
    if (cleanArticle(raw, meta.meta.headline).paragraphs.length === 0) {
      errors.push(`${rel(textFile)}: article "${id}" has no text (the file is empty, or holds only its headline and page furniture)`);
    }
    articles.push({ meta: meta.meta, raw, file: rel(textFile) });
  }

  const events: EventInput[] = [];
  const eventSkips = new Map<EventInput, Set<string>>();
  const eventIndexes = new Map<EventInput, number>();
  let eventsSource: EventsSource | undefined;
  const inside = path.relative(contentDir, eventsFile);
  const eventsInContent = !inside.startsWith('..') && !path.isAbsolute(inside);
  const eventsText = readText(eventsFile, errors, root, eventsInContent ? contentDir : null, LIMITS.eventsBytes);
  const parsedEvents = eventsText === null ? null : parseEvents(toLf(eventsText), rel(eventsFile), errors);
  if (parsedEvents) {
    eventsSource = parsedEvents.source;
    for (const { index, value: item } of parsedEvents.items) {
      const id = (item as { id?: unknown } | null)?.id;
      const name = typeof id === 'string' ? `event "${id}"` : `event #${index + 1}`;
      // An imported draft (npm run import) marks an event with no located quote: never publish it.
      if ((item as { unsourced?: unknown } | null)?.unsourced !== undefined) {
        errors.push(`${rel(eventsFile)}: ${name} → unsourced: ground it in an article's words before it can be published (add its quotes and dateEvidence, then remove \`unsourced: true\`)`);
        continue;
      }
      // Field by field: a bad field is reported and the event's other fields are still checked.
      const checked = checkEventItem(item, index);
      for (const { field, message } of checked.errors) errors.push(`${rel(eventsFile)}: ${name} → ${field}: ${message}`);
      if (!checked.event) continue;
      events.push(checked.event);
      eventIndexes.set(checked.event, index);
      if (checked.errors.length) eventSkips.set(checked.event, checked.skip);
    }
  }
  return { title, ...(licence !== undefined && { licence }), ...(siteExtras && { site: siteExtras }), articles, events, eventsFile: rel(eventsFile), errors, undatedArticles, eventSkips, eventIndexes, eventsSource };
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

/** Parses the events file; syntax problems are pushed each with its line, and the items they do not touch come back. */
function parseEvents(text: string, file: string, errors: string[]): { items: Array<{ index: number; value: unknown }>; source: EventsSource } | null {
  const tab = /^[ ]*\t/m.exec(text);
  if (tab) {
    const line = text.slice(0, tab.index).split('\n').length;
    errors.push(`${file}: not valid YAML: line ${line}: a tab in the indentation; YAML indents with spaces only`);
    return null;
  }
  const parsed = parseEventsFile(text, file, LIMITS.yamlAliases);
  errors.push(...parsed.errors);
  if (parsed.notAList) errors.push(`${file}: expected a list of events, got ${parsed.notAList}`);
  return parsed.items ? { items: parsed.items, source: parsed.source } : null;
}

function parseJson(text: string, file: string, errors: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push(`${file}: not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}
