import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { datasetSchema } from '../src/data/schema.ts';
import { cleanArticle, type CleanArticle } from './cleanArticle.ts';
import { classifyDateline, isByline } from './cleanArticleRules.ts';
import { readInputs } from './readInputs.ts';
import { cleanRawArticle } from './readArticle.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INTAKE = path.join(ROOT, 'tests/fixtures/pipeline/intake');
const page = (name: string) => fs.readFileSync(path.join(INTAKE, name), 'utf8');

/** What was removed, as `reason: text` lines; and what stays, as the paragraphs' words. */
const removedAs = (c: CleanArticle) => c.removed.map((r) => `${r.reason}: ${r.text}`);
const kept = (c: CleanArticle) => c.paragraphs.map((p) => (p.kind === 'caption' ? `(caption) ${p.text}` : p.text));

describe('cleaning a page from a site never seen', () => {
  test('a wire story: navigation, donation banners, dateline, byline, credits, share buttons and other headlines go, each with its reason', () => {
    const cleaned = cleanArticle(page('wire-story.txt'), 'Evacuation convoy leaves Irpin as shelling pauses');
    expect(kept(cleaned)).toEqual([
      'A convoy of buses left the town of Irpin on Sunday morning, carrying about 300 residents towards Kyiv, regional officials said.',
      'The buses had waited at the edge of the town since Saturday, when shelling stopped an earlier attempt to leave.',
      '“We were told we had one hour to reach the bridge,” said one resident, who gave her name as Olena.',
      'Officials said a second convoy was planned for Monday if the ceasefire held along the route.',
    ]);
    expect(removedAs(cleaned)).toEqual([
      'navigation: Skip to main content',
      'navigation: World',
      'navigation: Europe',
      'navigation: Ukraine',
      'donation or subscription banner: Support independent journalism. Donate today and keep our reporting free for everyone.',
      'headline: Evacuation convoy leaves Irpin as shelling pauses',
      'dateline: Sunday, 6 March 2022, 09:57',
      'byline: By Jane Doe and John Roe, Example Wire',
      'image credit: Photo: Example Wire/Maria Roe',
      'reporting credits: Reporting by Jane Doe in Kyiv; Editing by John Roe',
      'donation or subscription banner: Support us',
      'donation or subscription banner: Our journalism is free for everyone. Please donate to keep independent reporting alive.',
      'share buttons: Share',
      'share buttons: Facebook',
      'share buttons: Twitter',
      'share buttons: Email',
      'list of other headlines: Kyiv braces for assault as column nears',
      'list of other headlines: Refugees cross into Poland at Medyka',
      'list of other headlines: Talks in Belarus end without ceasefire',
    ]);
  });

  test('a blog: its dateline and byline, a caption marked, a link to another post, share, cookie and comment blocks', () => {
    const cleaned = cleanArticle(page('blog-post.txt'), 'A week of queues at the station');
    expect(kept(cleaned)).toEqual([
      'We arrived at the station at seven in the morning, and the queue for the western trains already ran past the ticket hall.',
      '(caption) The queue outside the ticket hall, 7 March',
      'Volunteers handed out tea and bread; one of them told me the trains had run all night since Friday.',
      'By evening the police had opened a second platform for women and children.',
    ]);
    const removed = removedAs(cleaned);
    expect(removed.slice(0, 7)).toEqual([
      'navigation: Menu', 'navigation: Search', 'navigation: Notes from Lviv',
      'headline: A week of queues at the station',
      'dateline: Posted on March 8, 2022',
      'byline: Olena Kovalenko, Notes from Lviv',
      'reading time: 5 min read',
    ]);
    expect(removed).toContain('caption label: Image caption:');
    expect(removed).toContain('link to another story: Read more: How we packed for the road');
    expect(removed).toContain('share buttons: Like this:');
    expect(removed).toContain('cookie notice: Accept all');
    // Everything from the comment count on is the comment block, the commenters' words included.
    expect(removed.slice(-6)).toEqual([
      'comment form: 3 Comments', 'comment form: Taras', 'comment form: March 8, 2022 at 21:14',
      'comment form: Thank you for writing this.', 'comment form: Leave a comment',
      'comment notice: Your email address will not be published. Required fields are marked *',
    ]);
  });

  test('a live blog: the entries stay, their times go as timestamps, and the related block ends the page', () => {
    const cleaned = cleanArticle(page('live-blog.txt'), 'Russia-Ukraine war: talks in Antalya – live updates');
    expect(kept(cleaned)).toEqual([
      'Foreign ministers meet in Antalya',
      'The Russian and Ukrainian foreign ministers met in Antalya on Thursday, the first meeting at that level since the invasion began.',
      'Kuleba said the talks produced no agreement on a ceasefire.',
      'Officials in Mariupol said a new attempt to open a corridor had failed overnight.',
    ]);
    expect(removedAs(cleaned)).toEqual([
      'navigation: Home', 'navigation: News', 'navigation: Live',
      'headline: Russia-Ukraine war: talks in Antalya – live updates',
      'dateline: Updated 10 March 2022, 14:05 GMT',
      'page label before the story: Key events',
      'page label before the story: Show key events only',
      'timestamp: 14:05 GMT', 'share buttons: Share',
      'timestamp: 12:40 GMT', 'share buttons: Share',
      'advertisement: Advertisement',
      'timestamp: 09:15 GMT', 'share buttons: Share',
      'related-stories block: Related',
      'related-stories block: Ceasefire fails in Mariupol',
      'related-stories block: What we know on day 15',
    ]);
  });

  test('every removed line is a line of the raw text, word for word', () => {
    for (const [name, headline] of [['wire-story.txt', 'Evacuation convoy leaves Irpin as shelling pauses'], ['blog-post.txt', 'A week of queues at the station']] as const) {
      const lines = page(name).split('\n');
      for (const r of cleanArticle(page(name), headline).removed) expect(lines[r.line - 1]).toContain(r.text);
    }
  });
});

