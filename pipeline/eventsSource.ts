/**
 * The events file as a person wrote it: parsed with the `yaml` package's
 * Document API and a LineCounter, so that every problem can name the line of
 * the event and field it is about, with the YAML of that line. Each event is
 * checked field by field, so that one bad field (a category typo) does not
 * hide the other problems of the same event: the fields that are well formed
 * go on to the quote and date checks. Messages are plain words, never the
 * schema library's.
 */
import YAML, { isMap, isPair, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_CATEGORY_IDS } from '../src/data/schema.ts';
import { eventInputSchema, type EventInput } from './inputSchema.ts';

export type EventsSource = {
  file: string;
  /** The 1-based line of the field at `path` of item `index` (the deepest part of the path that exists). */
  lineOf: (index: number, path: ReadonlyArray<string | number>) => number | undefined;
  /** The text of a 1-based line. */
  line: (n: number) => string;
  /** The ids of the items, in order (undefined where an item has no string id). */
  ids: Array<string | undefined>;
};

/** Damerau-free Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The closest of `choices` to `got` (case-insensitive, a few letters apart), or null. */
export function didYouMean(got: string, choices: readonly string[]): string | null {
  const lower = got.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of choices) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(got.length / 3)) ? best : null;
}

const shown = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const typeWords: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping (field: value lines)',
};

/** One zod issue in plain words: "title is missing", "category "X" is not one of … — did you mean …?". */
export function plainIssue(issue: z.core.$ZodIssue, root: unknown): { field: string; message: string } {
  const path = issue.path.map(String);
  const field = path.length ? path.join('.') : '(whole item)';
  const last = path[path.length - 1] ?? 'the item';
  const got = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (got === undefined) return { field, message: `${last} is missing` };
      return { field, message: `${last} should be ${typeWords[issue.expected] ?? issue.expected}, got ${got === null ? 'nothing (an empty value)' : shown(got)}` };
    case 'invalid_value': {
      const values = issue.values.map(String);
      const hint = typeof got === 'string' ? didYouMean(got, values) : null;
      return { field, message: `${last} ${shown(got)} is not one of ${values.join(', ')}${hint ? ` — did you mean "${hint}"?` : ''}` };
    }
    case 'unrecognized_keys': {
      const known = Object.keys(schemaShapeAt(issue.path) ?? {});
      const words = issue.keys.map((k) => {
        const hint = didYouMean(k, known);
        return `"${k}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
      });
      return { field, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${words.join(', ')}; the fields here are ${known.join(', ')}` };
    }
    case 'too_small':
      if (issue.origin === 'string') return { field, message: `${last} is empty` };
      return { field, message: issue.message.startsWith('Too') ? `${last} is too small` : issue.message };
    case 'invalid_union':
      return { field, message: issue.message.startsWith('Invalid') ? `${last} does not have a valid form, got ${shown(got)}` : `${issue.message}, got ${shown(got)}` };
    default:
      return { field, message: `${issue.message}, got ${got === undefined ? 'nothing' : shown(got)}` };
  }
}

/** The field names of the schema at `path` of an event (only the top level and quotes items are needed for hints). */
function schemaShapeAt(path: readonly PropertyKey[]): Record<string, unknown> | null {
  if (path.length === 0) return eventInputSchema.shape;
  const field = eventInputSchema.shape[path[0] as keyof typeof eventInputSchema.shape];
  if (path[0] === 'quotes' && field) return (field as unknown as { element: { shape: Record<string, unknown> } }).element.shape;
  return null;
}

