/**
 * A command whose reader stops reading (`npm run data -- --help | head -2`) ends quietly, as
 * Unix tools do: without this, the next write fails with EPIPE and Node prints a stack trace.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
}
