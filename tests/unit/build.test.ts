import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { exportCsv } from '../../pipeline/exportCsv.ts';
import { archiveChunkSchema, archiveIndexSchema, searchIndexSchema } from '../../src/data/archiveSchema.ts';

/** Vite's own command line, run by node directly (npx would first spend a second looking it up). */
const VITE = path.resolve('node_modules/vite/bin/vite.js');

/** Runs `vite build` with TIMELINE_DATASET set (and any other `env`), into a temporary folder. */
function buildWith(dataset: string, env: Record<string, string> = {}) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-build-'));
  const run = spawnSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, TIMELINE_DATASET: dataset, ...env }, encoding: 'utf8',
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

  test('from the archive threshold, ships the index, the chunks and the search index, with exports and JSON-LD of the whole', () => {
    const data = JSON.parse(fs.readFileSync('src/data/timeline.json', 'utf8'));
    const { status, stderr, outDir } = buildWith(path.resolve('src/data/timeline.json'), { TIMELINE_ARCHIVE_THRESHOLD: String(data.events.length) });
    expect(status, stderr).toBe(0);
    const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
    const index = archiveIndexSchema.parse(JSON.parse(read('data/timeline.json')));
    expect(index.total).toBe(data.events.length);
    const ids = index.chunks.flatMap((c) => {
      const text = read(c.file);
      expect(createHash('sha256').update(fs.readFileSync(path.join(outDir, c.file))).digest('hex')).toBe(c.sha256);
      return archiveChunkSchema.parse(JSON.parse(text)).events.map((e) => (e as { id: string }).id);
    });
    expect(ids).toEqual(data.events.map((e: { id: string }) => e.id));
    expect(searchIndexSchema.parse(JSON.parse(read(index.search.file))).ids).toEqual(ids);
    // The open data is still of the whole dataset.
    expect(read('data/timeline.csv')).toBe(exportCsv(data));
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read('index.html'))![1]!;
    const list = JSON.parse(jsonLd) as { numberOfItems: number; itemListElement: Array<{ item: { identifier: string } }> };
    expect(list.numberOfItems).toBe(data.events.length);
    expect(list.itemListElement.map((i) => i.item.identifier)).toEqual(data.events.filter((e: { key?: boolean }) => e.key).map((e: { id: string }) => e.id));
  }, 60_000);

  // The build's one refusal through a real `vite build`: that it stops with the check's message. The
  // check's other refusals (not JSON, no file) are pipeline/validateDatasetFile.test.ts's, in-process.
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
});