/** The value at a path of keys in a parsed value, or undefined where the path leaves it. */
export function valueAt(value: unknown, keys: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Fields that, when they fail, make other fields' checks meaningless: those checks are skipped for that event. */
const DEPENDENT: Record<string, string[]> = {
  date: ['date', 'end', 'edtf'],
  end: ['date', 'end', 'edtf'],
  dateEvidence: ['date', 'end', 'edtf', 'dateEvidence'],
  quotes: ['quotes', 'title', 'summary', 'dateEvidence'],
  allow: ['title', 'summary'],
  edtf: ['edtf'],
  category: ['category'],
  title: ['title'],
  summary: ['summary'],
};

/** Stand-ins for a field that failed its check, so that the event's other fields can still be checked. */
const STAND_INS: Record<string, (raw: Record<string, unknown>, index: number) => unknown> = {
  id: (raw, i) => (typeof raw.id === 'string' && raw.id ? raw.id : `event-${i + 1}`),
  date: () => '2000-01-01',
  end: () => undefined,
  key: () => undefined,
  title: () => '-',
  summary: () => '-',
  category: () => '-',
  quotes: () => [{ article: '-', text: '-' }],
  dateEvidence: (raw) => ({ kind: 'undated', article: typeof (raw.dateEvidence as { article?: unknown })?.article === 'string' ? (raw.dateEvidence as { article: string }).article : '-' }),
  edtf: () => undefined,
  after: () => undefined,
  before: () => undefined,
  allow: () => undefined,
};

export type CheckedEvent = { event: EventInput | null; errors: Array<{ field: string; message: string }>; skip: Set<string> };

/** "category "X" is not one of …", with the closest id of the edition when one is near; null when `category` is one. */
export function checkCategory(category: unknown, categories: readonly string[]): string | null {
  if (typeof category !== 'string' || categories.includes(category)) return null;
  const hint = didYouMean(category, categories);
  return `category ${shown(category)} is not one of ${categories.join(', ')}${hint ? ` — did you mean "${hint}"?` : ''}`;
}

/**
 * Checks one item of the events file field by field, its category against the edition's ids
 * (content/site.json's, else the default four). Every problem is reported; the event comes back
 * with stand-ins for its failed fields (and `skip`: the fields whose later checks would only
 * repeat the problem), or null when it is not a mapping at all.
 */
export function checkEventItem(item: unknown, index: number, categories: readonly string[] = DEFAULT_CATEGORY_IDS): CheckedEvent {
  const parsed = eventInputSchema.safeParse(item);
  const unknownCategory = checkCategory((item as { category?: unknown } | null)?.category, categories);
  if (parsed.success) {
    return unknownCategory
      ? { event: parsed.data, errors: [{ field: 'category', message: unknownCategory }], skip: new Set(['category']) }
      : { event: parsed.data, errors: [], skip: new Set() };
  }
  const errors = parsed.error.issues.map((issue) => plainIssue(issue, item));
  if (unknownCategory && !errors.some((e) => e.field === 'category')) errors.push({ field: 'category', message: unknownCategory });
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { event: null, errors, skip: new Set() };
  const raw = item as Record<string, unknown>;
  const patched: Record<string, unknown> = {};
  const skip = new Set<string>();
  const failed = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
  for (const [key, value] of Object.entries(raw)) if (key in eventInputSchema.shape) patched[key] = value;
  for (const key of failed) {
    if (key === '' || !(key in STAND_INS)) continue;
    const issuesHere = parsed.error.issues.filter((i) => i.path[0] === key);
    // A bad quote inside the list: only that quote stands in; the others are still checked.
    if (key === 'quotes' && Array.isArray(raw.quotes) && raw.quotes.length > 0 && issuesHere.every((i) => typeof i.path[1] === 'number')) {
      const bad = new Set(issuesHere.map((i) => i.path[1] as number));
      patched.quotes = raw.quotes.map((q, k) => (bad.has(k) ? { article: '-', text: '-' } : q));
      for (const k of bad) skip.add(`quotes.${k}`);
      for (const f of ['title', 'summary', 'dateEvidence']) skip.add(f);
      continue;
    }
    const value = STAND_INS[key]!(raw, index);
    if (value === undefined) delete patched[key];
    else patched[key] = value;
    for (const f of DEPENDENT[key] ?? []) skip.add(f);
  }
  if (unknownCategory) skip.add('category');
  const retry = eventInputSchema.safeParse(patched);
  return { event: retry.success ? retry.data : null, errors, skip };
}

/** Whether a later problem in `field` only repeats one already reported (see `skip`). */
export function isSkipped(skip: ReadonlySet<string>, field: string): boolean {
  for (const s of skip) if (field === s || field.startsWith(`${s}.`)) return true;
  return false;
}

const YAML_HINTS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^\s*(?:-\s+)?([\w.-]+):\s+'(?:[^']|'')*'(?=\s*[^\s#,\]}])/, (m) => `${m[1]}: a ' inside a single-quoted value ends it early: write '' or use double quotes`],
  [/^\s*(?:-\s+)?([\w.-]+):\s+"(?:[^"\\]|\\.)*"(?=\s*[^\s#,\]}])/, (m) => `${m[1]}: a " inside a double-quoted value ends it early: write \\" or use single quotes`],
  [/^\s*(?:-\s+)?([\w.-]+):\s+[^'"\s][^#]*:\s/, (m) => `${m[1]}: a ": " inside a plain value reads as a new field: put the value in quotes`],
];

/** One YAML syntax error in plain words: the line, a hint for the usual causes, the snippet. */
function plainYamlError(error: YAML.YAMLError, lines: readonly string[]): { line: number; message: string } {
  const line = error.linePos?.[0].line ?? 1;
  for (const at of [line, line - 1]) {
    for (const [re, hint] of YAML_HINTS) {
      const m = lines[at - 1]?.match(re);
      if (m) return { line: at, message: hint(m) };
    }
  }
  return { line, message: `not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
}

