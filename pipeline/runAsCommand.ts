import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs a pipeline command when its module is the one Node was started with (`npm run data`, `import`,
 * `draft`), not when a test imports it: `run` gets the arguments and returns the exit status.
 * A reader that stops reading (`npm run data -- --help | head -2`) ends the command quietly, as Unix
 * tools do: without that, the next write fails with EPIPE and Node prints a stack trace.
 */
export function runAsCommand(moduleUrl: string, run: (args: string[]) => number): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = run(process.argv.slice(2));
}
