import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cleanArticle, type CleanParagraph } from './cleanArticle.ts';

const ARTICLES = fileURLToPath(new URL('../content/articles/', import.meta.url));

/** One of the two real articles, as bytes and as text, with its headline from its metadata. */
function realArticle(id: string) {
  const bytes = fs.readFileSync(path.join(ARTICLES, `${id}.txt`));
  const meta = JSON.parse(fs.readFileSync(path.join(ARTICLES, `${id}.json`), 'utf8')) as { headline: string };
  return { bytes, raw: bytes.toString('utf8'), headline: meta.headline };
}

/** The story as a reader would pick it out of the raw text: non-empty trimmed lines up to `stopLine`, minus `isFurniture`. */
function storyLines(raw: string, stopLine: string, isFurniture: (line: string) => boolean): string[] {
  const lines = raw.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const stop = lines.indexOf(stopLine);
  expect(stop).toBeGreaterThan(0);
  return lines.slice(0, stop).filter((l) => !isFurniture(l));
}

function decodeRange(bytes: Buffer, p: CleanParagraph): string {
  return bytes.subarray(p.rawStart, p.rawEnd).toString('utf8');
}

/** An inline article: lines joined by a blank line, as in the scraped files. */
function article(...lines: string[]): string {
  return lines.join('\n\n');
}

const texts = (ps: CleanParagraph[]) => ps.map((p) => p.text);

describe('cleanArticle on antalya-ministers-meet.txt', () => {
  const { bytes, raw, headline } = realArticle('antalya-ministers-meet');
  const { paragraphs, removed } = cleanArticle(raw, headline);
  const all = texts(paragraphs).join('\n');

  test('the headline in the metadata is the one the README gives', () => {
    expect(headline).toBe('Ukraine resumes evacuation plans as foreign ministers meet');
  });

  test('drops the navigation run into the headline and the repeated headline', () => {
    expect(all).not.toContain('HomeTop');
    expect(all).not.toContain('NewsWorld');
    expect(all).not.toContain(headline);
  });

  test('drops the empty dateline, the image credit and the “you were reading” banner', () => {
    expect(all).not.toContain('Published on');
    expect(all).not.toContain('Image Credit');
    expect(all).not.toContain('Getty');
    expect(all).not.toContain('You were reading');
  });

  test('drops everything from “Latest articles” on, including “More like this”', () => {
    for (const furniture of ['Latest articles', 'More like this', 'Brief Anger Hampers', 'New Blood Test', 'Enceladus', 'Dark Matter', 'dark matter']) {
      expect(all).not.toContain(furniture);
    }
    expect(paragraphs.at(-1)?.text).toBe('Military allegations made by Russia and Ukraine cannot be independently verified.');
  });

  test('keeps every story line, unchanged apart from trimming, in order, as text', () => {
    const story = storyLines(raw, 'Latest articles', (l) =>
      l === `HomeTop NewsWorld${headline}` || l === headline || l === 'Published on'
      || l === 'Image Credit: Getty' || l === `You were reading: ${headline}`);
    // Lines 7 to 59 of the file, every other line: 27 paragraphs.
    expect(story).toHaveLength(27);
    expect(texts(paragraphs)).toEqual(story);
    expect(paragraphs.every((p) => p.kind === 'text')).toBe(true);
    expect(paragraphs[0]?.text).toBe('Turkey holds the highest-level conference between Moscow and Kyiv since Russia’s invasion.');
  });

  test('each paragraph’s UTF-8 byte range in the raw file decodes to exactly its text', () => {
    for (const p of paragraphs) expect(decodeRange(bytes, p)).toBe(p.text);
  });

  test('reports each removed line with its 1-based line number', () => {
    const lines = raw.split('\n');
    for (const furniture of [`HomeTop NewsWorld${headline}`, headline, 'Published on', 'Image Credit: Getty', 'Latest articles', 'More like this']) {
      const line = lines.findIndex((l) => l.trim() === furniture) + 1;
      expect(line).toBeGreaterThan(0);
      expect(removed).toContainEqual(expect.objectContaining({ line, text: furniture }));
    }
  });
});

