/**
 * Data in (`npm run import`): turns a TimelineJS JSON export, a CSV laid out as TimelineJS's
 * spreadsheet template, or our own CSV export into draft events. Every row is either converted
 * or rejected with its row number and why. A draft event is not publishable: with no quote
 * located in an article it is marked `unsourced`, and the pipeline refuses it until an editor
 * grounds it (draftYaml writes the file). Pure: text in, drafts out.
 */
import { ID_PATTERN, type Category } from '../src/data/schema.ts';
import { DEFAULT_CATEGORIES } from '../src/lib/categories.ts';
import { isCalendarDay } from '../src/lib/time/calendarDay.ts';
import { CSV_COLUMNS } from './exportCsv.ts';
import { readCsv } from './readCsv.ts';

export type DraftEvent = {
  /** Where it came from: "row 3" (CSV) or "event 3" (TimelineJS JSON). */
  from: string;
  id: string;
  date: string;
  end?: string;
  key?: boolean;
  title: string;
  summary: string;
  /** Absent when the group matched no category: the editor chooses (`group` says what it was). */
  category?: Category;
  group?: string;
  quotes: Array<{ article: string; text: string }>;
  /** Quoted words the source gave without an article to find them in (TimelineJS blockquotes). */
  unlocated: string[];
  displayDate?: string;
};
export type Rejected = { from: string; reason: string };
export type ImportResult = { format: string; events: DraftEvent[]; rejected: Rejected[] };

/** The columns of TimelineJS's Google-sheet template, as its header row names them. */
export const TIMELINEJS_COLUMNS = [
  'Year', 'Month', 'Day', 'Time', 'End Year', 'End Month', 'End Day', 'End Time', 'Display Date', 'Headline', 'Text',
  'Media', 'Media Credit', 'Media Caption', 'Media Thumbnail', 'Type', 'Group', 'Background',
] as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML as plain text: tags dropped (a break or a block end becomes a space), entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/blockquote|\/h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A kebab-case slug of a headline (accents dropped), at most about 60 characters. */
export function slugify(text: string): string {
  const slug = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60).replace(/-+$/, '');
}

/** The edition's categories, as an import matches a group against them. */
export type GroupCategories = ReadonlyArray<{ id: Category; label: string }>;

/** The category of the edition a group names (by id or by label, any case), or undefined. */
export function categoryOfGroup(group: string, categories: GroupCategories = DEFAULT_CATEGORIES): Category | undefined {
  const g = group.trim().toLowerCase();
  return categories.find((c) => c.id === g || c.label.toLowerCase() === g)?.id;
}

