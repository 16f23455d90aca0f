/**
 * Reads the pipeline's inputs from disk: the site file, every article
 * (`<id>.txt` with its `<id>.json` metadata) and the events file. It only
 * reads and parses; validation problems come back as messages that name the
 * file, the item and the field, so that the caller can report them all.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ZodError } from 'zod';
import { articleMetaSchema, eventInputSchema, siteSchema, type ArticleMeta, type EventInput } from './inputSchema.ts';

export type RawArticle = { meta: ArticleMeta; raw: string; file: string };
export type Inputs = {
  title: string;
  articles: RawArticle[];
  /** Events that passed their shape check, with the file they came from. */
  events: EventInput[];
  eventsFile: string;
  errors: string[];
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

function valueAt(value: unknown, keys: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function readText(file: string, errors: string[], root = process.cwd()): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    errors.push(`${path.relative(root, file) || file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return null;
  }
}

/** Reads everything under `contentDir` (and `eventsFile`, default `<contentDir>/events.yaml`). */
export function readInputs(contentDir: string, eventsFile = path.join(contentDir, 'events.yaml'), root = process.cwd()): Inputs {
  const errors: string[] = [];
  const rel = (f: string) => path.relative(root, f) || f;
  const siteFile = path.join(contentDir, 'site.json');
  let title = '';
  const siteText = readText(siteFile, errors);
  if (siteText !== null) {
    const site = siteSchema.safeParse(parseJson(siteText, rel(siteFile), errors));
    if (site.success) title = site.data.title;
    else errors.push(...describeIssues(rel(siteFile), 'site', site.error, null));
  }

  const articleDir = path.join(contentDir, 'articles');
  const articles: RawArticle[] = [];
  const names = fs.existsSync(articleDir) ? fs.readdirSync(articleDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (names.length === 0) errors.push(`${rel(articleDir)}: no articles (*.txt) found`);
  for (const name of names) {
    const id = name.slice(0, -'.txt'.length);
    const metaFile = path.join(articleDir, `${id}.json`);
    const raw = readText(path.join(articleDir, name), errors);
    const metaText = readText(metaFile, errors);
    if (raw === null || metaText === null) continue;
    const json = parseJson(metaText, rel(metaFile), errors);
    if (json === undefined) continue;
    const meta = articleMetaSchema.safeParse(json);
    if (!meta.success) {
      errors.push(...describeIssues(rel(metaFile), `article "${id}"`, meta.error, json));
    } else if (meta.data.id !== id) {
      errors.push(`${rel(metaFile)}: article "${id}" → id: expected "${id}" (the file's name), got "${meta.data.id}"`);
    } else {
      articles.push({ meta: meta.data, raw, file: rel(path.join(articleDir, name)) });
    }
  }

  const events: EventInput[] = [];
  const eventsText = readText(eventsFile, errors);
  if (eventsText !== null) {
    const doc = YAML.parseDocument(eventsText, { prettyErrors: true });
    if (doc.errors.length) {
      errors.push(...doc.errors.map((e) => `${rel(eventsFile)}: not valid YAML: ${e.message.split('\n')[0]}`));
    } else {
      const list: unknown = doc.toJS();
      if (!Array.isArray(list)) {
        errors.push(`${rel(eventsFile)}: expected a list of events, got ${list === null ? 'an empty file' : Array.isArray(list) ? 'a list' : typeof list === 'object' ? 'a mapping' : typeof list}`);
      } else {
        list.forEach((item: unknown, i) => {
          const id = (item as { id?: unknown } | null)?.id;
          const name = typeof id === 'string' ? `event "${id}"` : `event #${i + 1}`;
          const parsed = eventInputSchema.safeParse(item);
          if (parsed.success) events.push(parsed.data);
          else errors.push(...describeIssues(rel(eventsFile), name, parsed.error, item));
        });
      }
    }
  }
  return { title, articles, events, eventsFile: rel(eventsFile), errors };
}

function parseJson(text: string, file: string, errors: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push(`${file}: not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}
