/**
 * The signature of a folded row of the search index (searchColumns.ts), and what a query's must
 * hold of it: which characters the row holds (a–z in word 0; digits, the hyphen and the rest
 * hashed in word 1) and which pairs of adjacent characters (words 2–9). The 128 pairs most rows
 * hold each have a bit of their own (words 6–9), so that the signature answers a query of one of
 * them exactly, and the rest share 128 bits, hashed (words 2–5). No pair spans a line break.
 */

/** Words (32 bits) in a signature: two of characters, four of hashed pairs, four of exact pairs. */
export const SIGNATURE = 10;
/** Pairs with a bit of their own, at most. */
export const EXACT_PAIRS = 128;
const HASHED_BITS = 128;
const PAIR_WORD = 2;
// Slots of the exact pairs' table (a power of two): four per pair, so that a lookup rarely probes twice.
const SLOTS = 512;
const SLOT_SHIFT = 32 - Math.log2(SLOTS);
const BREAK = 10;
const SPACE = 32;
const HYPHEN = 45;
const GOLDEN = 0x9e3779b1;

/**
 * The bit of every pair (0–127 hashed, 128 + i for the i-th exact pair): `ascii[a << 7 | b]` for
 * two characters below 128, else looked up in `keys` and `exact`, a table open-addressed by the
 * pair's key `a << 16 | b` (exact[slot] is -1 for an empty slot), else hashed. `share[32w + b]`
 * is the share of the sample's rows with bit b of word w set: a query tests its rarest words first.
 */
export type PairBits = { ascii: Uint8Array; keys: Int32Array; exact: Int8Array; share: Float64Array };

/** The bit of the pair `a`, `b` (neither a line break). */
function pairBit(bits: PairBits, a: number, b: number): number {
  if ((a | b) < 128) return bits.ascii[(a << 7) | b]!;
  return lookUpPairBit(bits, a, b);
}

function lookUpPairBit({ keys, exact }: PairBits, a: number, b: number): number {
  const key = (a << 16) | b;
  const hash = Math.imul(key, GOLDEN);
  for (let s = hash >>> SLOT_SHIFT; exact[s] !== -1; s = (s + 1) & (SLOTS - 1)) if (keys[s] === key) return HASHED_BITS + exact[s]!;
  return hash >>> 25;
}

/**
 * The pair bits for rows like `sample` (folded rows): the `count` pairs (at most EXACT_PAIRS) that
 * most of them hold each get a bit of their own. Any choice gives the same answers; a good one
 * leaves fewer rows to check with `includes`.
 */
export function assignPairBits(sample: readonly string[], count = EXACT_PAIRS): PairBits {
  // Rows holding each pair, and the last row that counted it (a pair counts once a row): in
  // arrays for pairs of ASCII characters, in maps for the rest.
  const asciiHolding = new Int32Array(128 * 128);
  const asciiLast = new Int32Array(128 * 128).fill(-1);
  const holding = new Map<number, number>();
  const lastRow = new Map<number, number>();
  sample.forEach((row, r) => {
    for (let j = 1; j < row.length; j++) {
      const a = row.charCodeAt(j - 1);
      const b = row.charCodeAt(j);
      if (a === BREAK || b === BREAK) continue;
      if ((a | b) < 128) {
        const at = (a << 7) | b;
        if (asciiLast[at] !== r) asciiHolding[at]!++;
        asciiLast[at] = r;
      } else {
        const key = (a << 16) | b;
        if (lastRow.get(key) !== r) holding.set(key, (holding.get(key) ?? 0) + 1);
        lastRow.set(key, r);
      }
    }
  });
  asciiHolding.forEach((n, at) => {
    if (n > 0) holding.set(((at >>> 7) << 16) | (at & 127), n);
  });
  const top = [...holding].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, Math.max(0, Math.min(count, EXACT_PAIRS)));
  const bits: PairBits = {
    ascii: new Uint8Array(128 * 128), keys: new Int32Array(SLOTS), exact: new Int8Array(SLOTS).fill(-1), share: new Float64Array(32 * SIGNATURE),
  };
  top.forEach(([key], i) => {
    let s = Math.imul(key, GOLDEN) >>> SLOT_SHIFT;
    while (bits.exact[s] !== -1) s = (s + 1) & (SLOTS - 1);
    bits.keys[s] = key;
    bits.exact[s] = i;
  });
  for (let a = 0; a < 128; a++) for (let b = 0; b < 128; b++) bits.ascii[(a << 7) | b] = lookUpPairBit(bits, a, b);
  const sig = new Int32Array(SIGNATURE);
  for (const row of sample) {
    signRow(row, bits, sig, 0, 1);
    for (let w = 0; w < SIGNATURE; w++) for (let x = sig[w]!; x !== 0; x &= x - 1) bits.share[32 * w + 31 - Math.clz32(x & -x)]!++;
  }
  for (let bit = 0; bit < 32 * SIGNATURE; bit++) bits.share[bit]! /= Math.max(1, sample.length);
  return bits;
}

