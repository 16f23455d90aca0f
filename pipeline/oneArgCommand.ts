/**
 * The command-line front of the pipeline's one-argument commands (`npm run draft -- <article>`,
 * `npm run import -- <file>`): options parsed strictly, `--help` printed, and a bad call answered
 * in one line with exit status 2; and where their draft may be written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Io } from './main.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `args` for a command that takes exactly one positional argument (`what`, for the
 * message). Returns the options and that argument, or the exit status to end with: 0 after
 * printing `usage` for --help, 2 after one line naming the problem.
 */
export function parseOneArgCommand<O extends Options>(
  args: string[], options: O, usage: string, what: string, io: Io,
): { values: ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>['values']; arg: string } | number {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    io.error(`✗ ${(e as Error).message.split('\n')[0]} (see --help)`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.log(usage);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.error(`✗ expected ${what} (see --help)`);
    return 2;
  }
  return { values: parsed.values, arg: parsed.positionals[0]! };
}

/**
 * Whether a draft may be written to `out`: never to the curated events file, and over an existing
 * file only with --force. Returns the exit status to end with after one line naming the problem
 * (2: the events file, `never` saying why; 1: the file exists), or null when it may.
 */
export function refuseDraftOut(out: string, cwd: string, force: boolean | undefined, never: string, io: Io): number | null {
  if (out === path.resolve(cwd, 'content/events.yaml')) {
    io.error(`✗ ${never}`);
    return 2;
  }
  if (fs.existsSync(out) && !force) {
    io.error(`✗ ${path.relative(cwd, out) || out} exists: pass --force to overwrite it, or --out another file`);
    return 1;
  }
  return null;
}
