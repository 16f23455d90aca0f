/**
 * The URL is the state: what is selected and shown, as query parameters on
 * the app's own page (so any static host serves every link). This module
 * turns a query string into typed state plus polite notices about what it
 * had to ignore, and state back into one canonical query string. It never
 * throws, whatever the input; it knows nothing of the dataset (see
 * resolveUrlState for ids, quote numbers and windows) beyond the edition's
 * category ids, which `cat=` names (configured at load, or passed in).
 */
import { ID_PATTERN as ID } from '../../data/contract.ts';
import type { Category } from '../../data/schema.ts';
import { categoryIds } from '../categories.ts';
import { isCalendarDay, type CalendarDay } from '../time/calendarDay.ts';

export type UrlState = {
  /** Selected event id. */
  event: string | null;
  /** A day asked for by ?date= (resolved to an event by resolveUrlState). */
  date: CalendarDay | null;
  /** Article open in the source reader. */
  source: string | null;
  /** 1-based quote of the selected event to mark in the reader. */
  quote: number | null;
  /** Visible window of the timeline, whole days; null = fit all. */
  from: CalendarDay | null;
  to: CalendarDay | null;
  /** Text search. */
  q: string;
  /** Categories shown; null = all. */
  cat: Category[] | null;
  /** Compact layout for an <iframe>. */
  embed: boolean;
  /** Axis scale; null = the default (story). */
  scale: 'time' | 'story' | null;
  /** Only events the sources date (to a day or a range); false = every event. */
  dated: boolean;
};

export type Notice = { param: string; message: string };

export const EMPTY_STATE: UrlState = {
  event: null, date: null, source: null, quote: null, from: null, to: null, q: '', cat: null, embed: false, scale: null, dated: false,
};

/** Longest value kept from a URL; longer ones are ignored (ids) or cut (search). */
export const MAX_VALUE = 200;
const ORDER = ['event', 'date', 'source', 'quote', 'from', 'to', 'q', 'cat', 'dated', 'scale', 'embed'] as const;
type Param = (typeof ORDER)[number];
const KNOWN = new Set<string>(ORDER);

/** A value as a user would recognise it in a notice: short, and printable. */
export function quoteValue(value: string): string {
  const printable = [...value].map((c) => (/[\p{Cc}\p{Cf}]/u.test(c) ? '�' : c)).join('');
  return `“${printable.length > 40 ? `${printable.slice(0, 39)}…` : printable}”`;
}

/** Splits a query string into [name, value] pairs, tolerating malformed percent-encoding. */
function readPairs(search: string): Array<[string, string, boolean]> {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query) return [];
  return query.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    const [rawName, rawValue] = eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    const name = decode(rawName);
    const value = decode(rawValue);
    // A name with a broken escape is no parameter of ours: name it as it was written.
    return [name.broken ? rawName : name.text, value.text, value.broken];
  });
}

const utf8 = new TextDecoder();

/** Decodes percent-escapes; a broken one (such as %E0%A4%A) is decoded as far as it goes and reported. */
function decode(raw: string): { text: string; broken: boolean } {
  const plus = raw.replace(/\+/g, ' ');
  try {
    return { text: decodeURIComponent(plus), broken: false };
  } catch {
    // Each run of %XX bytes is UTF-8: decode it leniently (invalid bytes become U+FFFD);
    // a % not followed by two hex digits stays as written.
    const text = plus.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
      utf8.decode(Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16))));
    return { text, broken: true };
  }
}

