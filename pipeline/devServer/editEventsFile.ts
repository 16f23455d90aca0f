/**
 * Authoring in the dev server: the text edits that add an event, or a quote
 * to an event, to the events file. Each edit is located with the `yaml`
 * package's Document API and rendered by it in the file's own style (quoted
 * dates and words, folded summaries), then spliced into the text, so every
 * other byte of the file (comments, blank lines, quoting) stays as it was.
 * Pure: text in, text out. Whether the result is a valid edition is the
 * pipeline's to say (saveEvents.ts runs it before anything is written).
 */
import YAML, { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { EventInput } from '../inputSchema.ts';

type QuoteInput = EventInput['quotes'][number];
export type Edit = { ok: true; text: string } | { ok: false; error: string };

/** Fields written in single quotes (as the events file writes days and the sources' words). */
const QUOTED = new Set(['date', 'end', 'title', 'text', 'phrase', 'speaker', 'announced', 'from', 'earliest', 'latest', 'words', 'reason']);
/** Fields written as folded blocks (our own prose, often long). */
const FOLDED = new Set(['summary', 'note', 'placement']);

/** `value` as the lines of a one-item block sequence in the events file's style, each line prefixed with `indent`. */
export function renderItem(value: object, indent = ''): string {
  const doc = new YAML.Document([value]);
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      // A folded block cannot hold a line break faithfully; such a value stays quoted.
      if (FOLDED.has(key) && !pair.value.value.includes('\n')) pair.value.type = 'BLOCK_FOLDED';
      else if (QUOTED.has(key) || FOLDED.has(key)) pair.value.type = 'QUOTE_SINGLE';
    },
  });
  // lineWidth 0: no folding of long lines, so a quote stays on one line as the file writes them.
  return doc.toString({ lineWidth: 0 }).split('\n').map((line) => (line ? indent + line : line)).join('\n');
}

/** The white space before the `-` of the sequence item that starts at `itemStart`, or null when it is not a block item. */
function dashIndent(text: string, itemStart: number): string | null {
  const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  const m = /^([ \t]*)-[ \t]+$/.exec(text.slice(lineStart, itemStart));
  return m ? m[1]! : null;
}

/** The offset just after the line on which `pos - 1` stands (or `pos` itself when it starts a line). */
function afterLine(text: string, pos: number): number {
  if (pos === 0 || text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** Adds `event` as the last item of the events file `text`. */
export function appendEvent(text: string, event: EventInput): Edit {
  const doc = YAML.parseDocument(text);
  const root = doc.contents as Node | null;
  if (root !== null && !(isSeq(root) && !root.flow)) {
    return { ok: false, error: 'the events file is not a list of events ("- id: …" items); add this event by hand' };
  }
  const first = isSeq(root) ? root.items[0] : undefined;
  const indent = first && isMap(first) && first.range ? dashIndent(text, first.range[0]) ?? '' : '';
  return { ok: true, text: withNewline(text) + renderItem(event, indent) };
}

/** Adds `quote` as the last quote of the event `id` in the events file `text`. */
export function appendQuote(text: string, id: string, quote: QuoteInput): Edit {
  const doc = YAML.parseDocument(text);
  if (!isSeq(doc.contents)) return { ok: false, error: 'the events file is not a list of events' };
  const item = doc.contents.items.find((it) => isMap(it) && (it.get('id') as unknown) === id);
  if (!isMap(item)) return { ok: false, error: `no event "${id}" in the events file` };
  const quotes = item.get('quotes', true);
  const last = isSeq(quotes) && !quotes.flow ? quotes.items.at(-1) : undefined;
  const indent = isMap(last) && last.range ? dashIndent(text, last.range[0]) : null;
  if (!isMap(last) || !last.range || indent === null) {
    return { ok: false, error: `event "${id}": its quotes are not a block list ("- article: …" items); add this quote by hand` };
  }
  const at = afterLine(text, last.range[1]);
  const head = withNewline(text.slice(0, at));
  return { ok: true, text: head + renderItem(quote, indent) + text.slice(at) };
}
