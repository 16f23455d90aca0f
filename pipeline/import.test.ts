import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { realDataset } from '../tests/fixtures/openData.ts';
import { exportTimelineJs } from './exportTimelineJs.ts';
import { runImport } from './import.ts';
import { readInputs } from './readInputs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TWO_ARTICLES = path.join(ROOT, 'tests/fixtures/pipeline/two-articles');

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
function workdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
  dirs.push(dir);
  return dir;
}
function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runImport(args, { log: (l) => out.push(l), error: (l) => err.push(l) }, cwd);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const SHEET = [
  'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
  '2022,3,3,,,,,,,Talks in Brest,"<p>Delegations met, again.</p>",,,,,,Diplomacy,',
  '2022,2,29,,,,,,,Leap day that is not,x,,,,,,,',
  '2022,3,10,,,,,,,,No headline,,,,,,,',
  '2022,3,10,,,,,,,Ministers meet,Text,,,,,,Summits,',
].join('\n');

describe('npm run import', () => {
  test('--help names the formats and the unsourced rule', () => {
    const { status, out } = run(['--help'], workdir());
    expect(status).toBe(0);
    expect(out).toMatch(/Usage: npm run import -- <file>/);
    expect(out).toMatch(/Headline, Text, Media/);
    expect(out).toMatch(/unsourced: true/);
  });

  test('writes a draft with every convertible row and lists every other one with its row number', () => {
    const cwd = workdir();
    fs.writeFileSync(path.join(cwd, 'My Sheet.csv'), SHEET);
    const { status, out, err } = run([path.join(cwd, 'My Sheet.csv')], cwd);
    expect(status).toBe(0);
    expect(err.split('\n')).toEqual([
      '  ✗ row 3: bad start date: 2022-02-29 is not a real calendar day',
      '  ✗ row 4: missing headline',
    ]);
    expect(out).toBe('✓ wrote content/drafts/import-my-sheet.yaml: 2 event(s) from CSV (TimelineJS template), 2 row(s) not converted; 2 unsourced (npm run data refuses them until they are grounded in an article)');
    const text = fs.readFileSync(path.join(cwd, 'content/drafts/import-my-sheet.yaml'), 'utf8');
    expect(text).toContain('#   row 3: bad start date: 2022-02-29 is not a real calendar day');
    expect(text).toContain('category: null # the group "Summits" is no category: choose one of military, diplomacy, humanitarian, international');
    expect(YAML.parse(text)).toEqual([
      { id: 'talks-in-brest', date: '2022-03-03', title: 'Talks in Brest', summary: 'Delegations met, again.', category: 'diplomacy', unsourced: true },
      { id: 'ministers-meet', date: '2022-03-10', title: 'Ministers meet', summary: 'Text', category: null, unsourced: true },
    ]);
  });

  test('the pipeline refuses every unsourced event of a draft, by name', () => {
    const cwd = workdir();
    fs.writeFileSync(path.join(cwd, 'timeline.json'), JSON.stringify(exportTimelineJs(realDataset())));
    expect(run([path.join(cwd, 'timeline.json'), '--out', 'draft.yaml'], cwd).status).toBe(0);
    const inputs = readInputs(TWO_ARTICLES, path.join(cwd, 'draft.yaml'), cwd);
    expect(inputs.events).toEqual([]);
    const refusals = inputs.errors.filter((e) => e.includes('→ unsourced: '));
    expect(refusals).toHaveLength(realDataset().events.length);
    expect(refusals[0]).toMatch(/^draft\.yaml: event "russia-invades-ukraine" → unsourced: ground it in an article's words before it can be published/);
  });

  test('never writes content/events.yaml, and overwrites a draft only with --force', () => {
    const cwd = workdir();
    fs.writeFileSync(path.join(cwd, 'a.csv'), SHEET);
    const refused = run([path.join(cwd, 'a.csv'), '--out', 'content/events.yaml'], cwd);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/never writes content\/events\.yaml/);
    expect(fs.existsSync(path.join(cwd, 'content/events.yaml'))).toBe(false);
    expect(run([path.join(cwd, 'a.csv')], cwd).status).toBe(0);
    const again = run([path.join(cwd, 'a.csv')], cwd);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/content\/drafts\/import-a\.yaml exists: pass --force/);
    expect(run([path.join(cwd, 'a.csv'), '--force'], cwd).status).toBe(0);
  });

  test('writes nothing when no row converts', () => {
    const cwd = workdir();
    fs.writeFileSync(path.join(cwd, 'b.csv'), 'when,what\n2022-03-03,talks\n');
    const { status, err } = run([path.join(cwd, 'b.csv')], cwd);
    expect(status).toBe(1);
    expect(err).toMatch(/row 1: expected the header of TimelineJS's template/);
    expect(fs.existsSync(path.join(cwd, 'content'))).toBe(false);
  });
});
