/**
 * Authoring in the browser, against `npm run dev` (vite's dev server, not the production build):
 * the test starts its own dev server on 127.0.0.1 on a free port, on a copy of content/ whose
 * events file is tests/fixtures/authoring/events.yaml (with comments), so the real content is never
 * touched. Select a passage in the source reader, create an event from it, see it in the timeline
 * after the reload, and the events file gains exactly that entry; a change under content/ rebuilds
 * the dataset and reloads the page on its own. Also: the production build ships no authoring code.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './harness.ts';
import { runBuild } from '../../pipeline/devServer/saveEvents.ts';

const FIXTURE = 'tests/fixtures/authoring/events.yaml';
const ARTICLE = 'second-round-belarus-talks';

let dir: string;
let eventsFile: string;
let server: ChildProcess;
let base: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the dev server answers; fails with its output if it exits first. */
async function waitForServer(url: string, child: ChildProcess, output: string[]): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dev server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authoring-browser-'));
  const content = path.join(dir, 'content');
  fs.cpSync('content', content, { recursive: true });
  eventsFile = path.join(content, 'events.yaml');
  fs.copyFileSync(FIXTURE, eventsFile);
  const dataset = path.join(dir, 'timeline.json');
  const built = runBuild(content, dataset);
  if (!built.ok) throw new Error(built.errors.join('\n'));

  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  const output: string[] = [];
  server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--clearScreen', 'false'], {
    env: { ...process.env, NODE_ENV: 'development', TIMELINE_CONTENT: content, TIMELINE_DATASET: dataset },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  server.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  await waitForServer(base, server, output);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  // The dev server and anything it started: its own process group.
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Selects, in the reader, the words of the paragraph that starts with `opening`, from character `from` to `to`. */
async function selectInParagraph(page: Page, opening: string, from: number, to: number) {
  await page.evaluate(({ opening, from, to }) => {
    const p = [...document.querySelectorAll('section p')].find((el) => el.textContent?.startsWith(opening));
    const text = p?.firstChild;
    if (!text) throw new Error(`no paragraph starting "${opening}"`);
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, { opening, from, to });
}

describe('authoring in the dev server', () => {
  it('creates an event from a selected passage: refused with the pipeline’s words first, then saved, shown after the reload, the file gaining exactly that entry', async () => {
    // Dark, so that the screenshots show the form in the dark tokens (the component tests cover light).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${base}?source=${ARTICLE}`);
    const bar = page.getByRole('region', { name: 'Authoring (dev server only)' });
    await bar.waitFor();
    const before = fs.readFileSync(eventsFile, 'utf8');

    // From inside "The" (snapped to the whole word) to the end of "killed".
    const words = 'The Russian Defense Ministry also announced that 498 Russian soldiers were killed';
    await selectInParagraph(page, 'The Russian Defense Ministry', 2, words.length - 2);
    // The article has no-break spaces where these words have spaces.
    await expect.poll(async () => (await bar.textContent())?.replace(/\s/g, ' ')).toContain(`“${words}”`);
    const open = bar.getByRole('button', { name: 'New event from this passage' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'New event from this passage' });
    // Escape closes the dialog only (the reader stays) and gives focus back to the button.
    await dialog.getByRole('radio').first().waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    await bar.waitFor();
    await open.click();
    await dialog.getByRole('radio', { name: /3 Mar 2022: undated, no words date it/ }).check();
    await dialog.getByRole('combobox', { name: 'Category' }).selectOption('military');
    const title = dialog.getByRole('textbox', { name: 'Title' });
    await title.fill('Kyiv hears the Russian Defense Ministry’s figures');
    // The claims check runs as one types, through the dev server.
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByText(/“Kyiv” is not in the quote/).count()).toBe(1);
    await title.fill('Russian Defense Ministry gives its casualty figures');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('false');
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('The Russian Defense Ministry announced that 498 Russian soldiers were killed.');

    // A save the pipeline refuses (an id already taken) writes nothing and says why beside the field.
    const id = dialog.getByRole('textbox', { name: 'Id' });
    await id.fill('first-talks-belarus');
    await dialog.getByRole('button', { name: 'Save event' }).click();
    await dialog.getByText(/duplicate id: another event already has "first-talks-belarus"/).waitFor();
    expect(fs.readFileSync(eventsFile, 'utf8')).toBe(before);
    await screenshot(page, 'authoring-refused');

    await id.fill('russian-casualty-figures');
    await dialog.getByRole('button', { name: 'Save event' }).click();
    await page.waitForURL((url) => url.search === '?event=russian-casualty-figures');
    await page.locator('[data-event-id="russian-casualty-figures"]').first().waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: 'Russian Defense Ministry gives its casualty figures', level: 2 }).waitFor();
    await screenshot(page, 'authoring-saved');

    const after = fs.readFileSync(eventsFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe([
      '- id: russian-casualty-figures',
      "  date: '2022-03-03'",
      "  title: 'Russian Defense Ministry gives its casualty figures'",
      '  summary: >-',
      '    The Russian Defense Ministry announced that 498 Russian soldiers were killed.',
      '  category: military',
      '  quotes:',
      `    - article: ${ARTICLE}`,
      `      text: '${words}'`,
      '  dateEvidence:',
      '    kind: undated',
      `    article: ${ARTICLE}`,
      '',
    ].join('\n'));
    await context.close();
  });

  it('adds a selected passage as a quote of an existing event, inserted after its last quote, nothing else changed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}?source=${ARTICLE}`);
    const bar = page.getByRole('region', { name: 'Authoring (dev server only)' });
    await bar.waitFor();
    const before = fs.readFileSync(eventsFile, 'utf8');
    const words = '“We will continue to discuss to achieve a ceasefire in the nearest future,” Podolyak said.';
    await selectInParagraph(page, '“We will continue', 0, words.length);
    await expect.poll(async () => (await bar.textContent())?.replace(/\s/g, ' ')).toContain(words);
    await bar.getByRole('button', { name: 'Add quote to event…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add quote to event' });
    await dialog.getByRole('combobox', { name: 'Event' }).selectOption({ label: "Thu 3 Mar 2022: Podolyak tweets Ukraine's priorities before the talks" });
    await dialog.getByRole('button', { name: 'Add quote' }).click();
    await page.waitForURL((url) => url.search === '?event=ukraine-priorities-before-talks');
    await page.getByRole('heading', { name: "Podolyak tweets Ukraine's priorities before the talks", level: 2 }).waitFor();
    await page.getByText('We will continue to discuss to achieve a ceasefire', { exact: false }).first().waitFor();

    const added = `    - article: ${ARTICLE}\n      text: '${words}'\n`;
    const after = fs.readFileSync(eventsFile, 'utf8');
    const at = after.indexOf(added);
    expect(at).toBeGreaterThan(0);
    expect(after.slice(0, at) + after.slice(at + added.length)).toBe(before);
    expect(after.slice(0, at)).toMatch(/“humanitarian corridor to evacuate civilians”\.'\n$/);
    await context.close();
  });

  it('rebuilds the dataset when content/ changes and the page reloads on its own; a change the pipeline refuses shows its messages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}?event=first-talks-belarus`);
    await page.getByRole('heading', { name: 'First round of Russia–Ukraine talks in Belarus', level: 2 }).waitFor();
    const text = fs.readFileSync(eventsFile, 'utf8');
    fs.writeFileSync(eventsFile, text.replace("title: 'First round of Russia–Ukraine talks in Belarus'", "title: 'First talks of Russia and Ukraine in Belarus'"));
    await page.getByRole('heading', { name: 'First talks of Russia and Ukraine in Belarus', level: 2 }).waitFor();

    // A change the pipeline refuses: its messages in Vite's overlay, and the page as it was.
    const good = fs.readFileSync(eventsFile, 'utf8');
    fs.writeFileSync(eventsFile, good.replace('category: diplomacy', 'category: Diplomacy'));
    await page.locator('vite-error-overlay').getByText(/category "Diplomacy" is not one of .* did you mean "diplomacy"\?/).waitFor();
    fs.writeFileSync(eventsFile, good);
    await page.locator('vite-error-overlay').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'First talks of Russia and Ukraine in Belarus', level: 2 }).waitFor();
    await context.close();
  });
});

describe('the production build', () => {
  it('ships no authoring code', () => {
    const assets = path.join(process.env.TEST_DIST ?? 'dist', 'assets');
    const shipped = fs.readdirSync(assets).map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n');
    expect(shipped.length).toBeGreaterThan(0);
    for (const word of ['__authoring', 'New event from this passage', 'Add quote to event', 'data-authoring']) expect(shipped).not.toContain(word);
  });
});
