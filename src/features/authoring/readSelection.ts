/**
 * Reads the reader's text selection as a passage of the article: the
 * paragraph it starts in, and offsets into that paragraph's text as the
 * dataset holds it (not the page's text, which adds labels such as "Photo
 * caption" and "also quoted in: …"), snapped to whole words. A selection that
 * runs into the next paragraph is cut at the end of the first: a quote stays
 * within one paragraph.
 */
import { snapPassage } from './snapPassage.ts';

export type SelectedPassage = { paragraph: number; start: number; end: number; text: string; clipped: boolean };

/**
 * Whether a text node of a reader paragraph is the article's own text: directly in the paragraph, or
 * in a passage mark and its first link. Labels the reader adds (a caption's label, an "also quoted
 * in" link, visually hidden words) are not.
 */
function isArticleText(node: Node, p: Element): boolean {
  for (let el = node.parentElement; el && el !== p; el = el.parentElement) {
    if (el.tagName === 'MARK') continue;
    if (el.tagName === 'A' && el.parentElement?.tagName === 'MARK' && el.parentElement.firstElementChild === el) continue;
    return false;
  }
  return true;
}

function articleTextNodes(p: Element): Text[] {
  const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isArticleText(n, p)) out.push(n as Text);
  return out;
}

/** The offset in `p`'s article text of the boundary point (container, offset). */
function offsetOf(p: Element, nodes: readonly Text[], container: Node, offset: number): number {
  const point = p.ownerDocument.createRange();
  point.setStart(container, offset);
  let n = 0;
  for (const t of nodes) {
    if (t === container) return n + offset;
    if (point.comparePoint(t, t.length) <= 0) n += t.length;
    else break;
  }
  return n;
}

/** The paragraph's text, without the white space the page puts before it (after a caption's label). */
function ownText(nodes: readonly Text[]): { lead: number; text: string } {
  const all = nodes.map((t) => t.data).join('');
  const lead = all.length - all.trimStart().length;
  return { lead, text: all.slice(lead) };
}

const closestP = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('p') ?? null;

/** The passage `selection` marks in the paragraphs of `root`, or null (nothing selected, or not article text). */
export function readSelection(root: HTMLElement, selection: Selection | null, paragraphs: readonly string[]): SelectedPassage | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const p = closestP(range.startContainer);
  if (!p || !root.contains(p) || p.closest('[data-authoring]')) return null;
  const nodes = articleTextNodes(p);
  const { lead, text } = ownText(nodes);
  // Which paragraph: the k-th element with this text is the k-th paragraph with it.
  const same = [...root.querySelectorAll('p')].filter((q) => !q.closest('[data-authoring]') && ownText(articleTextNodes(q)).text === text);
  const k = same.indexOf(p);
  const index = paragraphs.flatMap((t, i) => (t === text ? [i] : []))[k];
  if (index === undefined) return null;
  const start = offsetOf(p, nodes, range.startContainer, range.startOffset) - lead;
  const clipped = closestP(range.endContainer) !== p;
  const end = clipped ? text.length : offsetOf(p, nodes, range.endContainer, range.endOffset) - lead;
  const snapped = snapPassage(text, start, end);
  if (!snapped) return null;
  return { paragraph: index, ...snapped, text: text.slice(snapped.start, snapped.end), clipped };
}