describe('cleanArticle on second-round-belarus-talks.txt', () => {
  const { bytes, raw, headline } = realArticle('second-round-belarus-talks');
  const hyphenated = headline.replace(' – ', ' - ');
  const { paragraphs } = cleanArticle(raw, headline);
  const all = texts(paragraphs).join('\n');
  const delegations = 'Delegations of Ukraine (left) and Russia during a meeting in Belarus on March 3';
  // The scraped text has a no-break space between "Minister" and "Sergei".
  const lavrov = 'Russian Foreign Minister\u00a0Sergei Lavrov “Ukraine will be “neutral” and give up to join NATO and the EU”';

  test('the alt text really is the headline with a hyphen for its en dash', () => {
    expect(headline).toBe('Second round of talks: Russia – Ukraine evacuate civilians');
    expect(raw).toContain(`\n${hyphenated}\n`);
    expect(raw).toContain(`${hyphenated}Delegations`);
  });

  test('drops the headline and every alt-text copy of it, en dash or hyphen', () => {
    expect(all).not.toContain(headline);
    expect(all).not.toContain(hyphenated);
    expect(all).not.toContain('civiliansDelegations');
    expect(all).not.toContain('civiliansRussian');
  });

  test('keeps the two captions without the headline glued in front, marked as captions', () => {
    const captions = paragraphs.filter((p) => p.kind === 'caption');
    expect(texts(captions)).toEqual([delegations, lavrov]);
  });

  test('drops “Leave a Reply” and the comment-form notice', () => {
    expect(all).not.toContain('Leave a Reply');
    expect(all).not.toContain('Your email address');
    expect(all).not.toContain('Required fields');
  });

  test('keeps every story line, unchanged apart from trimming, in order', () => {
    const story = storyLines(raw, 'Leave a Reply', (l) => l === headline || l === hyphenated)
      .map((l) => (l.startsWith(hyphenated) ? l.slice(hyphenated.length) : l));
    // 14 lines of text and 2 captions.
    expect(story).toHaveLength(16);
    expect(texts(paragraphs)).toEqual(story);
    expect(paragraphs.map((p) => p.kind)).toEqual(story.map((l) => (l === delegations || l === lavrov ? 'caption' : 'text')));
  });

  test('trims the trailing no-break space of a line', () => {
    expect(raw).toContain('to accomplish this goal.\u00a0\n');
    expect(texts(paragraphs)).toContain('Ukraine and Russia will soon establish communication channels and develop a logistics process to accomplish this goal.');
  });

  test('each paragraph’s UTF-8 byte range in the raw file decodes to exactly its text, captions included', () => {
    for (const p of paragraphs) expect(decodeRange(bytes, p)).toBe(p.text);
    const caption = paragraphs.find((p) => p.text === delegations)!;
    // The caption's range starts right after the glued alt text, not at the start of its line.
    expect(bytes.subarray(caption.rawStart - Buffer.byteLength(hyphenated), caption.rawStart).toString('utf8')).toBe(hyphenated);
  });

  test('byte ranges follow the order of the paragraphs and never overlap', () => {
    for (let i = 1; i < paragraphs.length; i++) {
      expect(paragraphs[i]!.rawStart).toBeGreaterThan(paragraphs[i - 1]!.rawEnd);
    }
  });
});

