import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/** Runs `vite build` with TIMELINE_DATASET set, into a temporary folder. */
function buildWith(dataset: string) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-build-'));
  const run = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, TIMELINE_DATASET: dataset }, encoding: 'utf8',
  });
  return { ...run, outDir };
}

describe('npm run build with TIMELINE_DATASET', () => {
  test('ships another valid dataset as its own file, byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-'));
    const file = path.join(dir, 'small.json');
    const data = JSON.parse(fs.readFileSync('src/data/timeline.json', 'utf8'));
    data.events = data.events.slice(0, 3);
    fs.writeFileSync(file, JSON.stringify(data));
    const { status, outDir } = buildWith(file);
    expect(status).toBe(0);
    expect(fs.readFileSync(path.join(outDir, 'data/timeline.json'), 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
    const js = fs.readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(outDir, 'assets', f), 'utf8')).join('');
    // The data is not compiled into the JavaScript.
    expect(js).not.toContain(data.events[0].summary);
  }, 60_000);

  test('refuses a dataset that does not fit the contract, naming the file and the problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-'));
    const file = path.join(dir, 'broken.json');
    const data = JSON.parse(fs.readFileSync('src/data/timeline.json', 'utf8'));
    data.events[0].date = '2022-02-30';
    fs.writeFileSync(file, JSON.stringify(data));
    const { status, stderr, stdout } = buildWith(file);
    expect(status).not.toBe(0);
    const output = `${stdout}\n${stderr}`;
    expect(output).toContain(file);
    expect(output).toMatch(/events\.0\.date: expected a real calendar day/);
  }, 60_000);

  test('refuses a dataset file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-'));
    const file = path.join(dir, 'page.json');
    fs.writeFileSync(file, '<!doctype html><h1>Not found</h1>');
    const { status, stderr, stdout } = buildWith(file);
    expect(status).not.toBe(0);
    expect(`${stdout}\n${stderr}`).toMatch(/not valid JSON/);
  }, 60_000);
});