/** At most `max` characters, never cutting a character in half. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** Parses a query string (with or without "?") into state and notices, `cat=` against the edition's category ids. Never throws. */
export function parseUrlState(search: string, categories: readonly Category[] = categoryIds()): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  const seen = new Map<Param, string>();
  for (const [name, value, broken] of readPairs(search)) {
    // A broken %-escape in an id or a name is reported by the checks below; in free text, here.
    if (broken && name === 'q' && !seen.has('q')) {
      notices.push({ param: 'q', message: 'The search in the link has a broken %-escape; read it as far as it goes.' });
    }
    if (!KNOWN.has(name)) {
      if (name !== '') notices.push({ param: name.slice(0, MAX_VALUE), message: `Ignored the unknown link parameter ${quoteValue(name)}.` });
      continue;
    }
    const param = name as Param;
    if (seen.has(param)) {
      notices.push({ param, message: `The link gives “${param}” more than once; used the first.` });
      continue;
    }
    seen.set(param, value);
  }

  const state: UrlState = { ...EMPTY_STATE };
  const tooLong = (param: string, value: string) => {
    // Characters, not UTF-16 units, as the serialiser cuts them.
    const length = value.length <= MAX_VALUE ? value.length : Array.from(value).length;
    if (length <= MAX_VALUE) return false;
    notices.push({ param, message: `Ignored “${param}”: its value is too long (${length} characters).` });
    return true;
  };
  const id = (param: 'event' | 'source') => {
    const value = seen.get(param);
    if (value === undefined || tooLong(param, value)) return null;
    if (!ID.test(value)) {
      notices.push({ param, message: `Ignored “${param}”: ${quoteValue(value)} is not a valid id.` });
      return null;
    }
    return value;
  };
  const day = (param: 'date' | 'from' | 'to') => {
    const value = seen.get(param);
    if (value === undefined || tooLong(param, value)) return null;
    if (isCalendarDay(value)) return value;
    notices.push({ param, message: `Ignored “${param}”: ${quoteValue(value)} is not a date written as YYYY-MM-DD.` });
    return null;
  };

  state.event = id('event');
  state.date = day('date');
  if (state.event && state.date) {
    notices.push({ param: 'date', message: 'The link names both an event and a date; showed the event.' });
    state.date = null;
  }
  state.source = id('source');
  const quote = seen.get('quote');
  if (quote !== undefined && !tooLong('quote', quote)) {
    if (/^[1-9]\d{0,3}$/.test(quote)) state.quote = Number(quote);
    else notices.push({ param: 'quote', message: `Ignored “quote”: ${quoteValue(quote)} is not a quote number (1, 2, …).` });
  }
  state.from = day('from');
  state.to = day('to');
  if ((state.from === null) !== (state.to === null)) {
    notices.push({ param: state.from ? 'to' : 'from', message: 'A visible window needs both “from” and “to”; showed all dates.' });
    state.from = state.to = null;
  } else if (state.from && state.to && state.from > state.to) {
    notices.push({ param: 'from', message: `Ignored the window: “from” (${state.from}) comes after “to” (${state.to}).` });
    state.from = state.to = null;
  }
  const q = seen.get('q');
  if (q !== undefined && !tooLong('q', q)) state.q = q.trim();
  const cat = seen.get('cat');
  if (cat !== undefined && !tooLong('cat', cat)) {
    const names = cat.split(',').filter(Boolean);
    const valid = names.filter((c) => categories.includes(c));
    const invalid = names.filter((c) => !categories.includes(c));
    if (invalid.length) notices.push({ param: 'cat', message: `Ignored the unknown ${invalid.length === 1 ? 'category' : 'categories'} ${invalid.map(quoteValue).join(', ')}.` });
    const unique = categories.filter((c) => valid.includes(c));
    // None or all of them is the default: every category shown.
    state.cat = unique.length === 0 || unique.length === categories.length ? null : unique;
  }
  const dated = seen.get('dated');
  if (dated !== undefined) {
    if (dated === '1' || dated === 'true' || dated === '') state.dated = true;
    else if (dated !== '0' && dated !== 'false') notices.push({ param: 'dated', message: `Ignored “dated”: ${quoteValue(dated)} is not 1 or 0.` });
  }
  const scale = seen.get('scale');
  if (scale !== undefined) {
    if (scale === 'time' || scale === 'story') state.scale = scale === 'story' ? null : scale;
    else notices.push({ param: 'scale', message: `Ignored “scale”: ${quoteValue(scale)} is not “story” or “time”.` });
  }
  const embed = seen.get('embed');
  if (embed !== undefined) {
    if (embed === '1' || embed === 'true' || embed === '') state.embed = true;
    else if (embed !== '0' && embed !== 'false') notices.push({ param: 'embed', message: `Ignored “embed”: ${quoteValue(embed)} is not 1 or 0.` });
  }
  if (state.quote !== null && state.source === null) {
    notices.push({ param: 'quote', message: 'Ignored “quote”: it needs a source to open.' });
    state.quote = null;
  }
  return { state, notices };
}

/** The canonical query string of a state: fixed order (categories in the edition's), defaults left out ('' when all are defaults). */
export function serializeUrlState(state: UrlState, categories: readonly Category[] = categoryIds()): string {
  const params: Array<[string, string]> = [];
  if (state.event) params.push(['event', state.event]);
  else if (state.date) params.push(['date', state.date]);
  if (state.source) {
    params.push(['source', state.source]);
    if (state.quote !== null) params.push(['quote', String(state.quote)]);
  }
  if (state.from && state.to) params.push(['from', state.from], ['to', state.to]);
  // toWellFormed: a lone surrogate would make encodeURIComponent throw.
  const q = cut(state.q.trim(), MAX_VALUE).toWellFormed();
  if (q) params.push(['q', q]);
  if (state.cat && state.cat.length < categories.length) {
    params.push(['cat', categories.filter((c) => state.cat!.includes(c)).join(',')]);
  }
  if (state.dated) params.push(['dated', '1']);
  if (state.scale === 'time') params.push(['scale', 'time']);
  if (state.embed) params.push(['embed', '1']);
  if (params.length === 0) return '';
  return `?${params.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&')}`;
}
