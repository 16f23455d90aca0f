/**
 * `npm run data -- --show <article>`: the article as the pipeline sees it.
 * Every line of the raw file in order: each paragraph numbered (¶1 …, the
 * numbers the warnings and the quote messages use), captions marked, each
 * removed line with its reason (from cleanArticle, with the article's site
 * rules), and under each paragraph every date expression chrono-node finds in
 * it with the day it resolves to. Before them: the site rules used, the
 * dateline that gives the publication day, and for a saved page where its
 * text was extracted from.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { cleanArticle } from './cleanArticle.ts';
import { listArticles, readArticle, readSites, type RawArticle } from './readArticle.ts';
import { findDateExpressions } from './resolveDate.ts';
import type { SiteRules } from './siteRules.ts';

/** The 1-based line of byte `offset` of `bytes` (LF, CRLF and lone CR end a line, as cleanArticle counts them). */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  return line;
}

/** The lines of `--show` for the raw text of an article, its headline and its publication day. */
export function showArticle(raw: string, headline: string, published: CalendarDay | null, site?: SiteRules): string[] {
  const { paragraphs, removed } = cleanArticle(raw, headline, site);
  const bytes = Buffer.from(raw, 'utf8');
  const rows: Array<{ line: number; order: number; text: string[] }> = [];
  paragraphs.forEach((p, i) => {
    const line = lineAtByte(bytes, p.rawStart);
    const text = [`¶${i + 1}${p.kind === 'caption' ? ' (caption)' : ''}  [line ${line}]  ${p.text}`];
    if (published) {
      for (const d of findDateExpressions(p.text, published)) text.push(`      date: "${d.text}" at ${d.index} → ${d.day}`);
    }
    rows.push({ line, order: 1, text });
  });
  for (const r of removed) rows.push({ line: r.line, order: 0, text: [`  ✂ removed (${r.reason})  [line ${r.line}]  ${r.text}`] });
  rows.sort((a, b) => a.line - b.line || a.order - b.order);
  const dates = paragraphs.reduce((n, p) => n + (published ? findDateExpressions(p.text, published).length : 0), 0);
  return [
    ...rows.flatMap((r) => r.text),
    '',
    `${paragraphs.length} paragraph(s) (${paragraphs.filter((p) => p.kind === 'caption').length} caption(s)), ${removed.length} line(s) removed, ` +
      (published ? `${dates} date expression(s) resolved against ${published}` : 'dates not resolved (no valid published day)'),
  ];
}

/** What the pipeline knows about the article beyond its text: site rules, dateline, provenance. */
function describeSources(article: RawArticle, contentDir: string): string[] {
  const out: string[] = [];
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  if (article.site) out.push(`  site rules: ${rel(path.join(contentDir, 'sites', `${article.site.site}.json`))} (${article.site.name})`);
  else out.push('  site rules: none (the general rules only; name a site in the metadata to add its own)');
  const d = article.dateline;
  if (d) out.push(`  published: ${d.day}, from the dateline “${d.phrase}”  [line ${d.line}, bytes ${d.rawStart}–${d.rawEnd}]${d.note ? `  (${d.note})` : ''}`);
  if (article.provenance) out.push(`  text: extracted from ${article.provenance.extractedFrom} by ${article.provenance.by}; line numbers are those of the extracted text`);
  return out;
}

/**
 * Finds the article `name` (an id under `<content>/articles/`, or a path to its .txt file) and
 * returns its `--show` lines, or an error line. An article of the content folder is read as the
 * pipeline reads it (its site rules, its dateline, a saved page's extracted text); its metadata
 * problems are listed after it.
 */
export function showArticleFile(name: string, contentDir: string): { ok: true; lines: string[] } | { ok: false; error: string } {
  const errors: string[] = [];
  const ctx = { errors, root: process.cwd(), contentDir };
  const listed = listArticles(ctx).find((a) => a.id === name);
  if (listed) {
    const read = readArticle(ctx, listed.id, listed.kind, readSites(ctx));
    if (read) {
      const { meta, raw, file, site } = read.article;
      const published = read.undated ? null : (meta.published as CalendarDay);
      return {
        ok: true,
        lines: [
          `${file} — “${meta.headline}”${published ? `, published ${published}` : ''}, as the pipeline sees it:`,
          ...describeSources(read.article, contentDir),
          '',
          ...showArticle(raw, meta.headline, published, site),
          ...(errors.length ? ['', `${errors.length} problem(s) with this article or its site file:`, ...errors.map((e) => `  ✗ ${e}`)] : []),
        ],
      };
    }
  }
  return showTextFile(name, contentDir, errors);
}

/** `--show` for a .txt outside the content folder, or one whose metadata cannot be used: the general rules only. */
function showTextFile(name: string, contentDir: string, problems: string[]): { ok: true; lines: string[] } | { ok: false; error: string } {
  const candidates = name.endsWith('.txt') ? [path.resolve(name)] : [path.join(contentDir, 'articles', `${name}.txt`), path.resolve(`${name}.txt`)];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) {
    const dir = path.join(contentDir, 'articles');
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).map((f) => f.replace(/\.(txt|html)$/, '')) : [];
    return { ok: false, error: `no article "${name}"${known.length ? `; known: ${known.join(', ')}` : ''}` };
  }
  const raw = fs.readFileSync(file, 'utf8');
  let headline = '';
  let published: CalendarDay | null = null;
  const metaFile = file.replace(/\.txt$/, '.json');
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { headline?: unknown; published?: unknown };
    if (typeof meta.headline === 'string') headline = meta.headline;
    if (typeof meta.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(meta.published)) published = meta.published as CalendarDay;
  } catch {
    // No usable metadata: shown without headline removal or dates, and said so.
  }
  const rel = path.relative(process.cwd(), file) || file;
  return {
    ok: true,
    lines: [
      `${rel}${headline ? ` — “${headline}”` : ' (no headline: its metadata file is missing or unreadable)'}${published ? `, published ${published}` : ''}, as the pipeline sees it:`,
      '', ...showArticle(raw, headline, published),
      ...(problems.length ? ['', 'Shown with the general rules only, because of:', ...problems.map((e) => `  ✗ ${e}`)] : []),
    ],
  };
}