describe('cleanArticle on small inline articles', () => {
  const headline = 'Talks: Russia – Ukraine agree';

  test('reads CRLF line endings: no carriage return in any paragraph, byte ranges still exact', () => {
    const raw = [headline, '', '“First” line – with ünïcode.', '', 'Second line.', '', 'Leave a Reply', '', 'Comment notice'].join('\r\n');
    const { paragraphs } = cleanArticle(raw, headline);
    expect(texts(paragraphs)).toEqual(['“First” line – with ünïcode.', 'Second line.']);
    const bytes = Buffer.from(raw, 'utf8');
    for (const p of paragraphs) expect(decodeRange(bytes, p)).toBe(p.text);
  });

  test('drops a headline followed by a CRLF like any other', () => {
    const raw = `${headline}\r\n\r\nStory.\r\n\r\n${headline.replace('–', '-')}\r\n`;
    expect(texts(cleanArticle(raw, headline).paragraphs)).toEqual(['Story.']);
  });

  test('splits off the headline glued to a caption, whether the alt text has the en dash or a hyphen', () => {
    const raw = article(
      'Story.',
      `${headline}Caption after the en-dash headline`,
      `${headline.replace('–', '-')}Caption after the hyphen headline`,
      `${headline.replace('–', '‐')}Caption after the Unicode-hyphen headline`,
    );
    const { paragraphs } = cleanArticle(raw, headline);
    expect(paragraphs).toEqual([
      expect.objectContaining({ text: 'Story.', kind: 'text' }),
      expect.objectContaining({ text: 'Caption after the en-dash headline', kind: 'caption' }),
      expect.objectContaining({ text: 'Caption after the hyphen headline', kind: 'caption' }),
      expect.objectContaining({ text: 'Caption after the Unicode-hyphen headline', kind: 'caption' }),
    ]);
    const bytes = Buffer.from(raw, 'utf8');
    for (const p of paragraphs) expect(decodeRange(bytes, p)).toBe(p.text);
  });

  test('a glued caption separated by spaces loses the spaces too', () => {
    const raw = article('Story.', `${headline}   Spaced caption`);
    const { paragraphs } = cleanArticle(raw, headline);
    expect(paragraphs[1]).toMatchObject({ text: 'Spaced caption', kind: 'caption' });
    expect(decodeRange(Buffer.from(raw), paragraphs[1]!)).toBe('Spaced caption');
  });

  test('a stop line in the middle drops itself and everything after it, story-like or not', () => {
    const raw = article('First story line.', 'Second story line.', 'Latest articles', 'A line that looks like story.', 'Leave a Reply', 'Another.');
    const { paragraphs, removed } = cleanArticle(raw, headline);
    expect(texts(paragraphs)).toEqual(['First story line.', 'Second story line.']);
    expect(removed.map((r) => r.text)).toEqual(['Latest articles', 'A line that looks like story.', 'Leave a Reply', 'Another.']);
  });

  test('stop words inside a sentence do not stop the story', () => {
    const raw = article('Read the latest articles below, he said.', 'Please leave a reply, she wrote.', 'Last line.');
    expect(texts(cleanArticle(raw, headline).paragraphs)).toEqual([
      'Read the latest articles below, he said.', 'Please leave a reply, she wrote.', 'Last line.',
    ]);
  });

  test('keeps a sentence that ends with the headline’s words', () => {
    const line = `The agency’s report, which ran for days, was titled: ${headline}`;
    expect(texts(cleanArticle(article('Story.', line), headline).paragraphs)).toEqual(['Story.', line]);
  });

  test('drops short navigation run into the headline', () => {
    expect(texts(cleanArticle(article(`HomeWorld${headline}`, 'Story.'), headline).paragraphs)).toEqual(['Story.']);
  });

  test('trims leading white space and points the byte range past it', () => {
    const raw = article('  \t  “Indented” story line.   ', 'Next.');
    const { paragraphs } = cleanArticle(raw, headline);
    expect(paragraphs[0]?.text).toBe('“Indented” story line.');
    expect(decodeRange(Buffer.from(raw), paragraphs[0]!)).toBe('“Indented” story line.');
  });

  test('counts multi-byte characters on earlier lines in the byte offsets', () => {
    const raw = article('Ünïcödé – “quotes” ‘and’ dashes…', 'Kyiv’s line.');
    const { paragraphs } = cleanArticle(raw, headline);
    const second = paragraphs[1]!;
    expect(second.rawStart).toBe(Buffer.byteLength('Ünïcödé – “quotes” ‘and’ dashes…\n\n'));
    expect(second.rawEnd - second.rawStart).toBe(Buffer.byteLength('Kyiv’s line.'));
  });
});

describe('cleanArticle with any line ending', () => {
  const FIXTURE = fileURLToPath(new URL('../tests/fixtures/pipeline/', import.meta.url));
  const HEADLINE = 'Second round of talks: Russia – Ukraine agree on a corridor';
  const lf = fs.readFileSync(path.join(FIXTURE, 'two-articles/articles/brest-talks.txt'));

  test.each([
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['CR only', (s: string) => s.replace(/\n/g, '\r')],
    ['a byte-order mark and CR only', (s: string) => `\uFEFF${s.replace(/\n/g, '\r')}`],
  ])('%s: the same paragraphs and removals as LF, each byte range exact against the raw bytes', (_, convert) => {
    const expected = cleanArticle(lf.toString('utf8'), HEADLINE);
    const bytes = Buffer.from(convert(lf.toString('utf8')), 'utf8');
    const cleaned = cleanArticle(bytes.toString('utf8'), HEADLINE);
    expect(cleaned.paragraphs.map((p) => [p.text, p.kind])).toEqual(expected.paragraphs.map((p) => [p.text, p.kind]));
    expect(cleaned.removed).toEqual(expected.removed);
    for (const p of cleaned.paragraphs) expect(decodeRange(bytes, p)).toBe(p.text);
  });

  test('the line-endings fixture (BOM + CR only) cleans to byte ranges of its own file', () => {
    const bytes = fs.readFileSync(path.join(FIXTURE, 'line-endings/articles/brest-talks.txt'));
    const cleaned = cleanArticle(bytes.toString('utf8'), HEADLINE);
    expect(cleaned.paragraphs.length).toBeGreaterThan(2);
    expect(cleaned.removed.map((r) => r.reason)).toContain('comment form');
    for (const p of cleaned.paragraphs) expect(decodeRange(bytes, p)).toBe(p.text);
  });

  test('an empty text has no paragraphs', () => {
    expect(cleanArticle('', HEADLINE)).toEqual({ paragraphs: [], removed: [] });
  });
});