describe('the general rules one by one', () => {
  test('datelines, times and an empty dateline are told apart; words of a story are not datelines', () => {
    expect(classifyDateline('Sunday, 6 March 2022, 09:57')).toBe('dateline');
    expect(classifyDateline('Updated: March 6, 2022 9:57 AM GMT')).toBe('dateline');
    expect(classifyDateline('2 hours ago')).toBe('dateline');
    expect(classifyDateline('14:05 GMT')).toBe('time');
    expect(classifyDateline('Published on')).toBe('empty dateline');
    expect(classifyDateline('Monday')).toBeNull();
    expect(classifyDateline('May')).toBeNull();
    expect(classifyDateline('On March 3 the talks ended.')).toBeNull();
  });

  test('bylines with and without "By"; a sentence is not a byline', () => {
    expect(isByline('By Jane Doe')).toBe(true);
    expect(isByline('By Jane Doe and John Roe, Reuters')).toBe(true);
    expect(isByline('Jane Doe, Reuters')).toBe(true);
    expect(isByline('By evening the police had opened a second platform.')).toBe(false);
    expect(isByline('Ukraine and Russia held talks')).toBe(false);
  });
});

describe('the two real articles with their site files', () => {
  const committed = datasetSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'src/data/timeline.json'), 'utf8')));
  const inputs = readInputs(path.join(ROOT, 'content'), undefined, ROOT);

  test('the content reads without errors, and each article names its site', () => {
    expect(inputs.errors).toEqual([]);
    expect(inputs.articles.map((a) => a.site?.site)).toEqual(['unknown-publisher-a', 'unknown-publisher-b']);
  });

  test.each(['antalya-ministers-meet', 'second-round-belarus-talks'])('%s: the paragraphs and their byte ranges are those of the committed dataset', (id) => {
    const article = inputs.articles.find((a) => a.meta.id === id)!;
    const expected = committed.articles.find((a) => a.id === id)!;
    const { paragraphs } = cleanRawArticle(article);
    expect(paragraphs.map((p) => p.text)).toEqual(expected.paragraphs);
    expect(paragraphs.map(({ kind, rawStart, rawEnd }) => ({ kind, rawStart, rawEnd }))).toEqual(expected.paragraphInfo);
    // Without the site file the general rules give the same paragraphs: only a reason is less precise.
    expect(cleanArticle(article.raw, article.meta.headline).paragraphs).toEqual(paragraphs);
  });

  test('the site rule names the “you were reading” banner; the general rule would call it a repeated headline', () => {
    const article = inputs.articles.find((a) => a.meta.id === 'antalya-ministers-meet')!;
    const banner = (c: CleanArticle) => c.removed.find((r) => r.text.startsWith('You were reading'))?.reason;
    expect(banner(cleanRawArticle(article))).toBe('“you were reading” banner');
    expect(banner(cleanArticle(article.raw, article.meta.headline))).toBe('repeated headline');
  });
});
