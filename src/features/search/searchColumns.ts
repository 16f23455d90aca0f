/**
 * Search over the archive's search index (archiveSchema.ts, `searchIndexSchema`): the titles and
 * ids are folded once (as `foldQuery` folds a query) and signed (which characters and pairs of
 * characters each holds); a query checks each row's signature, then `includes` on the few rows
 * whose signature holds the query's. Matches come in index order, which is date order. Pure; the
 * search worker runs it, and so does the page when it has no Worker, a few blocks at a time.
 */
import type { SearchIndex } from '../../data/archiveSchema.ts';
import { foldQuery } from '../../lib/search/filterEvents.ts';
import { assignPairBits, EXACT_PAIRS, isExactQuery, orderWords, SIGNATURE, signQuery, signRow, type PairBits } from './searchSignature.ts';

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
 * break, and a folded query has none, so no match spans the two), with a signature of each
 * (searchSignature.ts: which characters it holds, and which pairs of them, the pairs most rows
 * hold each with a bit of its own). Word w of row k is `sig[k + w·n]` (n rows), so that testing
 * one word reads one column. A row can match only if its signature holds the query's, which
 * leaves a few per cent of rows to check with `includes` for most queries, and none for a query
 * of one letter, digit or hyphen, or of one frequent pair. `common` is what every id of the block
 * begins with (ids often share a prefix, "ev-000…"): a query inside it is in every row, and needs
 * no check either.
 */
export type SearchBlock = { first: number; rows: string[]; sig: Int32Array; common: string };
export type PreparedSearch = { columns: SearchColumns; pairs: PairBits; blocks: SearchBlock[] };

// Printable ASCII folds by lower case alone (no accents, no white space but the space): most titles.
const PLAIN = /^[\x20-\x7e]*$/;

/** `foldQuery(text)`, about ten times faster for a title in printable ASCII. */
export function foldTitle(text: string): string {
  if (!PLAIN.test(text)) return foldQuery(text);
  const lower = text.toLowerCase();
  const single = lower.includes('  ') ? lower.replace(/ {2,}/g, ' ') : lower;
  return single.charCodeAt(0) === 32 || single.charCodeAt(single.length - 1) === 32 ? single.trim() : single;
}

// Rows (evenly spread) in which the most frequent pairs are counted: enough to rank them, a few ms.
const SAMPLE = 8192;

/** A row: the title folded and the id, folded already, on two lines. */
function foldRow(title: string, foldedId: string): string {
  // join, not +: it makes one flat string, where + would leave a rope for the first search to flatten.
  return [foldTitle(title), foldedId].join('\n');
}

/** The pair bits of the columns' signatures (searchSignature.ts): the `exact` pairs that most rows of a sample hold get a bit of their own. */
export function pickPairBits(columns: SearchColumns, exact = EXACT_PAIRS): PairBits {
  const step = Math.max(1, Math.floor(columns.ids.length / SAMPLE));
  const sample: string[] = [];
  for (let i = 0; i < columns.ids.length; i += step) sample.push(foldRow(columns.titles[i]!, foldTitle(columns.ids[i]!)));
  return assignPairBits(sample, exact);
}

/** How many blocks of `size` rows the columns make. */
export function countBlocks(columns: SearchColumns, size = BLOCK_ROWS): number {
  return Math.ceil(columns.ids.length / size);
}

