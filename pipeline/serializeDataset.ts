/** The dataset as committed: pretty-printed JSON with a final newline, same input → same bytes. */
import type { Dataset } from '../src/data/schema.ts';

/** Serialises the dataset deterministically (key order is the order the pipeline builds). */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