/** The bit in word 1 of a character that is not a–z nor the space: 0–9 digits, 10 the hyphen, 11–31 the rest, hashed. */
function otherBit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c === HYPHEN) return 10;
  return 11 + ((Math.imul(c, GOLDEN) >>> 0) % 21);
}

/** Whether the bit of this one character says for sure that a row holds it. */
function hasOwnBit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === HYPHEN;
}

/** Whether holding the signature of the folded query `q` is holding `q`: one letter, digit or hyphen, or one pair with a bit of its own. */
export function isExactQuery(q: string, bits: PairBits): boolean {
  if (q.length === 1) return hasOwnBit(q.charCodeAt(0));
  return q.length === 2 && pairBit(bits, q.charCodeAt(0), q.charCodeAt(1)) >= HASHED_BITS;
}

// A row's pair words while it is signed (rows are signed one at a time), written out at its end.
const pairWords = new Int32Array(SIGNATURE - PAIR_WORD);

/** The signature of the folded row `text` (its lines apart) at `sig[at]`, `sig[at + stride]`… */
export function signRow(text: string, bits: PairBits, sig: Int32Array, at: number, stride: number): void {
  const ascii = bits.ascii;
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
    else if (c !== SPACE) others |= 1 << otherBit(c);
    if (prev !== BREAK) {
      const bit = (prev | c) < 128 ? ascii[(prev << 7) | c]! : lookUpPairBit(bits, prev, c);
      pairWords[bit >>> 5] = pairWords[bit >>> 5]! | (1 << (bit & 31));
    }
    prev = c;
  }
  sig[at] = letters;
  sig[at + stride] = others;
  for (let w = 0; w < pairWords.length; w++) {
    sig[at + (PAIR_WORD + w) * stride] = pairWords[w]!;
    pairWords[w] = 0;
  }
}

/**
 * The words of `sig` (a query's) that hold any bit, rarest first (by the product of their bits'
 * shares): testing them in this order leaves the fewest rows to test the next.
 */
export function orderWords(sig: Int32Array, { share }: PairBits): number[] {
  const words: Array<[word: number, pass: number]> = [];
  sig.forEach((mask, w) => {
    let pass = 1;
    for (let b = 0; b < 32; b++) if ((mask >>> b) & 1) pass *= share[32 * w + b]!;
    if (mask !== 0) words.push([w, pass]);
  });
  return words.sort((x, y) => x[1] - y[1] || x[0] - y[0]).map(([w]) => w);
}

/**
 * The signature a row must hold to hold the folded query `q` (one line). A character in a pair
 * with a bit of its own gets no bit: the pair's says that the row holds it.
 */
export function signQuery(q: string, bits: PairBits): Int32Array {
  const sig = new Int32Array(SIGNATURE);
  const covered = new Uint8Array(q.length);
  for (let i = 1; i < q.length; i++) {
    const bit = pairBit(bits, q.charCodeAt(i - 1), q.charCodeAt(i));
    const word = PAIR_WORD + (bit >>> 5);
    sig[word] = sig[word]! | (1 << (bit & 31));
    if (bit >= HASHED_BITS) covered[i - 1] = covered[i] = 1;
  }
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if (covered[i] === 1 || c === SPACE) continue;
    if (c >= 97 && c <= 122) sig[0] = sig[0]! | (1 << (c - 97));
    else sig[1] = sig[1]! | (1 << otherBit(c));
  }
  return sig;
}
