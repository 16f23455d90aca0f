/**
 * The edition's categories for the helpers that propose them (draft, import): content/site.json's
 * list when it has one, else the first edition's four. Read leniently: `npm run data` is what
 * checks the file and reports its mistakes; a helper only needs the ids and labels it can read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Category } from '../src/data/schema.ts';
import { DEFAULT_CATEGORIES } from '../src/lib/categories.ts';

export type NamedCategory = { id: Category; label: string };

/** The categories of `contentDir/site.json` (ids and labels, in its order), or the default four. */
export function readSiteCategories(contentDir: string): NamedCategory[] {
  try {
    const site = JSON.parse(fs.readFileSync(path.join(contentDir, 'site.json'), 'utf8')) as { categories?: unknown };
    const listed = (Array.isArray(site.categories) ? site.categories : [])
      .filter((c): c is { id: string; label?: unknown } => typeof (c as { id?: unknown } | null)?.id === 'string')
      .map((c) => ({ id: c.id, label: typeof c.label === 'string' ? c.label : c.id }));
    if (listed.length) return listed;
  } catch {
    // No readable site.json: the edition has the default categories.
  }
  return DEFAULT_CATEGORIES.map(({ id, label }) => ({ id, label }));
}
