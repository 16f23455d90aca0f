/**
 * `npm run data -- --fix-quotes`: rewrites, in the events file, each quote
 * that differs from its article only in quote marks, apostrophes, dashes and
 * white space, to the article's own characters. The file is read with the
 * `yaml` Document API, and only the source range of each changed value is
 * replaced (in the value's own quoting style), so comments and formatting
 * stay byte for byte. Writes nothing when nothing needs fixing.
 */
import fs from 'node:fs';
import YAML, { isMap, isScalar, isSeq, LineCounter, type Scalar } from 'yaml';
import { fixQuote } from './diagnoseQuote.ts';
import { findOccurrences } from './locateQuote.ts';
import { writeAtomic } from './writeAtomic.ts';

export type QuoteFix = { line: number; event: string; field: string; from: string; to: string };

/** Renders `value` as a YAML scalar in the style of `node` (plain only when it reads back the same). */
function render(value: string, node: Scalar): string {
  if (node.type === 'QUOTE_DOUBLE') return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (node.type === 'PLAIN') {
    try {
      if (YAML.parse(`k: ${value}`)?.k === value && !value.includes('\n')) return value;
    } catch { /* not plain-safe: quoted below */ }
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The fixed text of the events file and what changed, for `paragraphs` (article id → cleaned
 * paragraphs). `text` is returned unchanged (and `fixes` empty) when nothing needs fixing.
 */
export function fixQuotesInText(text: string, paragraphs: ReadonlyMap<string, readonly string[]>): { text: string; fixes: QuoteFix[] } {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, keepSourceTokens: true });
  if (!isSeq(doc.contents)) return { text, fixes: [] };
  const edits: Array<{ start: number; end: number; to: string; fix: QuoteFix }> = [];
  doc.contents.items.forEach((item, i) => {
    if (!isMap(item) || !item.range) return;
    // An item that a syntax error touches is left alone: its reading is not to be trusted.
    const [from, to] = [item.range[0], item.range[2]];
    if (doc.errors.some((e) => e.pos.some((p) => p >= from && p <= to))) return;
    const id = item.get('id');
    const quotes = item.get('quotes');
    if (!isSeq(quotes)) return;
    quotes.items.forEach((quote, j) => {
      if (!isMap(quote)) return;
      const article = quote.get('article');
      const node = quote.get('text', true);
      const paras = typeof article === 'string' ? paragraphs.get(article) : undefined;
      if (!paras || !isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      if (findOccurrences(paras, node.value).length > 0) return;
      const fixed = fixQuote(paras, node.value);
      if (fixed === null) return;
      edits.push({
        start: node.range[0], end: node.range[1], to: render(fixed, node),
        fix: { line: lineCounter.linePos(node.range[0]).line, event: typeof id === 'string' ? id : `#${i + 1}`, field: `quotes.${j}.text`, from: node.value, to: fixed },
      });
    });
  });
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.to + out.slice(e.end);
  return { text: out, fixes: edits.map((e) => e.fix) };
}

/** The characters that differ between `from` and `to` (same length apart from white space), for the report. */
export function describeFix(from: string, to: string): string {
  const pairs = new Set<string>();
  const a = [...from];
  const b = [...to];
  if (a.length === b.length) {
    a.forEach((c, k) => {
      if (c !== b[k]) pairs.add(`${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) → ${b[k]} (U+${b[k]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    });
  }
  return pairs.size ? [...pairs].join(', ') : 'white space';
}

/** Applies the fixes to `file` in place; returns them (nothing is written when there is none). */
export function fixQuotesInFile(file: string, paragraphs: ReadonlyMap<string, readonly string[]>): QuoteFix[] {
  const before = fs.readFileSync(file, 'utf8');
  const { text, fixes } = fixQuotesInText(before, paragraphs);
  if (fixes.length) writeAtomic(file, text);
  return fixes;
}