/** Block `b` (of `size` rows) of the columns, folded and signed with the pair bits `pairs`. */
export function foldBlock(columns: SearchColumns, pairs: PairBits, b: number, size = BLOCK_ROWS): SearchBlock {
  const first = b * size;
  const last = Math.min(columns.ids.length, first + size);
  const rows: string[] = [];
  const sig = new Int32Array(SIGNATURE * (last - first));
  let common: string | null = null;
  for (let i = first; i < last; i++) {
    const id = foldTitle(columns.ids[i]!);
    const row = foldRow(columns.titles[i]!, id);
    signRow(row, pairs, sig, rows.length, last - first);
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
export function prepareSearch(columns: SearchColumns, size = BLOCK_ROWS, pairs = pickPairBits(columns)): PreparedSearch {
  const blocks = Array.from({ length: countBlocks(columns, size) }, (_, b) => foldBlock(columns, pairs, b, size));
  return { columns, pairs, blocks };
}

/** A search under way: the folded query, what it has found so far, and the next block to scan. */
export type SearchScan = {
  readonly q: string;
  /** The signature words a row must hold to match, in the order tested, and what it must hold of each. */
  readonly words: Int32Array;
  readonly masks: Int32Array;
  /** Whether holding the signature is matching (a query of one letter, digit or hyphen, or of one exact pair): nothing to check with `includes`. */
  readonly exact: boolean;
  /** mask[lane] is 1 for a lane searched; null for every lane. */
  readonly mask: Uint8Array | null;
  readonly limit: number;
  total: number;
  hits: SearchHit[];
  next: number;
};

/** Starts a search over `prepared` (nothing scanned yet). */
export function beginSearch(prepared: PreparedSearch, { q, lanes, limit }: SearchQuery): SearchScan {
  let mask: Uint8Array | null = null;
  if (lanes) {
    const valid = lanes.filter((l) => Number.isInteger(l) && l >= 0);
    mask = new Uint8Array(valid.reduce((n, l) => Math.max(n, l + 1), 0));
    for (const lane of valid) mask[lane] = 1;
  }
  const folded = foldQuery(q);
  const sig = signQuery(folded, prepared.pairs);
  const order = orderWords(sig, prepared.pairs);
  const exact = isExactQuery(folded, prepared.pairs);
  return {
    q: folded, words: Int32Array.from(order), masks: Int32Array.from(order, (w) => sig[w]!), exact, mask,
    limit: Math.max(0, Math.floor(limit)), total: 0, hits: [], next: 0,
  };
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

// The rows of the block being scanned still in the running (one block at a time: never shared).
let candidates = new Int32Array(BLOCK_ROWS);

// The hot loops: one signature word at a time over the rows still in the running (a column read
// in order), then the lanes and `includes` on the few left.
function scanBlock(columns: SearchColumns, block: SearchBlock, scan: SearchScan): void {
  const { q, words, masks, mask, limit, exact, hits } = scan;
  const { first, rows, sig } = block;
  const n = rows.length;
  if (candidates.length < n) candidates = new Int32Array(n);
  const rest = candidates;
  let left = 0;
  if (words.length === 0) {
    for (let k = 0; k < n; k++) rest[k] = k;
    left = n;
  } else {
    const at = words[0]! * n;
    const m = masks[0]!;
    for (let k = 0; k < n; k++) {
      // Written either way, kept if the row holds the word: no branch to mispredict (V8 makes a
      // branch of `? 1 : 0`, a third slower when half the rows hold it). `lack | -lack` is
      // negative unless lack is 0.
      const lack = ~sig[at + k]! & m;
      rest[left] = k;
      left += ((lack | -lack) >>> 31) ^ 1;
    }
    for (let w = 1; w < words.length && left > 0; w++) {
      const at = words[w]! * n;
      const m = masks[w]!;
      let kept = 0;
      for (let i = 0; i < left; i++) {
        const k = rest[i]!;
        const lack = ~sig[at + k]! & m;
        rest[kept] = k;
        kept += ((lack | -lack) >>> 31) ^ 1;
      }
      left = kept;
    }
  }
  const check = !exact && q.length > 0 && !block.common.includes(q);
  if (!check && mask === null) {
    for (let i = 0; i < left && hits.length < limit; i++) hits.push(hitAt(columns, first + rest[i]!));
    scan.total += left;
    return;
  }
  const lanes = columns.lanes;
  let total = scan.total;
  for (let i = 0; i < left; i++) {
    const k = rest[i]!;
    if (mask !== null && mask[lanes[first + k]!] !== 1) continue;
    if (check && !rows[k]!.includes(q)) continue;
    if (hits.length < limit) hits.push(hitAt(columns, first + k));
    total++;
  }
  scan.total = total;
}

/** The first `limit` events (in index order, which is date order) whose title or id holds the query, ignoring case and accents, and how many there are in all. */
export function searchColumns(prepared: PreparedSearch, query: SearchQuery): SearchAnswer {
  const scan = beginSearch(prepared, query);
  continueSearch(prepared, scan);
  return { total: scan.total, hits: scan.hits };
}

/** Where an event is: its day and chunk, or null when the index has no such id. */
export function locateEvent(columns: SearchColumns, id: string): { day: string; chunk: number } | null {
  const row = columns.ids.indexOf(id);
  return row === -1 ? null : { day: columns.days[row]!, chunk: columns.chunks[row]! };
}
