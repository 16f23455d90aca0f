import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';

/** Runs a pipeline command whose reader has gone before it writes (as `| head` does once it has its lines). */
function runWithClosedOutput(script: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader stops reading: the command's next write meets a closed pipe
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('a command piped into a reader that stops early (`npm run data -- --help | head -2`)', () => {
  test('ends quietly with status 0: no EPIPE stack trace', async () => {
    const { status, stderr } = await runWithClosedOutput('pipeline/main.ts', ['--help']);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(status).toBe(0);
  }, 30_000);
});
