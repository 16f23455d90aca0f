/**
 * The check `npm run build` makes of the dataset before shipping it, called in-process. That the
 * build runs it and stops with its message is tested once through the real build
 * (tests/unit/build.test.ts, "refuses a dataset that does not fit the contract").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateDatasetFile } from './validateDatasetFile.ts';

function fileWith(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('validateDatasetFile', () => {
  test('returns the text of a dataset that fits the contract, unchanged', () => {
    const text = fs.readFileSync('src/data/timeline.json', 'utf8');
    expect(validateDatasetFile(fileWith('ok.json', text))).toBe(text);
  });

  test('refuses a file that is not JSON (a web page saved in its place), naming the file', () => {
    const file = fileWith('page.json', '<!doctype html><h1>Not found</h1>');
    expect(() => validateDatasetFile(file)).toThrow(`${file}: the dataset is not valid JSON`);
  });

  test('refuses a missing file, naming it and the command that makes it', () => {
    const file = path.join(os.tmpdir(), 'no-such-dir-for-timeline', 'timeline.json');
    expect(() => validateDatasetFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot read the dataset \\(ENOENT\\); run \`npm run data\` first$`));
  });

  test('lists every problem of a dataset that does not fit, by its path', () => {
    const data = JSON.parse(fs.readFileSync('src/data/timeline.json', 'utf8'));
    data.events[0].date = '2022-02-30';
    data.events[1].title = '';
    const file = fileWith('broken.json', JSON.stringify(data));
    let message = '';
    try { validateDatasetFile(file); } catch (e) { message = (e as Error).message; }
    expect(message).toContain(`${file}: the dataset does not fit the contract`);
    expect(message).toMatch(/events\.0\.date: expected a real calendar day/);
    expect(message).toMatch(/events\.1\.title:/);
  });
});
