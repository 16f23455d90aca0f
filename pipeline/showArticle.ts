/**
 * `npm run data -- --show <article>`: the article as the pipeline sees it.
 * Every line of the raw file in order: each paragraph numbered (¶1 …, the
 * numbers the warnings and the quote messages use), captions marked, each
 * removed line with its reason (from cleanArticle), and under each paragraph
 * every date expression chrono-node finds in it with the day it resolves to.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CalendarDay } from '../src/lib/time/calendarDay.ts';
import { cleanArticle } from './cleanArticle.ts';
import { findDateExpressions } from './resolveDate.ts';

/** The 1-based line of byte `offset` of `bytes` (LF, CRLF and lone CR end a line, as cleanArticle counts them). */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  return line;
}

/** The lines of `--show` for the raw text of an article, its headline and its publication day. */
export function showArticle(raw: string, headline: string, published: CalendarDay | null): string[] {
  const { paragraphs, removed } = cleanArticle(raw, headline);
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

/**
 * Finds the article `name` (an id under `<content>/articles/`, or a path to its .txt file) and
 * returns its `--show` lines, or an error line.
 */
export function showArticleFile(name: string, contentDir: string): { ok: true; lines: string[] } | { ok: false; error: string } {
  const candidates = name.endsWith('.txt') ? [path.resolve(name)] : [path.join(contentDir, 'articles', `${name}.txt`), path.resolve(`${name}.txt`)];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) {
    const dir = path.join(contentDir, 'articles');
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)) : [];
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
    lines: [`${rel}${headline ? ` — “${headline}”` : ' (no headline: its metadata file is missing or unreadable)'}${published ? `, published ${published}` : ''}, as the pipeline sees it:`, '', ...showArticle(raw, headline, published)],
  };
}
