/**
 * Checks a built dataset file against the contract before the app build
 * ships it (`npm run build`, and `TIMELINE_DATASET=<path>` for another
 * dataset). Returns the file's bytes, or throws one error that names the
 * file and lists every problem.
 */
import fs from 'node:fs';
import { datasetSchema } from '../src/data/schema.ts';

/** Reads and validates `file`; returns its text when it fits the contract. */
export function validateDatasetFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the dataset (${(e as NodeJS.ErrnoException).code ?? String(e)}); run \`npm run data\` first`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: the dataset is not valid JSON (${(e as Error).message})`);
  }
  const result = datasetSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 20).map((i) => `  ✗ ${i.path.join('.') || '(dataset)'}: ${i.message}`);
    const more = result.error.issues.length > 20 ? `\n  … and ${result.error.issues.length - 20} more` : '';
    throw new Error(`${file}: the dataset does not fit the contract (src/data/schema.ts):\n${lines.join('\n')}${more}`);
  }
  return text;
}
