/**
 * Loads the dataset that the build ships beside the page and checks it
 * against the contract. Never throws: every way it can fail (offline, an
 * HTTP error, no answer in time, a download cut off, an HTML error page, an
 * empty dataset, another version, JSON that does not fit) comes back as a
 * problem sentence for the page to show, with its kind.
 */
import type { Dataset } from './schema.ts';
import type { ArchiveIndex } from './archiveSchema.ts';

export const DATASET_URL = 'data/timeline.json';
/** How long the whole download may take before the page says so and offers to try again. */
export const LOAD_TIMEOUT_MS = 15_000;
/** Version 1: one file with every event; version 2: an archive's index (archiveSchema.ts). */
const SUPPORTED_VERSIONS = [1, 2];

export type LoadProblemKind = 'cancelled' | 'offline' | 'network' | 'timeout' | 'http' | 'cut-off' | 'not-json' | 'empty' | 'version' | 'invalid';
export type LoadProblem = { ok: false; kind: LoadProblemKind; problem: string };
export type LoadResult = { ok: true; dataset: Dataset; archive?: undefined } | { ok: true; archive: ArchiveIndex; dataset?: undefined } | LoadProblem;

const fail = (kind: LoadProblemKind, problem: string): LoadProblem => ({ ok: false, kind, problem });

/** Fetches and validates the dataset at `url` (relative to the page by default), giving up after `timeoutMs`. */
export function loadDataset(url: string = DATASET_URL, signal?: AbortSignal, timeoutMs = LOAD_TIMEOUT_MS): Promise<LoadResult> {
  const file = `The timeline’s data file (${url})`;
  // The check's code comes while the data downloads.
  const checks = import('./checkDataset.ts');
  checks.catch(() => {}); // a failure is answered below, once the data is in
  return fetchJson(url, signal, timeoutMs, async (json, abort) => {
    let check: Awaited<typeof checks>;
    try {
      check = await checks;
    } catch {
      return fail('network', 'The page’s code that checks the timeline’s data could not be downloaded (the network request failed).');
    }
    const { checkDataset, describeIssue } = check;
    const version = (json as { version?: unknown } | null)?.version;
    if (json !== null && typeof json === 'object' && !SUPPORTED_VERSIONS.includes(version as number)) {
      return fail('version', version === undefined
        ? `${file} does not say which version of the data format it uses; this page reads versions ${SUPPORTED_VERSIONS.join(' and ')}.`
        : `${file} is in version ${JSON.stringify(version).slice(0, 20)} of the data format; this page reads versions ${SUPPORTED_VERSIONS.join(' and ')} only.`);
    }
    if (version === 2) {
      // An archive's contract loads with its code, only for an archive: a small edition never pays for it.
      const { archiveIndexSchema } = await import('./archiveSchema.ts');
      const checked = archiveIndexSchema.safeParse(json);
      return checked.success ? { ok: true, archive: checked.data } : fail('invalid', `${file} does not fit the expected format${describeIssue(checked.error.issues[0])}.`);
    }
    const events = (json as { events?: unknown }).events;
    if (Array.isArray(events) && events.length === 0) return fail('empty', `${file} has no events: there is nothing to show yet.`);
    const problem = await checkDataset(json, abort);
    if (abort.aborted) return null;
    if (typeof problem === 'string') return fail('invalid', `${file} does not fit the expected format${problem}.`);
    return { ok: true, dataset: problem };
  });
}

/**
 * Fetches JSON at `url` and hands it to `accept` (which may return null when cancelled), giving up
 * after `timeoutMs`; every way the download can fail comes back as a problem, never thrown.
 */
export async function fetchJson<T>(
  url: string, signal: AbortSignal | undefined, timeoutMs: number,
  accept: (json: unknown, signal: AbortSignal, bytes: ArrayBuffer) => Promise<T | LoadProblem | null>,
  what = 'The timeline’s data',
): Promise<T | LoadProblem> {
  // One controller for the caller's cancel and our own timeout, so that a silent server is cut off too.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener('abort', cancel);
  try {
    const stopped = () => timedOut
      ? fail('timeout', `${what} did not arrive within ${Math.round(timeoutMs / 1000)} seconds: the server may be busy or unreachable.`)
      : fail('cancelled', `Loading ${what.replace(/^The /, 'the ')} was cancelled.`);
    const got = await download(url, controller.signal, stopped, what);
    if ('ok' in got) return got;
    const result = await accept(got.json, controller.signal, got.bytes);
    return result === null || controller.signal.aborted ? stopped() : result;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

async function download(url: string, signal: AbortSignal, stopped: () => LoadProblem, what: string): Promise<LoadProblem | { json: unknown; bytes: ArrayBuffer }> {
  const file = `${what} file (${url})`;
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch {
    if (signal.aborted) return stopped();
    return navigator.onLine === false
      ? fail('offline', `You appear to be offline, so ${what.replace(/^The /, 'the ')} could not be downloaded.`)
      : fail('network', `${what} could not be downloaded (the network request failed).`);
  }
  if (!response.ok) {
    return fail('http', `${file} could not be loaded: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  }
  const cutOff = (why = '') => fail('cut-off', `The download of ${what.replace(/^The /, 'the ')} (${url}) was cut off before its end${why}. Try again.`);
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch {
    return signal.aborted ? stopped() : cutOff();
  }
  // A server that says how long the file is and sends less: cut off, whatever the JSON parser would say.
  const expected = Number(response.headers.get('content-length') ?? NaN);
  if (!response.headers.get('content-encoding') && Number.isFinite(expected) && bytes.byteLength < expected) return cutOff();
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return fail('empty', `${file} is empty.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (/^\s*[{[]/.test(text) && looksCutOff(text)) {
      return cutOff(' (the data stops mid-way)');
    }
    return fail('not-json', `${file} is not valid JSON${/html/i.test(response.headers.get('content-type') ?? '') ? ' (the server sent a web page instead)' : ''}.`);
  }
  return { json, bytes };
}

/** Whether JSON text fails only because it ends too soon: its brackets and strings are still open. */
function looksCutOff(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
  }
  return inString || depth > 0;
}
