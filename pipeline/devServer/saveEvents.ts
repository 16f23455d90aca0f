/**
 * Authoring in the dev server: saves a new text of the events file only when
 * the pipeline accepts it. The candidate is built by the pipeline itself
 * (runPipeline, in-process) from a copy outside the content folder; on
 * refusal the pipeline's own messages come back, named after the real events
 * file, and nothing is written. On success the events file and then the
 * dataset are written, each atomically.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPipeline } from '../main.ts';
import { writeAtomic } from '../writeAtomic.ts';

/** Where the dev server reads and writes: the content folder, its events file and the dataset the page loads. */
export type AuthoringPaths = { contentDir: string; eventsFile: string; datasetFile: string };
export type PipelineRun = { ok: true; log: string[] } | { ok: false; errors: string[] };

/** The pipeline's messages from its error lines: one per problem, without the count line or the ✗. */
function messagesOf(lines: readonly string[]): string[] {
  return lines
    .filter((l) => !/^\s*\d+ error\(s\); nothing was written:$/.test(l) && !l.startsWith('warning: '))
    .map((l) => l.trim().replace(/^✗ /, ''))
    .filter(Boolean);
}

/** Runs the pipeline in-process on `contentDir` (and `eventsFile`), writing the dataset to `out` when it passes. */
export function runBuild(contentDir: string, out: string, eventsFile?: string): PipelineRun {
  const log: string[] = [];
  const errors: string[] = [];
  const args = ['--content', contentDir, '--out', out, '--quiet', ...(eventsFile ? ['--events', eventsFile] : [])];
  const status = runPipeline(args, { log: (l) => log.push(l), error: (l) => errors.push(l) });
  return status === 0 ? { ok: true, log } : { ok: false, errors: messagesOf(errors) };
}

/**
 * Writes `candidate` as the events file if the pipeline builds a dataset from it, and that dataset
 * too; otherwise returns the pipeline's messages and writes nothing.
 */
export function saveEventsText(paths: AuthoringPaths, candidate: string): PipelineRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-authoring-'));
  try {
    const trial = path.join(dir, path.basename(paths.eventsFile));
    const out = path.join(dir, 'timeline.json');
    fs.writeFileSync(trial, candidate);
    const run = runBuild(paths.contentDir, out, trial);
    if (!run.ok) {
      // The messages name the trial copy; the editor knows the file as the events file (same lines).
      const from = path.relative(process.cwd(), trial) || trial;
      const to = path.relative(process.cwd(), paths.eventsFile) || paths.eventsFile;
      return { ok: false, errors: run.errors.map((e) => e.split(from).join(to)) };
    }
    writeAtomic(paths.eventsFile, candidate);
    writeAtomic(paths.datasetFile, fs.readFileSync(out, 'utf8'));
    return run;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
