/**
 * Loads one chunk of an archive (archiveSchema.ts) and checks it as the
 * single file is checked: its bytes against the index's size and SHA-256, its
 * events one by one against the contract (in slices, so no task blocks input
 * for long), and across the chunk: every quote the exact slice of an article
 * the chunk carries, every event inside the chunk's period and of a lane of
 * the archive, no id twice. Never throws: a problem comes back in words.
 */
import { archiveChunkSchema, type ArchiveChunkInfo } from './archiveSchema.ts';
import { fetchJson, LOAD_TIMEOUT_MS, type LoadProblem } from './loadDataset.ts';
import { checkEvents, describeIssue } from './checkDataset.ts';
import type { Article, TimelineEvent } from './schema.ts';
import { formatDay } from '../lib/time/calendarDay.ts';

export type LoadedChunk = { events: TimelineEvent[]; articles: Article[] };

/** The chunk's period in words, for a reader: "1 Mar 2022 – 14 Mar 2022". */
export function describePeriod(info: Pick<ArchiveChunkInfo, 'from' | 'to'>): string {
  return info.from === info.to ? formatDay(info.from) : `${formatDay(info.from)} – ${formatDay(info.to)}`;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  // crypto.subtle exists in secure contexts only (https, localhost): elsewhere the size check stands alone.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches chunk `n` of the archive (`info` from its index) and checks it; `lanes` are the archive's category ids. */
export function loadChunk(n: number, info: ArchiveChunkInfo, lanes: readonly string[], signal?: AbortSignal, timeoutMs = LOAD_TIMEOUT_MS): Promise<LoadedChunk | LoadProblem> {
  const what = `The events of ${describePeriod(info)}`;
  const file = `${what} (${info.file})`;
  const invalid = (why: string): LoadProblem => ({ ok: false, kind: 'invalid', problem: `${file} do not fit the expected format${why}.` });
  return fetchJson<LoadedChunk>(info.file, signal, timeoutMs, async (json, abort, bytes) => {
    if (bytes.byteLength !== info.bytes) return invalid(`: the index says ${info.bytes} bytes, the server sent ${bytes.byteLength}`);
    const hash = await sha256Hex(bytes);
    if (hash !== null && hash !== info.sha256) return invalid(': its contents are not those the index lists (SHA-256 differs)');
    const head = archiveChunkSchema.safeParse(json);
    if (!head.success) return invalid(describeIssue(head.error.issues[0]));
    const chunk = head.data;
    if (chunk.chunk !== n || chunk.from !== info.from || chunk.to !== info.to) return invalid(': it is not the chunk the index lists at this place');
    const events = await checkEvents(chunk.events, abort);
    if (abort.aborted) return null;
    if (typeof events === 'string') return invalid(events);
    const problem = checkAcross(events, chunk.articles, info, lanes);
    return problem ? invalid(`: ${problem}`) : { events, articles: chunk.articles };
  }, what);
}

/** The checks across one chunk's events; the whole archive's (relations, unique ids) were made by the build. */
function checkAcross(events: readonly TimelineEvent[], articles: readonly Article[], info: ArchiveChunkInfo, lanes: readonly string[]): string | null {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const laneSet = new Set(lanes);
  const ids = new Set<string>();
  for (const e of events) {
    if (ids.has(e.id)) return `event "${e.id}" is listed twice`;
    ids.add(e.id);
    if (e.date < info.from || e.date > info.to) return `event "${e.id}" (${e.date}) is outside the chunk's period`;
    if (!laneSet.has(e.category)) return `event "${e.id}": category "${e.category}" is not one of the archive's categories`;
    if (e.end !== undefined && e.end <= e.date) return `event "${e.id}": its end must come after its date`;
    for (const q of e.quotes) {
      const article = byId.get(q.article);
      if (!article) return `event "${e.id}" quotes article "${q.article}", which the chunk does not carry`;
      if (article.paragraphs[q.paragraph]?.slice(q.start, q.end) !== q.text) return `event "${e.id}": a quote is not the exact slice of its paragraph that it claims`;
    }
  }
  return null;
}
