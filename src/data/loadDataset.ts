/**
 * Loads the dataset that the build ships beside the page and checks it
 * against the contract. Never throws: every way it can fail (offline, an
 * HTTP error, an HTML error page, JSON that does not fit) comes back as a
 * problem sentence for the page to show.
 */
import { DATASET_INTEGRITY, datasetHeadSchema, eventSchema, type Dataset, type TimelineEvent } from './schema.ts';

export const DATASET_URL = 'data/timeline.json';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problem: string };

/** Fetches and validates the dataset at `url` (relative to the page by default). */
export async function loadDataset(url: string = DATASET_URL, signal?: AbortSignal): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch {
    if (signal?.aborted) return { ok: false, problem: 'Loading the timeline was cancelled.' };
    return { ok: false, problem: navigator.onLine === false
      ? 'You appear to be offline, so the timeline’s data could not be downloaded.'
      : 'The timeline’s data could not be downloaded (the network request failed).' };
  }
  if (!response.ok) {
    return { ok: false, problem: `The timeline’s data file (${url}) could not be loaded: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    return { ok: false, problem: `The timeline’s data file (${url}) is not valid JSON${/html/i.test(response.headers.get('content-type') ?? '') ? ' (the server sent a web page instead)' : ''}.` };
  }
  const problem = await checkDataset(json, signal);
  if (typeof problem === 'string') return { ok: false, problem: `The timeline’s data file (${url}) does not fit the expected format${problem}.` };
  return { ok: true, dataset: problem };
}

const SLICE = 2000;

/** Yields to the browser between slices of work, so that a large dataset never blocks input for long. */
function nextTask(): Promise<void> {
  // scheduler.yield resumes ahead of other queued tasks; setTimeout is the fallback.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Checks the dataset against the contract (the same checks as datasetSchema): the head at once,
 * the events in slices of 2,000 with a pause between them, then the checks across the whole.
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
  for (let start = 0; start < raw.length; start += SLICE) {
    if (start > 0) await nextTask();
    if (signal?.aborted) return ': loading was cancelled';
    for (let i = start; i < Math.min(raw.length, start + SLICE); i++) {
      const checked = eventSchema.safeParse(raw[i]);
      if (!checked.success) {
        const first = checked.error.issues[0];
        return ` at events.${i}${first?.path.length ? `.${first.path.join('.')}` : ''}: ${first?.message ?? 'unknown problem'}`;
      }
      events.push(checked.data);
    }
  }
  const dataset: Dataset = { ...head.data, events };
  const broken = DATASET_INTEGRITY.find((c) => !c.holds(dataset));
  return broken ? `: ${broken.message}` : dataset;
}