/**
 * Parses the events file. Syntax errors come back each with its line; the items that no syntax
 * error touches are still returned (as plain values), so their problems are reported in the same run.
 */
export function parseEventsFile(text: string, file: string, maxAliasCount: number): {
  items: Array<{ index: number; value: unknown }> | null; errors: string[]; source: EventsSource; notAList?: string;
} {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  const lines = text.split('\n');
  const seq = isSeq(doc.contents) ? doc.contents : null;
  const itemNodes = seq ? seq.items : [];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const source: EventsSource = {
    file,
    line: (n) => lines[n - 1] ?? '',
    ids: itemNodes.map((n) => { const id: unknown = isMap(n) ? n.get("id") : undefined; return typeof id === "string" ? id : undefined; }),
    lineOf: (index, path) => {
      let node: unknown = itemNodes[index];
      if (!node) return undefined;
      let line = (node as Node).range ? lineAt((node as Node).range![0]) : undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (keyNode.range) line = lineAt(keyNode.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number' || (isSeq(node) && /^\d+$/.test(String(key)))) {
          const child = (node as YAML.YAMLSeq).items[Number(key)] as Node | undefined;
          if (!child) break;
          if (child.range) line = lineAt(child.range[0]);
          node = child;
        } else break;
      }
      return line;
    },
  };
  const errors: string[] = [];
  const damaged = new Set<number>();
  for (const e of doc.errors) {
    const { line, message } = plainYamlError(e, lines);
    const hit: number[] = [];
    itemNodes.forEach((n, i) => {
      const r = (n as Node | null)?.range;
      if (!r || (e.pos[0] >= r[0] && e.pos[0] <= r[2]) || (e.pos[1] >= r[0] && e.pos[1] <= r[2])) hit.push(i);
    });
    for (const i of hit) damaged.add(i);
    // The event it is in, when one item holds it: "event "x" → title: a ' inside …".
    const id = hit.length === 1 ? source.ids[hit[0]!] : undefined;
    const event = hit.length === 1 ? `event ${id !== undefined ? `"${id}"` : `#${hit[0]! + 1}`} → ` : '';
    errors.push(`${file}:${line}: ${event}${message}\n      ${line} | ${lines[line - 1]?.trimEnd() ?? ''}`);
  }
  if (doc.errors.length && !seq) return { items: null, errors, source };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (e) {
    errors.push(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]} (at most ${maxAliasCount} aliases are expanded)`);
    return { items: null, errors, source };
  }
  if (!Array.isArray(value)) {
    const kind = value === null || value === undefined ? 'an empty file' : typeof value === 'object' ? 'a mapping' : typeof value;
    return { items: null, errors, source, notAList: kind };
  }
  return { items: value.map((v, index) => ({ index, value: v })).filter(({ index }) => !damaged.has(index)), errors, source };
}
