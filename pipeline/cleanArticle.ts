/**
 * Step 1 of the data pipeline: turns an article's raw scraped text into the
 * paragraphs of its story. Reads nothing and writes nothing: it gets the raw
 * text and the headline and returns the paragraphs (text or caption), each
 * with the UTF-8 byte range of its line in the raw file, plus what it removed
 * and why. Lines may end in LF, CRLF or CR; a byte-order mark counts as
 * leading white space, so byte ranges stay exact against the raw bytes. The
 * words of the story are never changed: a paragraph is a slice of one raw
 * line, trimmed.
 *
 * The rules, in order: the site's own (content/sites/<site>.json, see
 * siteRules.ts), then the general ones (cleanArticleRules.ts), which depend on
 * where a line stands: before the headline (navigation), between the headline
 * and the story (datelines, bylines, labels), in the story (timestamps of a
 * live blog, share buttons, banners) and after it (related stories, comments,
 * a trailing list of other headlines).
 */

export type CleanParagraph = { text: string; kind: 'text' | 'caption'; rawStart: number; rawEnd: number };
export type RemovedLine = { line: number; text: string; reason: string };
export type CleanArticle = { paragraphs: CleanParagraph[]; removed: RemovedLine[] };

import { CAPTION_LABEL, FURNITURE, STOP_LINES, classifyDateline, endsLikeSentence, isByline, isShortLabel } from './cleanArticleRules.ts';
import type { SiteRules } from './siteRules.ts';

/** Compares text the way alt text is copied: any dash or hyphen alike, runs of white space as one space. */
function normalizeLoose(s: string): string {
  return s.replace(/[\u2010-\u2015-]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Length of the prefix of `line` that reads as `headline`, or -1 when the line does not start with it. */
function headlinePrefixLength(line: string, headline: string): number {
  const target = normalizeLoose(headline);
  if (!normalizeLoose(line).startsWith(target)) return -1;
  for (let k = target.length; k <= line.length; k++) {
    if (normalizeLoose(line.slice(0, k)) === target) return k;
  }
  return -1;
}

/** The line of the headline (exactly, or run into navigation before it), or -1 when the text does not carry it. */
function findHeadlineLine(lines: string[], target: string): number {
  if (target === '') return -1;
  return lines.findIndex((line) => {
    const loose = normalizeLoose(line);
    return loose === target || (loose.endsWith(target) && isShortLabel(loose.slice(0, loose.length - target.length)));
  });
}

/** Cleans one article: see the file header. Deterministic: the same input gives the same output. */
export function cleanArticle(raw: string, headline: string, site?: SiteRules): CleanArticle {
  const paragraphs: CleanParagraph[] = [];
  const removed: RemovedLine[] = [];
  // Any line ending: LF, CRLF or a lone CR (old Mac files). Each line keeps the byte length of its own ending.
  const lines = [...raw.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)].filter((m) => m[0] !== '' || m.index < raw.length);
  const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');
  const target = normalizeLoose(headline);
  const headlineLine = findHeadlineLine(lines.map((m) => m[1] ?? ''), target);
  let byte = 0;
  let stopped: string | null = null;

  lines.forEach(([whole, line = ''], index) => {
    const lineStart = byte;
    byte += byteLength(whole);
    const trimmed = line.trim();
    if (trimmed === '') return;
    const remove = (reason: string) => removed.push({ line: index + 1, text: trimmed, reason });
    const siteStop = site?.stop.find((r) => r.test(trimmed));
    if (siteStop) return remove((stopped = siteStop.reason));
    const siteDrop = site?.drop.find((r) => r.test(trimmed));
    if (siteDrop) return remove(siteDrop.reason);

    const beforeHeadline = index < headlineLine;
    const inStory = paragraphs.length > 0;
    const stop = STOP_LINES.find(([pattern]) => pattern.test(trimmed));
    if (stop && (inStory || stopped)) return remove((stopped = stop[1]));
    const furniture = FURNITURE.find(([pattern]) => pattern.test(trimmed));
    if (furniture) return remove(furniture[1]);
    // After the story, a line no rule names belongs to the block that ended it.
    if (stopped) return remove(stopped);

    const loose = normalizeLoose(line);
    if (target !== '' && loose === target) {
      return remove(paragraphs.length === 0 && !removed.some((r) => r.reason === 'headline') ? 'headline' : 'repeated headline (image alt text)');
    }
    if (target !== '' && loose.endsWith(target) && loose.length > target.length) {
      const prefix = loose.slice(0, loose.length - target.length);
      // Site navigation glued to the headline: short, and no sentence punctuation in it.
      if (prefix.length <= 40 && !/[.!?:;”"]/.test(prefix)) return remove('navigation run into the headline');
      // A label glued to it ("You were reading: …", "Now playing: …").
      if (prefix.length <= 40) return remove('repeated headline');
    }
    const dateline = classifyDateline(trimmed);
    if (dateline) return remove(dateline === 'time' || (dateline === 'dateline' && inStory) ? 'timestamp' : dateline);
    if (beforeHeadline && isShortLabel(trimmed, 60)) return remove('navigation');
    if (stop) return remove(beforeHeadline ? 'navigation' : 'page label before the story');
    // Between the headline (or the page's start, when the text does not carry it) and the story.
    if (!inStory) {
      if (isByline(trimmed)) return remove('byline');
      if (isShortLabel(trimmed, 30)) return remove('page label before the story');
    }

    const prefixLength = headlinePrefixLength(line, headline);
    const label = prefixLength > 0 ? null : CAPTION_LABEL.exec(line.trimStart());
    const from = prefixLength > 0 ? prefixLength : label ? line.length - line.trimStart().length + label[0].length : 0;
    const kind = from > 0 ? 'caption' : 'text';
    const body = line.slice(from);
    const lead = body.length - body.trimStart().length;
    const text = body.trim();
    const start = lineStart + byteLength(line.slice(0, from + lead));
    if (prefixLength > 0) removed.push({ line: index + 1, text: line.slice(0, from), reason: 'image alt text glued to a caption' });
    if (label) removed.push({ line: index + 1, text: label[0].trim(), reason: 'caption label' });
    paragraphs.push({ text, kind, rawStart: start, rawEnd: start + byteLength(text) });
  });
  return dropTrailingHeadlines({ paragraphs, removed }, raw);
}

/** The story's end: at least this many short lines with no sentence end, after the last sentence, are other stories' headlines. */
const TRAILING_HEADLINES = 3;

/** Moves a trailing run of headline-like lines (no sentence end, under 160 characters) to the removed lines. */
function dropTrailingHeadlines({ paragraphs, removed }: CleanArticle, raw: string): CleanArticle {
  let first = paragraphs.length;
  while (first > 0) {
    const p = paragraphs[first - 1]!;
    if (p.kind !== 'text' || p.text.length >= 160 || endsLikeSentence(p.text)) break;
    first -= 1;
  }
  if (paragraphs.length - first < TRAILING_HEADLINES || first === 0) return { paragraphs, removed };
  const bytes = Buffer.from(raw, 'utf8');
  const lineAt = (offset: number) => bytes.subarray(0, offset).toString('utf8').split(/\r\n|\r|\n/).length;
  const moved = paragraphs.slice(first).map((p) => ({ line: lineAt(p.rawStart), text: p.text, reason: 'list of other headlines' }));
  return { paragraphs: paragraphs.slice(0, first), removed: [...removed, ...moved].sort((a, b) => a.line - b.line) };
}
