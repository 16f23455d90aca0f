/**
 * The command-line front of the pipeline's one-argument commands (`npm run draft -- <article>`,
 * `npm run import -- <file>`): options parsed strictly, `--help` printed, and a bad call answered
 * in one line with exit status 2.
 */
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
