import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { datasetSchema } from '../src/data/schema.ts';
import { buildDataset } from './buildDataset.ts';
import { locateDateline, readDatelineDay } from './locateDateline.ts';
import { readHtml } from './readHtml.ts';
import { readInputs } from './readInputs.ts';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INTAKE = path.join(ROOT, 'tests/fixtures/pipeline/intake');
const rel = (...p: string[]) => path.relative(ROOT, path.join(INTAKE, ...p));

describe('HTML intake (a saved page with Open Graph and JSON-LD)', () => {
  const html = fs.readFileSync(path.join(INTAKE, 'saved-page.html'), 'utf8');

  test('the page metadata gives headline, byline, publisher, published time and the canonical address', () => {
    const page = readHtml(html)!;
    expect(page.meta).toEqual({
      headline: 'Evacuation convoy leaves Irpin',
      byline: 'Jane Doe',
      publisher: 'The Example Wire',
      // article:published_time wins over JSON-LD's datePublished (the same instant, in UTC).
      publishedTime: { value: '2022-03-06T09:57:00+02:00', from: 'article:published_time' },
      // The canonical link wins over og:url (which carries a tracking parameter).
      url: 'https://wire.example/europe/2022/03/06/evacuation-convoy-leaves-irpin',
    });
    expect(page.by).toMatch(/^Mozilla Readability \d+\.\d+\.\d+ on linkedom \d+\.\d+\.\d+$/);
  });

  test('Readability keeps the story, one block a line, and leaves out navigation, cookie banner, donation aside and footer', () => {
    const { text } = readHtml(html)!;
    const lines = text.split('\n\n').map((l) => l.trim());
    expect(lines).toContain('A convoy of buses left the town of Irpin on Sunday morning, carrying about 300 residents towards Kyiv, regional officials said.');
    expect(lines).toContain('Caption: Buses wait at the edge of Irpin on 5 March.');
    // A paragraph inside a blockquote is one line, not two.
    expect(lines.filter((l) => l.includes('The corridor held'))).toHaveLength(1);
    for (const gone of ['We use cookies', 'Accept all', 'Support us', 'donate', '©', 'Home']) expect(text).not.toContain(gone);
  });

  test('through the pipeline: metadata from the page, provenance, quotes verbatim to the extracted text, removed lines kept', () => {
    const result = buildDataset(readInputs(path.join(INTAKE, 'content'), undefined, ROOT));
    expect(result.errors).toEqual([]);
    const dataset = datasetSchema.parse(result.dataset);
    const article = dataset.articles.find((a) => a.id === 'irpin-convoy')!;
    expect(article).toMatchObject({
      headline: 'Evacuation convoy leaves Irpin',
      publisher: 'The Example Wire',
      published: '2022-03-06',
      byline: 'Jane Doe',
      url: 'https://wire.example/europe/2022/03/06/evacuation-convoy-leaves-irpin',
      file: rel('content/articles/irpin-convoy.html'),
      provenance: { extractedFrom: rel('content/articles/irpin-convoy.html'), by: expect.stringContaining('Readability') },
    });
    expect(article.publishedEvidence).toContain('article:published_time');
    expect(article.paragraphInfo.map((p) => p.kind)).toContain('caption');
    expect(article.removed).toEqual([
      { line: 1, text: 'By Jane Doe', reason: 'byline' },
      { line: 3, text: 'Sunday, 6 March 2022, 09:57', reason: 'dateline' },
      { line: 9, text: 'Caption:', reason: 'caption label' },
    ]);
    const event = dataset.events.find((e) => e.id === 'irpin-convoy-leaves')!;
    expect(event.quotes[0]!.fragment).toMatch(/^https:\/\/wire\.example\/.*#:~:text=/);
  });
});

describe('a dateline as the evidence of the publication day', () => {
  test('is located in the raw text (bytes and line), shipped with the article, and its site rules apply', () => {
    const result = buildDataset(readInputs(path.join(INTAKE, 'content'), undefined, ROOT));
    const article = result.dataset!.articles.find((a) => a.id === 'wire-story')!;
    const raw = fs.readFileSync(path.join(INTAKE, 'content/articles/wire-story.txt'));
    const dateline = article.publishedDateline!;
    expect(raw.subarray(dateline.rawStart, dateline.rawEnd).toString('utf8')).toBe('Sunday, 6 March 2022, 09:57');
    expect(dateline.line).toBe(9);
    expect(article.removed).toContainEqual({ line: 1, text: 'Skip to main content', reason: 'skip link' });
    expect(article.removed).toContainEqual({ line: 16, text: 'Photo: Example Wire/Maria Roe', reason: 'image credit (the wire\'s own photographers)' });
  });

  test('must parse to the published day, with its year, and be in the text', () => {
    expect(readDatelineDay('Sunday, 6 March 2022, 09:57')).toEqual({ ok: true, day: '2022-03-06' });
    expect(readDatelineDay('Sunday, 6 March, 09:57')).toEqual({ ok: false, error: expect.stringContaining('gives no year') });
    const raw = 'Headline\n\nSunday, 6 March 2022, 09:57\n\nStory.';
    expect(locateDateline(raw, { phrase: 'Sunday, 6 March 2022, 09:57' }, '2022-03-07' as CalendarDay))
      .toEqual({ ok: false, field: 'published', error: 'the dateline "Sunday, 6 March 2022, 09:57" gives 2022-03-06, but published is 2022-03-07' });
    expect(locateDateline(raw, { phrase: 'Monday, 7 March 2022' }, '2022-03-07' as CalendarDay))
      .toMatchObject({ ok: false, field: 'publishedDateline.phrase' });
  });
});

describe('a site rules file with errors', () => {
  test('every problem at once, each naming the file, the site or article, and the field', () => {
    const { errors } = readInputs(path.join(INTAKE, 'bad-site'), undefined, ROOT);
    const site = `${rel('bad-site/sites/example-wire.json')}: site "example-wire"`;
    const meta = `${rel('bad-site/articles/wire-story.json')}: article "wire-story"`;
    expect(errors).toEqual([
      `${site} → drop.0.pattern: not a valid regular expression (/^Photo: (Example Wire//iu: Unterminated group), got "^Photo: (Example Wire/"`,
      expect.stringMatching(`^${escape(site)} → drop\\.1: expected exactly one of line, startsWith or pattern, got `),
      `${site} → drop.2.reason: required, got nothing`,
      `${site} → stop.0: unknown field "lines"; expected line, startsWith, pattern, reason, got {"lines":"Support us","reason":"donation banner"}`,
      `${site} → stop.0: expected exactly one of line, startsWith or pattern, got {"lines":"Support us","reason":"donation banner"}`,
      `${meta} → site: no valid ${rel('bad-site/sites/example-wyre.json')}; known: none`,
      `${meta} → published: the dateline "Sunday, 6 March 2022, 09:57" gives 2022-03-06, but published is 2022-03-07`,
    ]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
