/**
 * Runs the real CLI (`npx tsx pipeline/main.ts`) as a child process. The real
 * articles are read from content/, but always with the events file of
 * tests/fixtures/pipeline/real-articles, so that these tests do not depend on
 * content/events.yaml, which is curated separately.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { datasetSchema, type Dataset } from '../src/data/schema.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = 'tests/fixtures/pipeline';
const TWO_ARTICLES = `${FIXTURES}/two-articles`;
const FIVE_PROBLEMS = `${FIXTURES}/five-problems/events.yaml`;
const REAL_EVENTS = `${FIXTURES}/real-articles/events.yaml`;
const CLI_TIMEOUT = 60_000;

const tmpDirs: string[] = [];
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-cli-'));
  tmpDirs.push(dir);
  return dir;
}

/** Runs the CLI from the project root with `args`; `TZ` sets the child's time zone. */
function runCli(args: string[], { TZ }: { TZ?: string } = {}) {
  const result = spawnSync('npx', ['tsx', 'pipeline/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...(TZ && { TZ }) },
    timeout: CLI_TIMEOUT,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readDataset(file: string): Dataset {
  const parsed = datasetSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not fit the contract: ${parsed.error.message}`);
  return parsed.data as Dataset;
}

describe('the pipeline CLI on the fixture content dirs', () => {
  test('builds two-articles: exit 0, a dataset that fits the contract, and nothing else in the folder', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'nested', 'out.json');
    const run = runCli(['--content', TWO_ARTICLES, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('wrote');
    const dataset = readDataset(out);
    expect(dataset.events.map((e) => e.id).sort()).toEqual(['eighth-day-of-fighting', 'hospital-bombed', 'ministers-meet', 'talks-in-brest', 'talks-to-continue']);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['out.json']);
  }, CLI_TIMEOUT);

  test('fails on five-problems: exit 1, all five on stderr, and a pre-existing out file byte-for-byte untouched', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.json');
    const before = Buffer.from('{ "previous": "dataset – keep me" }\n', 'utf8');
    fs.writeFileSync(out, before);
    const run = runCli(['--content', TWO_ARTICLES, '--events', FIVE_PROBLEMS, '--out', out]);

    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('nothing was written');
    for (const [id, field] of [
      ['wrong-quote', 'quotes.0.text'],
      ['unknown-article', 'quotes.0.article'],
      ['impossible-date', 'date'],
      ['ministers-meet', 'id'],
      ['ends-before-start', 'end'],
    ]) {
      expect(run.stderr).toContain(`${FIVE_PROBLEMS}: event "${id}" → ${field}: `);
    }
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  }, CLI_TIMEOUT);

  test('fails without creating the out file when there was none', () => {
    const out = path.join(tmpDir(), 'out.json');
    const run = runCli(['--content', TWO_ARTICLES, '--events', FIVE_PROBLEMS, '--out', out]);
    expect(run.status).not.toBe(0);
    expect(fs.existsSync(out)).toBe(false);
  }, CLI_TIMEOUT);

  test('a YAML error fails with a message naming the events file', () => {
    const dir = tmpDir();
    const events = path.join(dir, 'events.yaml');
    fs.writeFileSync(events, '- id: broken\n  title: [unclosed\n');
    const run = runCli(['--content', TWO_ARTICLES, '--events', events, '--out', path.join(dir, 'out.json')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${path.relative(ROOT, events)}: not valid YAML`);
    expect(fs.existsSync(path.join(dir, 'out.json'))).toBe(false);
  }, CLI_TIMEOUT);
});

describe('the pipeline CLI on the real articles', () => {
  test('two runs give identical bytes, even in two different time zones', () => {
    const dir = tmpDir();
    const [a, b] = [path.join(dir, 'a.json'), path.join(dir, 'b.json')];
    const runA = runCli(['--content', 'content', '--events', REAL_EVENTS, '--out', a, '--quiet'], { TZ: 'America/Los_Angeles' });
    const runB = runCli(['--content', 'content', '--events', REAL_EVENTS, '--out', b, '--quiet'], { TZ: 'Asia/Tokyo' });
    expect(runA.status, runA.stderr).toBe(0);
    expect(runB.status, runB.stderr).toBe(0);
    const bytesA = fs.readFileSync(a);
    expect(bytesA.length).toBeGreaterThan(0);
    expect(bytesA.equals(fs.readFileSync(b))).toBe(true);
    expect(bytesA.toString('utf8').endsWith('}\n')).toBe(true);
  }, CLI_TIMEOUT);

  test('dates the events from the articles’ own words', () => {
    const out = path.join(tmpDir(), 'out.json');
    const run = runCli(['--content', 'content', '--events', REAL_EVENTS, '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const dataset = readDataset(out);
    expect(dataset.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['antalya-ministers-meet', 'second-round-belarus-talks']));
    expect(Object.fromEntries(dataset.events.map((e) => [e.id, e.dateEvidence.resolved]))).toEqual({
      'second-round-of-talks': '2022-03-03',
      'eighth-day-of-fighting': '2022-03-03',
      'kuleba-ceasefire-demands': '2022-03-09',
      'lavrov-kuleba-antalya': '2022-03-10',
    });
    // "on March 3" is also in the Delegations caption: the evidence must be the words in Podolyak's quote.
    const talks = dataset.events.find((e) => e.id === 'second-round-of-talks')!;
    const belarus = dataset.articles.find((a) => a.id === 'second-round-belarus-talks')!;
    expect(talks.dateEvidence).toMatchObject({ paragraph: talks.quotes[0]!.paragraph });
    expect(belarus.paragraphInfo[talks.quotes[0]!.paragraph]?.kind).toBe('text');
  }, CLI_TIMEOUT);

  test('--check passes on a fresh file and fails on a stale or missing one, without writing', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'timeline.json');
    const args = ['--content', 'content', '--events', REAL_EVENTS, '--out', out, '--quiet'];
    expect(runCli(args).status).toBe(0);

    const fresh = runCli([...args, '--check']);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('up to date');

    const built = fs.readFileSync(out, 'utf8');
    const stale = built.replace('"2022-03-09"', '"2022-03-08"');
    expect(stale).not.toBe(built);
    fs.writeFileSync(out, stale);
    const staleRun = runCli([...args, '--check']);
    expect(staleRun.status).not.toBe(0);
    expect(staleRun.stderr).toContain('stale');
    expect(fs.readFileSync(out, 'utf8')).toBe(stale);

    // Only a final newline missing is stale too: the check compares bytes, not meaning.
    fs.writeFileSync(out, built.trimEnd());
    expect(runCli([...args, '--check']).status).not.toBe(0);

    fs.rmSync(out);
    const missing = runCli([...args, '--check']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('missing');
    expect(fs.existsSync(out)).toBe(false);
  }, CLI_TIMEOUT * 2);
});
