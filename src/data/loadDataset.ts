/**
 * Loads the dataset that the build ships beside the page and checks it
 * against the contract. Never throws: every way it can fail (offline, an
 * HTTP error, an HTML error page, JSON that does not fit) comes back as a
 * problem sentence for the page to show.
 */
import { datasetSchema, type Dataset } from './schema.ts';

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
  const checked = datasetSchema.safeParse(json);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { ok: false, problem: `The timeline’s data file (${url}) does not fit the expected format${where}: ${first?.message ?? 'unknown problem'}.` };
  }
  return { ok: true, dataset: checked.data as Dataset };
}
