/**
 * Reads the pipeline's inputs from disk: the site file, every article
 * (readArticle: `<id>.txt` or `<id>.html`, its metadata, its site's rules) and
 * the events file. It only
 * reads and parses; validation problems come back as messages that name the
 * file, the item and the field, so that the caller can report them all.
 * It reads only regular files inside the content folder (a symbolic link or
 * a path out of it is refused), as UTF-8 only, within size limits.
 */
import path from 'node:path';
import { DEFAULT_CATEGORY_IDS, type CategoryInfo } from '../src/data/schema.ts';
import { siteSchema, type EventInput } from './inputSchema.ts';
import { checkEventItem, parseEventsFile, type EventsSource } from './eventsSource.ts';
import { listArticles, readArticle, readSites, type RawArticle } from './readArticle.ts';
import { describeIssues, LIMITS, parseJson, readText, toLf } from './readTextFile.ts';

export { describeIssues, firstInvalidUtf8, LIMITS } from './readTextFile.ts';
export type { RawArticle } from './readArticle.ts';

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

/** Reads everything under `contentDir` (and `eventsFile`, default `<contentDir>/events.yaml`). */
export function readInputs(contentDir: string, eventsFile = path.join(contentDir, 'events.yaml'), root = process.cwd()): Inputs {
  const errors: string[] = [];
  const undatedArticles = new Set<string>();
  const rel = (f: string) => path.relative(root, f) || f;
  const siteFile = path.join(contentDir, 'site.json');
  let title = '';
  let licence: string | undefined;
  let siteExtras: Inputs['site'];
  // The ids events are checked against: the site's, even when another of its fields is wrong (that
  // mistake is reported once, not again for every event of a category the edition does list).
  let categoryIds: readonly string[] = DEFAULT_CATEGORY_IDS;
  const siteText = readText(siteFile, errors, root, contentDir, LIMITS.metaBytes);
  if (siteText !== null) {
    const siteJson = parseJson(toLf(siteText), rel(siteFile), errors);
    const site = siteSchema.safeParse(siteJson);
    if (site.success) ({ title, licence, ...siteExtras } = site.data);
    else errors.push(...describeIssues(rel(siteFile), 'site', site.error, siteJson));
    const listed = (siteJson as { categories?: unknown } | null)?.categories;
    if (Array.isArray(listed) && listed.length > 0) {
      categoryIds = [...new Set(listed.map((c: { id?: unknown } | null) => c?.id).filter((id): id is string => typeof id === 'string'))];
    }
  }

  const ctx = { errors, root, contentDir };
  const sites = readSites(ctx);
  const articles: RawArticle[] = [];
  const listed = listArticles(ctx);
  if (listed.length === 0) errors.push(`${rel(path.join(contentDir, 'articles'))}: no articles (*.txt or *.html) found`);
  for (const { id, kind } of listed) {
    const read = readArticle(ctx, id, kind, sites);
    if (!read) continue;
    if (read.undated) undatedArticles.add(id);
    articles.push(read.article);
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
      const checked = checkEventItem(item, index, categoryIds);
      for (const { field, message } of checked.errors) errors.push(`${rel(eventsFile)}: ${name} → ${field}: ${message}`);
      if (!checked.event) continue;
      events.push(checked.event);
      eventIndexes.set(checked.event, index);
      if (checked.errors.length) eventSkips.set(checked.event, checked.skip);
    }
  }
  return { title, ...(licence !== undefined && { licence }), ...(siteExtras && { site: siteExtras }), articles, events, eventsFile: rel(eventsFile), errors, undatedArticles, eventSkips, eventIndexes, eventsSource };
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