type Parts = { year?: unknown; month?: unknown; day?: unknown };
const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** A calendar day from year, month and day parts, or why not. */
function dayOf(parts: Parts, what: string): { day?: string; error?: string } {
  if (blank(parts.year) && blank(parts.month) && blank(parts.day)) return {};
  const missing = (['year', 'month', 'day'] as const).filter((k) => blank(parts[k]));
  if (missing.length) return { error: `bad ${what} date: no ${missing.join(' or ')} (the timeline places each event on a day)` };
  const [y, m, d] = [parts.year, parts.month, parts.day].map((v) => String(v).trim());
  if (!/^\d{1,4}$/.test(y!) || !/^\d{1,2}$/.test(m!) || !/^\d{1,2}$/.test(d!) || Number(y) < 1) {
    return { error: `bad ${what} date: expected numbers, got year "${y}", month "${m}", day "${d}"` };
  }
  const day = `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isCalendarDay(day) ? { day } : { error: `bad ${what} date: ${day} is not a real calendar day` };
}

/** Splits the blockquotes out of a TimelineJS text: the rest is the summary. */
function splitText(html: string): { summary: string; unlocated: string[] } {
  const unlocated: string[] = [];
  const rest = html.replace(/<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>\s*(<p>\s*(—|&mdash;)[\s\S]*?<\/p>)?/gi, (_, q: string) => {
    const words = htmlToText(q);
    if (words) unlocated.push(words);
    return ' ';
  });
  return { summary: htmlToText(rest), unlocated };
}

type Row = {
  from: string; start: Parts; end: Parts; headline: string; html: string; group: string;
  type?: string; id?: string; displayDate?: string;
};

/** One TimelineJS row (from JSON or the sheet) as a draft event, or why not. */
function convert(row: Row, categories: GroupCategories): DraftEvent | Rejected {
  const reject = (reason: string): Rejected => ({ from: row.from, reason });
  const type = row.type?.trim().toLowerCase();
  if (type === 'title') return reject('a title slide, not an event');
  if (type === 'era') return reject('an era (a span drawn behind the events), not an event');
  const title = htmlToText(row.headline);
  const start = dayOf(row.start, 'start');
  const end = dayOf(row.end, 'end');
  const problems = [
    !title && 'missing headline',
    start.error ?? (!start.day && 'missing date (no year, month or day)'),
    end.error,
    start.day && end.day && end.day < start.day && `bad end date: ${end.day} is before the start ${start.day}`,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  if (problems.length) return reject(problems.join('; '));
  const { summary, unlocated } = splitText(row.html);
  const category = categoryOfGroup(row.group, categories);
  return {
    from: row.from,
    id: row.id && ID_PATTERN.test(row.id) ? row.id : slugify(title),
    date: start.day!,
    ...(end.day && end.day !== start.day && { end: end.day }),
    title,
    summary,
    ...(category ? { category } : row.group.trim() && { group: row.group.trim() }),
    quotes: [],
    unlocated,
    ...(row.displayDate?.trim() && { displayDate: htmlToText(row.displayDate) }),
  };
}

/** Reads a TimelineJS JSON export (`{ title?, events: [...] }`). */
export function importTimelineJsJson(json: unknown, categories: GroupCategories = DEFAULT_CATEGORIES): ImportResult {
  const events = (json as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return { format: 'TimelineJS JSON', events: [], rejected: [{ from: 'file', reason: 'no "events" list: not a TimelineJS JSON export' }] };
  const rows = events.map((e: Record<string, unknown> | null, i): Row => {
    const text = (e?.text ?? {}) as { headline?: unknown; text?: unknown };
    return {
      from: `event ${i + 1}`,
      start: (e?.start_date ?? {}) as Parts,
      end: (e?.end_date ?? {}) as Parts,
      headline: String(text.headline ?? ''),
      html: String(text.text ?? ''),
      group: String(e?.group ?? ''),
      ...(typeof e?.unique_id === 'string' && { id: e.unique_id }),
      ...(typeof e?.display_date === 'string' && { displayDate: e.display_date }),
    };
  });
  return finish('TimelineJS JSON', rows.map((r) => convert(r, categories)));
}

/** Reads a CSV: TimelineJS's sheet template, or our own export (data/timeline.csv). */
export function importCsv(text: string, categories: GroupCategories = DEFAULT_CATEGORIES): ImportResult {
  const { rows, error } = readCsv(text);
  const [header, ...data] = rows;
  const rejectedFile = (format: string, reason: string): ImportResult => ({ format, events: [], rejected: [{ from: 'file', reason }] });
  if (!header) return rejectedFile('CSV', 'empty: no header row');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const col = (name: string) => names.indexOf(name.toLowerCase());
  const ours = CSV_COLUMNS.every((c) => names.includes(c));
  const sheet = ['year', 'month', 'day', 'headline'].every((c) => names.includes(c));
  if (!ours && !sheet) {
    return rejectedFile('CSV', `row 1: expected the header of TimelineJS's template (${TIMELINEJS_COLUMNS.join(', ')}) or of data/timeline.csv (${CSV_COLUMNS.join(', ')}), got ${header.cells.join(', ')}`);
  }
  const results = data.map(({ row, cells }) => {
    const get = (name: string) => (col(name) >= 0 ? cells[col(name)] ?? '' : '');
    return ours ? convertOurs(row, get, categories) : convert({
      from: `row ${row}`,
      start: { year: get('Year'), month: get('Month'), day: get('Day') },
      end: { year: get('End Year'), month: get('End Month'), day: get('End Day') },
      headline: get('Headline'), html: get('Text'), group: get('Group'), type: get('Type'), displayDate: get('Display Date'),
    }, categories);
  });
  const result = finish(ours ? 'CSV (data/timeline.csv)' : 'CSV (TimelineJS template)', results);
  if (error) result.rejected.push({ from: 'file', reason: error });
  return result;
}

/** A row of our own CSV export: its quotes name their articles, so the pipeline can check them. */
function convertOurs(row: number, get: (name: string) => string, categories: GroupCategories): DraftEvent | Rejected {
  const from = `row ${row}`;
  const [date, end, title, category] = [get('date').trim(), get('end').trim(), get('title').trim(), get('category').trim()];
  const problems = [
    !title && 'missing title',
    !isCalendarDay(date) && `bad date: expected YYYY-MM-DD, got "${date}"`,
    end && !isCalendarDay(end) && `bad end date: expected YYYY-MM-DD, got "${end}"`,
    end && isCalendarDay(end) && isCalendarDay(date) && end < date && `bad end date: ${end} is before the start ${date}`,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  if (problems.length) return { from, reason: problems.join('; ') };
  // One quote a line, "article-id: words"; a line that does not start so continues the quote before.
  const quotes: Array<{ article: string; text: string }> = [];
  for (const line of get('quotes').split(/\r?\n/)) {
    const m = /^([a-z0-9]+(?:-[a-z0-9]+)*): (.*)$/.exec(line);
    if (m) quotes.push({ article: m[1]!, text: m[2]! });
    else if (quotes.length) quotes[quotes.length - 1]!.text += `\n${line}`;
  }
  const id = get('id').trim();
  const known = categoryOfGroup(category, categories);
  return {
    from, id: ID_PATTERN.test(id) ? id : slugify(title), date, ...(end && end !== date && { end }),
    ...(get('key').trim() === 'true' && { key: true }),
    title, summary: get('summary').trim(),
    ...(known ? { category: known } : category && { group: category }),
    quotes, unlocated: [],
  };
}

/** Splits results into events and rejections, and makes ids unique (a second "x" becomes "x-2"). */
function finish(format: string, results: Array<DraftEvent | Rejected>): ImportResult {
  const events: DraftEvent[] = [];
  const rejected: Rejected[] = [];
  const taken = new Set<string>();
  for (const r of results) {
    if ('reason' in r) { rejected.push(r); continue; }
    const base = r.id || `event-${r.from.replace(/\D/g, '')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    events.push({ ...r, id });
  }
  return { format, events, rejected };
}
