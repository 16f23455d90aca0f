/**
 * The pipeline's entry point, called in-process (`runPipeline`, the same
 * function the CLI runs), and the CLI itself as a child process where the
 * process is what is tested (exit status, stderr, --help). The real articles
 * are read from content/, but always with the events file of
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
import { runPipeline } from './main.ts';

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

/**
 * Runs the real CLI as a child process from the project root, as `npm run data` does (tsx's loader
 * in node), without npx looking up the binary first.
 */
function spawnCli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TIMEOUT });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the pipeline in-process with `args`, as the CLI would; `TZ` sets the process's time zone meanwhile. */
function runCli(args: string[], { TZ }: { TZ?: string } = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const savedTz = process.env.TZ;
  if (TZ) process.env.TZ = TZ;
  try {
    const status = runPipeline(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
    return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  }
}

function readDataset(file: string): Dataset {
  const parsed = datasetSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not fit the contract: ${parsed.error.message}`);
  return parsed.data as Dataset;
}

describe('the CLI process', () => {
  // A real process costs about 2 CPU-s (tsx, then the pipeline's modules), so one is spawned here:
  // the exit status and stderr of a failure. --help's exit 0 from a real process is
  // tests/unit/closedPipe.test.ts's, with its output closed; what it prints is tested in-process below.
  test('a failed build exits 1 with every error on stderr and no stack trace', () => {
    const out = path.join(tmpDir(), 'out.json');
    const run = spawnCli(['--content', TWO_ARTICLES, '--events', FIVE_PROBLEMS, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('5 error(s); nothing was written');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  }, CLI_TIMEOUT);
});

describe('unknown options and --help, in-process', () => {
  test('--help prints the options and returns 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--check', '--content', '--events', '--out', '--quiet']) expect(run.stdout).toContain(option);
    expect(run.stderr).toBe('');
  });

  test('an unknown option is one line that points to --help', () => {
    const run = runCli(['--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/--bogus.*see --help/)]);
  });
});

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
      expect(run.stderr).toMatch(new RegExp(`${FIVE_PROBLEMS}:\\d+: event "${id}" → ${field!.replace('.', '\\.')}: `));
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
    expect(run.stderr).toContain(`${path.relative(ROOT, events)}:3: event "broken" → not valid YAML`);
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

describe('the pipeline on hostile inputs, in-process', () => {
  test('an unwritable output path ends in one named line, not a stack trace', () => {
    const dir = tmpDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    const run = runCli(['--content', TWO_ARTICLES, '--out', path.join(blocker, 'out.json'), '--quiet']);
    expect(run.status).toBe(1);
    const name = path.relative(process.cwd(), path.join(blocker, 'out.json'));
    expect(run.stderr.split('\n')).toEqual([`✗ ${name}: cannot write the dataset (EEXIST); nothing was written`]);
  });

  test('a YAML alias bomb ends in one named error line', () => {
    const run = runCli(['--content', `${FIXTURES}/yaml-alias-bomb`, '--out', path.join(tmpDir(), 'out.json'), '--quiet']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual(['1 error(s); nothing was written:', expect.stringMatching(/^ {2}✗ tests\/fixtures\/pipeline\/yaml-alias-bomb\/events\.yaml: not valid YAML: Excessive alias count/)]);
  });

  test('one tab in the YAML gives one error, which says "tab"', () => {
    const run = runCli(['--content', `${FIXTURES}/yaml-tab`, '--out', path.join(tmpDir(), 'out.json'), '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 error(s)');
    expect(run.stderr).toMatch(/events\.yaml: not valid YAML: line 4: a tab/);
  });

  test('a bad published day gives one error there, the other events are still checked, and no "unknown article" follows', () => {
    const run = runCli(['--content', `${FIXTURES}/bad-published`, '--out', path.join(tmpDir(), 'out.json'), '--quiet']);
    expect(run.status).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('  ✗ '));
    // One error for the article, the real error elsewhere still found, nothing dated from the article blamed.
    expect(errors.filter((e) => e.includes('brest-talks'))).toEqual([
      expect.stringMatching(/bad-published\/articles\/brest-talks\.json: article "brest-talks" → published: .*"2022-02-30"/),
    ]);
    expect(errors).toContainEqual(expect.stringMatching(/bad-published\/events\.yaml:\d+: event "ministers-meet" → quotes\.0\.text: /));
    expect(errors.filter((e) => / → (date|end|dateEvidence)/.test(e) && /talks-in-brest|eighth-day|talks-to-continue|hospital/.test(e))).toEqual([]);
    expect(run.stderr).not.toContain('unknown article');
  });

  test('an empty article is named by its file', () => {
    const run = runCli(['--content', `${FIXTURES}/empty-article`, '--out', path.join(tmpDir(), 'out.json'), '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/pipeline/empty-article/articles/brest-talks.txt: article "brest-talks" has no text');
  });

  test('a symbolic link out of content/ is refused, and nothing of its target is published', () => {
    const out = path.join(tmpDir(), 'out.json');
    const run = runCli(['--content', `${FIXTURES}/symlink-out`, '--out', out, '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('symlink-out/articles/brest-talks.txt: is a symbolic link');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('CR-only, BOM and CRLF articles give the same result as LF ones, with byte ranges of their own files', () => {
    const dir = tmpDir();
    const [lfOut, mixedOut] = [path.join(dir, 'lf.json'), path.join(dir, 'mixed.json')];
    const lf = runCli(['--content', TWO_ARTICLES, '--out', lfOut, '--quiet']);
    // The same events file for both (line-endings has only articles, so it never falls behind two-articles).
    const mixed = runCli(['--content', `${FIXTURES}/line-endings`, '--events', `${TWO_ARTICLES}/events.yaml`, '--out', mixedOut, '--quiet']);
    expect(mixed.status).toBe(lf.status);
    expect(mixed.stderr.replaceAll('line-endings', 'two-articles')).toBe(lf.stderr);
    if (lf.status !== 0) return;
    const [a, b] = [readDataset(lfOut), readDataset(mixedOut)];
    expect(b.events).toEqual(a.events);
    for (const article of b.articles) {
      expect(article.paragraphs).toEqual(a.articles.find((x) => x.id === article.id)!.paragraphs);
      const bytes = fs.readFileSync(path.join(ROOT, article.file));
      article.paragraphs.forEach((text, i) => {
        const { rawStart, rawEnd } = article.paragraphInfo[i]!;
        expect(bytes.subarray(rawStart, rawEnd).toString('utf8')).toBe(text);
      });
    }
  });
});
