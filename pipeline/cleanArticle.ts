/**
 * Step 1 of the data pipeline: turns an article's raw scraped text into the
 * paragraphs of its story. Reads nothing and writes nothing: it gets the raw
 * text and the headline and returns the paragraphs (text or caption), each
 * with the UTF-8 byte range of its line in the raw file, plus what it removed
 * and why. Lines may end in LF, CRLF or CR; a byte-order mark counts as
 * leading white space, so byte ranges stay exact against the raw bytes. The words of the story are never changed: a paragraph is a slice
 * of one raw line, trimmed.
 */

export type CleanParagraph = { text: string; kind: 'text' | 'caption'; rawStart: number; rawEnd: number };
export type RemovedLine = { line: number; text: string; reason: string };
export type CleanArticle = { paragraphs: CleanParagraph[]; removed: RemovedLine[] };

/** Lines that start the site's own blocks: they and everything after them are not the story. */
const STOP_LINES: Record<string, string> = {
  'latest articles': 'related-stories block',
  'more like this': 'related-stories block',
  'leave a reply': 'comment form',
};

const FURNITURE: Array<[RegExp, string]> = [
  [/^Image Credit:/i, 'image credit'],
  [/^You were reading:/i, '“you were reading” banner'],
  [/^Published on\s*$/i, 'empty dateline'],
];

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

/** Cleans one article: see the file header. Deterministic: the same input gives the same output. */
export function cleanArticle(raw: string, headline: string): CleanArticle {
  const paragraphs: CleanParagraph[] = [];
  const removed: RemovedLine[] = [];
  // Any line ending: LF, CRLF or a lone CR (old Mac files). Each line keeps the byte length of its own ending.
  const lines = [...raw.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)].filter((m) => m[0] !== '' || m.index < raw.length);
  const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');
  const target = normalizeLoose(headline);
  let byte = 0;
  let stopped: string | null = null;

  lines.forEach(([whole, line = ''], index) => {
    const lineStart = byte;
    byte += byteLength(whole);
    const trimmed = line.trim();
    if (trimmed === '') return;
    const remove = (reason: string) => removed.push({ line: index + 1, text: trimmed, reason });
    if (stopped) return remove(stopped);
    const stop = STOP_LINES[trimmed.toLowerCase()];
    if (stop) {
      stopped = stop;
      return remove(stop);
    }
    const furniture = FURNITURE.find(([pattern]) => pattern.test(trimmed));
    if (furniture) return remove(furniture[1]);

    const loose = normalizeLoose(line);
    if (loose === target) return remove(paragraphs.length === 0 && !removed.some((r) => r.reason === 'headline') ? 'headline' : 'repeated headline (image alt text)');
    if (loose.endsWith(target) && loose.length > target.length) {
      const prefix = loose.slice(0, loose.length - target.length);
      // Site navigation glued to the headline: short, and no sentence punctuation in it.
      if (prefix.length <= 40 && !/[.!?:;”"]/.test(prefix)) return remove('navigation run into the headline');
    }
    const prefixLength = headlinePrefixLength(line, headline);
    const [kind, from] = prefixLength > 0 ? (['caption', prefixLength] as const) : (['text', 0] as const);
    const body = line.slice(from);
    const lead = body.length - body.trimStart().length;
    const text = body.trim();
    const start = lineStart + byteLength(line.slice(0, from + lead));
    if (kind === 'caption') removed.push({ line: index + 1, text: line.slice(0, from), reason: 'image alt text glued to a caption' });
    paragraphs.push({ text, kind, rawStart: start, rawEnd: start + byteLength(text) });
  });
  return { paragraphs, removed };
}
