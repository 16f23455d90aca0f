/**
 * Errors a person can act on (issue 13, section 4), `--fix-quotes` and `--show`, through the
 * pipeline's entry point in-process. The fixture tests/fixtures/pipeline/authoring-errors holds
 * several problems, one event with two; all of them come in one run, each with the file, the
 * line, the event, the field and the fix, in plain words.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runPipeline } from './main.ts';

const FIXTURE = 'tests/fixtures/pipeline/authoring-errors/events.yaml';
const TWO_ARTICLES = 'tests/fixtures/pipeline/two-articles';

const tmpDirs: string[] = [];
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-authoring-'));
  tmpDirs.push(dir);
  return dir;
}

function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = runPipeline(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** The errors of a failed run, each with the lines that follow it (snippet, diff). */
function errorsOf(stderr: string): string[] {
  return stderr.split('\n  ✗ ').slice(1);
}

describe('every problem of the events file in one run, in plain words', () => {
  const out = () => path.join(tmpDir(), 'out.json');
  const result = () => run(['--content', TWO_ARTICLES, '--events', FIXTURE, '--out', out(), '--quiet']);

  test('all of them, each naming the file, its line, the event and the field, with the YAML of that line', () => {
    const { status, stderr } = result();
    expect(status).toBe(1);
    const errors = errorsOf(stderr);
    const heads = errors.map((e) => e.split('\n')[0]!.replace(/:\s.*$/s, (m) => m.slice(0, m.indexOf(' → ') + 3)));
    expect(heads.length).toBe(7);
    for (const [line, id, field] of [
      [6, 'hospital-bombed', 'category'],
      [17, 'apostrophe-in-title', 'title'],
      [28, 'no-title', 'title'],
      [48, 'straight-apostrophe', 'quotes.0.text'],
      [61, 'across-paragraphs', 'quotes.0.text'],
      [71, 'two-problems', 'category'],
      [74, 'two-problems', 'quotes.0.text'],
    ] as const) {
      const error = errors.find((e) => e.startsWith(`${FIXTURE}:${line}: event "${id}" → ${field}: `));
      expect(error, `${id} ${field} at line ${line} in:\n${stderr}`).toBeDefined();
      const source = fs.readFileSync(FIXTURE, 'utf8').split('\n')[line - 1]!;
      expect(error).toContain(`      ${line} | ${source}`);
    }
    expect(stderr).not.toMatch(/Invalid input|expected string|received undefined/);
  });

  test('a bad category says what the categories are, and which one was meant', () => {
    const { stderr } = result();
    expect(stderr).toContain(`${FIXTURE}:6: event "hospital-bombed" → category: category "Humanitarian" is not one of military, diplomacy, humanitarian, international — did you mean "humanitarian"?`);
  });

  test("an apostrophe inside a single-quoted value is named, with how to write it", () => {
    const { stderr } = result();
    expect(stderr).toContain(`${FIXTURE}:17: event "apostrophe-in-title" → title: a ' inside a single-quoted value ends it early: write '' or use double quotes`);
    expect(stderr).toContain("      17 |   title: 'The ministers' meeting'");
  });

  test('a missing field is "missing", at the line of its event', () => {
    const { stderr } = result();
    expect(stderr).toContain(`${FIXTURE}:28: event "no-title" → title: title is missing`);
  });

  test('a quote with a straight apostrophe: the closest passage, the difference marked in both, the characters named', () => {
    const error = errorsOf(result().stderr).find((e) => e.includes('"straight-apostrophe" → quotes.0.text'))!;
    const lines = error.split('\n');
    expect(lines[0]).toContain('not found verbatim in the article; the closest passage is in ¶2:');
    const quote = lines.find((l) => l.trimStart().startsWith('quote:'))!;
    const source = lines.find((l) => l.trimStart().startsWith('source:'))!;
    const marks = lines[lines.indexOf(source) + 1]!;
    // Never cut: the whole quote and the whole passage, the difference marked under both.
    expect(quote).toContain("A children's hospital was bombed on Wednesday, officials said.");
    expect(source).toContain('A children’s hospital was bombed on Wednesday, officials said.');
    expect(marks.trim()).toBe('^');
    expect(quote[marks.indexOf('^')]).toBe("'");
    expect(source[marks.indexOf('^')]).toBe('’');
    expect(error).toContain("the source has ’ (U+2019) where the quote has ' (U+0027)");
    expect(error).toContain('--fix-quotes');
  });

  test('a quote that crosses two paragraphs says so', () => {
    const { stderr } = result();
    expect(stderr).toContain(`${FIXTURE}:61: event "across-paragraphs" → quotes.0.text: not found in one paragraph: the quote runs from ¶1 into ¶2 of the article`);
  });

  test('an event with a bad category and a bad quote gets both, and nothing that only follows from them', () => {
    const errors = errorsOf(result().stderr).filter((e) => e.includes('event "two-problems"'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('category "diplomcy" is not one of military, diplomacy, humanitarian, international — did you mean "diplomacy"?');
    expect(errors[1]).toContain('the source has a space where the quote has - (U+002D)');
  });
});

describe('--fix-quotes', () => {
  test('rewrites only the quote whose quote marks differ, keeping comments and everything else; a second run writes nothing', () => {
    const events = path.join(tmpDir(), 'events.yaml');
    const before = fs.readFileSync(FIXTURE, 'utf8');
    fs.writeFileSync(events, before);
    const first = run(['--content', TWO_ARTICLES, '--events', events, '--fix-quotes']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(':48: event "straight-apostrophe" → quotes.0.text: \' (U+0027) → ’ (U+2019)');
    expect(first.stdout).toContain('1 quote(s) fixed');
    const after = fs.readFileSync(events, 'utf8');
    const [a, b] = [before.split('\n'), after.split('\n')];
    expect(b).toHaveLength(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
    expect(changed).toEqual([48]);
    expect(b[47]).toBe('      text: "A children’s hospital was bombed on Wednesday, officials said."');
    expect(after).toContain("# The article has ’ (U+2019); this quote has ' (U+0027): --fix-quotes mends it.");

    const mtime = fs.statSync(events).mtimeMs;
    const second = run(['--content', TWO_ARTICLES, '--events', events, '--fix-quotes']);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('was not written');
    expect(fs.statSync(events).mtimeMs).toBe(mtime);
  });
});

describe('--show', () => {
  test('a real article: numbered paragraphs, removed lines with their reasons, dates with their days', () => {
    const { status, stdout } = run(['--show', 'antalya-ministers-meet']);
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^content\/articles\/antalya-ministers-meet\.txt — “.+”, published 2022-03-10, as the pipeline sees it:$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}✂ removed \(navigation run into the headline\) {2}\[line 1\] {2}HomeTop News/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}✂ removed \(headline\) {2}\[line 3\]/));
    expect(lines).toContainEqual(expect.stringMatching(/^¶1 {2}\[line 7\] {2}Turkey holds/));
    expect(lines).toContainEqual(expect.stringMatching(/^¶2 {2}\[line 9\] {2}On Thursday, Ukraine redoubled/));
    expect(lines[lines.findIndex((l) => l.startsWith('¶2 ')) + 1]).toBe('      date: "On Thursday," at 0 → 2022-03-10');
    const numbers = lines.filter((l) => l.startsWith('¶')).map((l) => Number(/^¶(\d+)/.exec(l)![1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(lines.at(-1)).toMatch(/^\d+ paragraph\(s\) \(\d+ caption\(s\)\), \d+ line\(s\) removed, \d+ date expression\(s\) resolved against 2022-03-10$/);
  });

  test('an unknown article is one line naming the known ones', () => {
    const { status, stderr } = run(['--show', 'nowhere']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^✗ --show: no article "nowhere"; known: antalya-ministers-meet, second-round-belarus-talks$/);
  });

  test('--help lists every option', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    for (const option of ['--check', '--content', '--events', '--out', '--quiet', '--all-warnings', '--show', '--fix-quotes', '--help']) expect(stdout).toContain(option);
  });
});

describe('warnings for uncited date expressions', () => {
  test('only for the articles that changed since the dataset in --out, numbered from ¶1, once', () => {
    const out = path.join(tmpDir(), 'out.json');
    const events = `${TWO_ARTICLES}/events.yaml`;
    const first = run(['--content', TWO_ARTICLES, '--events', events, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^warning: antalya-ministers ¶\d+: date expression/m);
    expect(first.stderr).not.toMatch(/¶0/);
    const second = run(['--content', TWO_ARTICLES, '--events', events, '--out', out]);
    expect(second.stderr).not.toContain('warning:');
    const all = run(['--content', TWO_ARTICLES, '--events', events, '--out', out, '--all-warnings']);
    expect(all.stderr).toBe(first.stderr);
  });
});
