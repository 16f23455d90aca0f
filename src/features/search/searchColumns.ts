/**
 * Search over the archive's search index (archiveSchema.ts, `searchIndexSchema`): the titles and
 * ids are folded once (as `foldQuery` folds a query) and signed (which characters and pairs of
 * characters each holds); a query checks each row's signature, then `includes` on the few rows
 * whose signature holds the query's. Matches come in index order, which is date order. Pure; the
 * search worker runs it, and so does the page when it has no Worker, a few blocks at a time.
 */
import type { SearchIndex } from '../../data/archiveSchema.ts';
import { foldQuery } from '../../lib/search/filterEvents.ts';

export type SearchColumns = Omit<SearchIndex, 'version'>;
export type SearchHit = { id: string; day: string; lane: number; chunk: number; title: string };
export type SearchQuery = { q: string; lanes: readonly number[] | null; limit: number };
export type SearchAnswer = { total: number; hits: SearchHit[] };

/**
 * Events per block: the unit of folding and scanning, so that the page's fallback (no Worker) and
 * the worker can stop between blocks when a newer query comes.
 */
export const BLOCK_ROWS = 8192;

/**
 * Rows `first` to `first + rows.length - 1`, each as `title\nid` folded (folding leaves no line
 * break, and a folded query has none, so no match spans the two), with a signature of each: which
 * characters it holds (a–z in word 0; digits, the hyphen and the rest hashed in word 1) and which
 * pairs of adjacent characters (hashed to 128 bits, words 2–5). Word w of row k is `sig[k + w·n]`
 * (n rows), so that the first test reads a sixth of the signatures. A row can match only if its
 * signature holds the query's, which leaves a few per cent of rows to check with `includes` for
 * most queries, and none for a query of one letter, digit or hyphen. `common` is what every id of
 * the block begins with (ids often share a prefix, "ev-000…"): a query inside it is in every row,
 * and needs no check either.
 */
export type SearchBlock = { first: number; rows: string[]; sig: Int32Array; common: string };
export type PreparedSearch = { columns: SearchColumns; blocks: SearchBlock[] };

// Printable ASCII folds by lower case alone (no accents, no white space but the space): most titles.
const PLAIN = /^[\x20-\x7e]*$/;

/** `foldQuery(text)`, about ten times faster for a title in printable ASCII. */
export function foldTitle(text: string): string {
  if (!PLAIN.test(text)) return foldQuery(text);
  const lower = text.toLowerCase();
  const single = lower.includes('  ') ? lower.replace(/ {2,}/g, ' ') : lower;
  return single.charCodeAt(0) === 32 || single.charCodeAt(single.length - 1) === 32 ? single.trim() : single;
}

/** Words (32 bits) in a signature: two of characters, four of pairs. */
export const SIGNATURE = 6;
const BREAK = 10;
const HYPHEN = 45;

/** The bit in word 1 of a character that is not a–z nor the space: 0–9 digits, 10 the hyphen, 11–31 the rest, hashed. */
function otherBit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c === HYPHEN) return 10;
  return 11 + ((Math.imul(c, 0x9e3779b1) >>> 0) % 21);
}

/** Whether the bit of this one character says for sure that a row holds it. */
function hasOwnBit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === HYPHEN;
}

/** The signature of `text` (its lines apart: no pair spans a line break) at `sig[at]`, `sig[at + stride]`… */
function sign(text: string, sig: Int32Array, at: number, stride: number): void {
  let letters = 0;
  let others = 0;
  let prev = BREAK;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BREAK) {
      prev = c;
      continue;
    }
    // The space is in nearly every title: its bit would say nothing.
    if (c >= 97 && c <= 122) letters |= 1 << (c - 97);
    else if (c !== 32) others |= 1 << otherBit(c);
    if (prev !== BREAK) {
      const bit = Math.imul(prev * 0x10001 + c, 0x9e3779b1) >>> 25;
      const word = at + (2 + (bit >>> 5)) * stride;
      sig[word] = sig[word]! | (1 << (bit & 31));
    }
    prev = c;
  }
  sig[at] = letters;
  sig[at + stride] = others;
}

/** How many blocks of `size` rows the columns make. */
export function countBlocks(columns: SearchColumns, size = BLOCK_ROWS): number {
  return Math.ceil(columns.ids.length / size);
}

