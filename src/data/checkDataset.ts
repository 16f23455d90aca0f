/**
 * The check of loaded data against the contract: the schemas and zod load
 * with it, in their own chunk, asked for as the data download starts (the
 * first frame, a loading screen, does not need them).
 */
import { DATASET_INTEGRITY, datasetHeadSchema, eventSchema, type Dataset, type TimelineEvent } from './schema.ts';

/** ` at a.b.c: what is wrong`, from a zod issue. */
export function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined, prefix = ''): string {
  const where = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return `${where ? ` at ${where}` : ''}: ${issue?.message ?? 'unknown problem'}`;
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
 * the events in slices of about SLICE_MS with a pause between them, then the checks across the whole.
 * Returns the dataset, or where and what the first problem is.
 */
export async function checkDataset(json: unknown, signal?: AbortSignal): Promise<Dataset | string> {
  const head = datasetHeadSchema.safeParse(json);
  if (!head.success) return describeIssue(head.error.issues[0]);
  // The download's parse and the head's check (the articles) ran in this task: the events' slices
  // start in a task of their own.
  await nextTask();
  if (signal?.aborted) return ': loading was cancelled';
  const events = await checkEvents(head.data.events, signal);
  if (typeof events === 'string') return events;
  const dataset: Dataset = { ...head.data, events };
  const broken = DATASET_INTEGRITY.find((c) => !c.holds(dataset));
  return broken ? `: ${broken.explain?.(dataset) ?? broken.message}` : dataset;
}

/**
 * Checks events one by one against the contract in slices of about SLICE_MS with a pause between
 * them, so that no task blocks input for long. Returns the events, or where and what the first
 * problem is.
 */
export async function checkEvents(raw: readonly unknown[], signal?: AbortSignal): Promise<TimelineEvent[] | string> {
  const events: TimelineEvent[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < raw.length; i++) {
    if (i % 64 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      if (signal?.aborted) return ': loading was cancelled';
      sliceStart = performance.now();
    }
    const checked = eventSchema.safeParse(raw[i]);
    if (!checked.success) return describeIssue(checked.error.issues[0], `events.${i}`);
    events.push(checked.data);
  }
  return events;
}
