/**
 * Loads the dataset that the build ships beside the page and checks it
 * against the contract. Never throws: every way it can fail (offline, an
 * HTTP error, no answer in time, a download cut off, an HTML error page, an
 * empty dataset, another version, JSON that does not fit) comes back as a
 * problem sentence for the page to show, with its kind.
 */
import { DATASET_INTEGRITY, datasetHeadSchema, eventSchema, type Dataset, type TimelineEvent } from './schema.ts';

export const DATASET_URL = 'data/timeline.json';
/** How long the whole download may take before the page says so and offers to try again. */
export const LOAD_TIMEOUT_MS = 15_000;
const SUPPORTED_VERSION = 1;

export type LoadProblemKind = 'cancelled' | 'offline' | 'network' | 'timeout' | 'http' | 'cut-off' | 'not-json' | 'empty' | 'version' | 'invalid';
export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; kind: LoadProblemKind; problem: string };

const fail = (kind: LoadProblemKind, problem: string): LoadResult => ({ ok: false, kind, problem });

/** Fetches and validates the dataset at `url` (relative to the page by default), giving up after `timeoutMs`. */
export async function loadDataset(url: string = DATASET_URL, signal?: AbortSignal, timeoutMs = LOAD_TIMEOUT_MS): Promise<LoadResult> {
  // One controller for the caller's cancel and our own timeout, so that a silent server is cut off too.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener('abort', cancel);
  try {
    return await fetchDataset(url, controller.signal, () => timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

async function fetchDataset(url: string, signal: AbortSignal, timedOut: () => boolean, timeoutMs: number): Promise<LoadResult> {
  const file = `The timeline’s data file (${url})`;
  const stopped = () => timedOut()
    ? fail('timeout', `The timeline’s data did not arrive within ${Math.round(timeoutMs / 1000)} seconds: the server may be busy or unreachable.`)
    : fail('cancelled', 'Loading the timeline was cancelled.');
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch {
    if (signal.aborted) return stopped();
    return navigator.onLine === false
      ? fail('offline', 'You appear to be offline, so the timeline’s data could not be downloaded.')
      : fail('network', 'The timeline’s data could not be downloaded (the network request failed).');
  }
  if (!response.ok) {
    return fail('http', `${file} could not be loaded: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  }
  const cutOff = (why = '') => fail('cut-off', `The download of the timeline’s data (${url}) was cut off before its end${why}. Try again.`);
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
  const version = (json as { version?: unknown } | null)?.version;
  if (json !== null && typeof json === 'object' && version !== SUPPORTED_VERSION) {
    return fail('version', version === undefined
      ? `${file} does not say which version of the data format it uses; this page reads version ${SUPPORTED_VERSION}.`
      : `${file} is in version ${JSON.stringify(version).slice(0, 20)} of the data format; this page reads version ${SUPPORTED_VERSION} only.`);
  }
  const events = (json as { events?: unknown }).events;
  if (Array.isArray(events) && events.length === 0) return fail('empty', `${file} has no events: there is nothing to show yet.`);
  const problem = await checkDataset(json, signal);
  if (signal.aborted) return stopped();
  if (typeof problem === 'string') return fail('invalid', `${file} does not fit the expected format${problem}.`);
  return { ok: true, dataset: problem };
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

/**
 * How long one slice of the check may run before it yields: under the 50 ms of a long task, so
 * input is never blocked long, but not much less, since each yield lets the browser draw a frame
 * of the loading screen (with 8 ms slices, ready at 50,000 events was 11 % behind the first edition's
 * in interleaved runs; with 40 ms, 2 %).
 */
const SLICE_MS = 40;

/** Yields to the browser between slices of work, so that a large dataset never blocks input for long. */
function nextTask(): Promise<void> {
  // scheduler.yield resumes ahead of other queued tasks; setTimeout is the fallback.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Checks the dataset against the contract (the same checks as datasetSchema): the head at once,
 * the events in slices of about 8 ms with a pause between them, then the checks across the whole.
 * Returns the dataset, or where and what the first problem is.
 */
async function checkDataset(json: unknown, signal?: AbortSignal): Promise<Dataset | string> {
  const head = datasetHeadSchema.safeParse(json);
  if (!head.success) {
    const first = head.error.issues[0];
    return `${first?.path.length ? ` at ${first.path.join('.')}` : ''}: ${first?.message ?? 'unknown problem'}`;
  }
  const events: TimelineEvent[] = [];
  const raw = head.data.events;
  let sliceStart = performance.now();
  for (let i = 0; i < raw.length; i++) {
    if (i % 64 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      if (signal?.aborted) return ': loading was cancelled';
      sliceStart = performance.now();
    }
    const checked = eventSchema.safeParse(raw[i]);
    if (!checked.success) {
      const first = checked.error.issues[0];
      return ` at events.${i}${first?.path.length ? `.${first.path.join('.')}` : ''}: ${first?.message ?? 'unknown problem'}`;
    }
    events.push(checked.data);
  }
  const dataset: Dataset = { ...head.data, events };
  const broken = DATASET_INTEGRITY.find((c) => !c.holds(dataset));
  return broken ? `: ${broken.explain?.(dataset) ?? broken.message}` : dataset;
}