/** Block `b` (of `size` rows) of the columns, folded and signed. */
export function foldBlock(columns: SearchColumns, b: number, size = BLOCK_ROWS): SearchBlock {
  const first = b * size;
  const last = Math.min(columns.ids.length, first + size);
  const rows: string[] = [];
  const sig = new Int32Array(SIGNATURE * (last - first));
  let common: string | null = null;
  for (let i = first; i < last; i++) {
    const id = foldTitle(columns.ids[i]!);
    // join, not +: it makes one flat string, where + would leave a rope for the first search to flatten.
    const row = [foldTitle(columns.titles[i]!), id].join('\n');
    sign(row, sig, rows.length, last - first);
    rows.push(row);
    common = common === null ? id : commonPrefix(common, id);
  }
  return { first, rows, sig, common: common ?? '' };
}

function commonPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n === a.length ? a : a.slice(0, n);
}

/** The columns with every block folded: what `searchColumns` searches. */
export function prepareSearch(columns: SearchColumns, size = BLOCK_ROWS): PreparedSearch {
  const blocks = Array.from({ length: countBlocks(columns, size) }, (_, b) => foldBlock(columns, b, size));
  return { columns, blocks };
}

/** A search under way: the folded query, what it has found so far, and the next block to scan. */
export type SearchScan = {
  readonly q: string;
  /** The signature a row must hold to match (SIGNATURE words). */
  readonly sig: Int32Array;
  /** Whether holding the signature is matching (a query of one letter, digit or hyphen): nothing to check with `includes`. */
  readonly exact: boolean;
  /** mask[lane] is 1 for a lane searched; null for every lane. */
  readonly mask: Uint8Array | null;
  readonly limit: number;
  total: number;
  hits: SearchHit[];
  next: number;
};

/** Starts a search (nothing scanned yet). */
export function beginSearch({ q, lanes, limit }: SearchQuery): SearchScan {
  let mask: Uint8Array | null = null;
  if (lanes) {
    const valid = lanes.filter((l) => Number.isInteger(l) && l >= 0);
    mask = new Uint8Array(valid.reduce((n, l) => Math.max(n, l + 1), 0));
    for (const lane of valid) mask[lane] = 1;
  }
  const folded = foldQuery(q);
  const sig = new Int32Array(SIGNATURE);
  sign(folded, sig, 0, 1);
  const exact = folded.length === 1 && hasOwnBit(folded.charCodeAt(0));
  return { q: folded, sig, exact, mask, limit: Math.max(0, Math.floor(limit)), total: 0, hits: [], next: 0 };
}

function hitAt(columns: SearchColumns, row: number): SearchHit {
  return { id: columns.ids[row]!, day: columns.days[row]!, lane: columns.lanes[row]!, chunk: columns.chunks[row]!, title: columns.titles[row]! };
}

/** Scans up to `blocks` more blocks into `scan` (it is the caller's own accumulator); true once every block is scanned. */
export function continueSearch(prepared: PreparedSearch, scan: SearchScan, blocks = Infinity): boolean {
  const stop = Math.min(prepared.blocks.length, scan.next + blocks);
  for (; scan.next < stop; scan.next++) scanBlock(prepared.columns, prepared.blocks[scan.next]!, scan);
  return scan.next >= prepared.blocks.length;
}

// The hot loop: locals only, the signature test first (it leaves a few per cent of rows for `includes`).
function scanBlock(columns: SearchColumns, block: SearchBlock, scan: SearchScan): void {
  const { q, mask, limit, exact, hits } = scan;
  const [letters = 0, others = 0, p0 = 0, p1 = 0, p2 = 0, p3 = 0] = scan.sig;
  const { first, rows, sig } = block;
  const lanes = columns.lanes;
  const check = !exact && q.length > 0 && !block.common.includes(q);
  let total = scan.total;
  const n = rows.length;
  for (let k = 0; k < n; k++) {
    if ((sig[k]! & letters) !== letters || (sig[k + n]! & others) !== others || (sig[k + 2 * n]! & p0) !== p0
      || (sig[k + 3 * n]! & p1) !== p1 || (sig[k + 4 * n]! & p2) !== p2 || (sig[k + 5 * n]! & p3) !== p3) continue;
    if (mask !== null && mask[lanes[first + k]!] !== 1) continue;
    if (check && !rows[k]!.includes(q)) continue;
    if (hits.length < limit) hits.push(hitAt(columns, first + k));
    total++;
  }
  scan.total = total;
}

/** The first `limit` events (in index order, which is date order) whose title or id holds the query, ignoring case and accents, and how many there are in all. */
export function searchColumns(prepared: PreparedSearch, query: SearchQuery): SearchAnswer {
  const scan = beginSearch(query);
  continueSearch(prepared, scan);
  return { total: scan.total, hits: scan.hits };
}

/** Where an event is: its day and chunk, or null when the index has no such id. */
export function locateEvent(columns: SearchColumns, id: string): { day: string; chunk: number } | null {
  const row = columns.ids.indexOf(id);
  return row === -1 ? null : { day: columns.days[row]!, chunk: columns.chunks[row]! };
}
