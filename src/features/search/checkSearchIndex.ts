/**
 * The search worker's check of a search index: the same rules as `searchIndexSchema`
 * (archiveSchema.ts), plus columns of one length, written as plain loops because zod's
 * check of 5,000,000 values took about a second (bench/searchBench.ts). Pure.
 */
import type { SearchIndex } from '../../data/archiveSchema.ts';

const STRING_COLUMNS = ['ids', 'days', 'titles'] as const;
const INT_COLUMNS = ['lanes', 'chunks'] as const;

/** The index, or the first problem found, as "field: what was expected, what was found". */
export function checkSearchIndex(value: unknown): { ok: true; index: SearchIndex } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: `expected an object, got ${describe(value)}` };
  const v = value as Record<string, unknown>;
  if (v.version !== 2) return { ok: false, problem: `version: expected 2, got ${JSON.stringify(v.version) ?? 'nothing'}` };
  const ids = v.ids;
  if (!Array.isArray(ids)) return { ok: false, problem: `ids: expected an array, got ${describe(ids)}` };
  for (const name of [...STRING_COLUMNS, ...INT_COLUMNS]) {
    const column = v[name];
    if (!Array.isArray(column)) return { ok: false, problem: `${name}: expected an array, got ${describe(column)}` };
    if (column.length !== ids.length) return { ok: false, problem: `${name}: expected ${ids.length} entries (one per id), got ${column.length}` };
  }
  for (const name of STRING_COLUMNS) {
    const column = v[name] as unknown[];
    for (let i = 0; i < column.length; i++) {
      if (typeof column[i] !== 'string') return { ok: false, problem: `${name}[${i}]: expected a string, got ${describe(column[i])}` };
    }
  }
  for (const name of INT_COLUMNS) {
    const column = v[name] as unknown[];
    for (let i = 0; i < column.length; i++) {
      if (!Number.isSafeInteger(column[i])) return { ok: false, problem: `${name}[${i}]: expected an integer, got ${describe(column[i])}` };
    }
  }
  return { ok: true, index: v as SearchIndex };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return value === undefined ? 'nothing' : String(value);
}
