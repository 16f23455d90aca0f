/**
 * The archive search in Chromium under the production Content-Security-Policy: a probe page
 * (tests/browser/archive-search/, built with the app's own Vite config, so it carries the same
 * policy and the worker is bundled as in the app) drives the real client, which starts the real
 * worker through the page's one Trusted Types policy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, WAIT_MS } from './harness.ts';
import { formatViolations, runAxe } from './axe.ts';
import { buildProbe } from './archive-search/buildProbe.ts';
// @ts-expect-error: a plain ES module without types
import { serveStatic } from '../../scripts/serve.mjs';

type Probe = {
  open(url: string): void;
  showResults(props: object): void;
  search(q: string, lanes: number[] | null, limit?: number): Promise<unknown>;
  locate(id: string): Promise<unknown>;
  startWorker(url: string): Promise<string>;
};
type Server = { url: string; close(): Promise<void> };

const index = {
  version: 2,
  ids: ['talks-open', 'shelling-kyiv', 'talks-resume'],
  days: ['2022-02-28', '2022-03-01', '2022-03-03'],
  lanes: [1, 0, 1],
  chunks: [0, 0, 1],
  titles: ['Talks open in Belarus', 'Shelling near Kyiv', 'Talks resumé'],
};

let browser: Browser;
let server: Server;
let out: string;
let probePage: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-search-'));
  probePage = buildProbe(out);
  const data = path.join(out, path.dirname(probePage), 'data');
  fs.mkdirSync(data, { recursive: true });
  fs.writeFileSync(path.join(data, 'search-good.json'), JSON.stringify(index));
  fs.writeFileSync(path.join(data, 'search-v1.json'), JSON.stringify({ ...index, version: 1 }));
  fs.writeFileSync(path.join(data, 'search-html.json'), '<!doctype html><title>Oops</title>');
  server = await serveStatic(out, { prefixes: ['/timeline/'] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** The probe page in a fresh context, with every console error, page error and CSP violation recorded. */
async function openProbe(subPath = '', { width = 1280, height = 800, colorScheme = 'light' as 'light' | 'dark' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, isMobile: width < 600, hasTouch: width < 600 });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}${subPath}${probePage}`);
  await page.locator('body[data-ready]').waitFor();
  return { page, context, problems };
}

describe('the archive search under the page’s policy', () => {
  it('carries the app’s policy: Trusted Types required, one policy allowed, workers from this site only', async () => {
    const html = fs.readFileSync(path.join(out, probePage), 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).toMatch(/trusted-types timeline-worker(;|$)/);
    expect(policy).toContain("worker-src 'self'");
  });

  it('starts the worker from its own file, searches and locates, with no console error and no violation', async () => {
    const { page, context, problems } = await openProbe('timeline/');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.evaluate(() => (window as unknown as { probe: Probe }).probe.open('data/search-good.json'));
    const result = await page.evaluate(() => (window as unknown as { probe: Probe }).probe.search('TALKS resume', null));
    expect(result).toMatchObject({ stale: false, total: 1, hits: [{ id: 'talks-resume', day: '2022-03-03', lane: 1, chunk: 1, title: 'Talks resumé' }] });
    expect(workers).toEqual([expect.stringMatching(/\/timeline\/assets\/searchWorker-[\w-]+\.js$/)]);
    expect(await page.evaluate(() => (window as unknown as { probe: Probe }).probe.locate('shelling-kyiv'))).toEqual({ day: '2022-03-01', chunk: 0 });
    // Two searches at once: the first is overtaken.
    const [first, second] = await page.evaluate(() => {
      const p = (window as unknown as { probe: Probe }).probe;
      return Promise.all([p.search('talks', [1]), p.search('kyiv', null)]);
    });
    expect(first).toEqual({ stale: true });
    expect(second).toMatchObject({ stale: false, total: 1 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    ['data/search-missing.json', 'data/search-missing.json: the server answered HTTP 404'],
    ['data/search-html.json', 'data/search-html.json: not JSON ('],
    ['data/search-v1.json', 'data/search-v1.json: not a search index of this version: version: expected 2, got 1'],
  ])('rejects a search of %s with the file and what went wrong', async (file, message) => {
    const { page, context, problems } = await openProbe();
    const error = await page.evaluate(async (url) => {
      const p = (window as unknown as { probe: Probe }).probe;
      p.open(url);
      return p.search('talks', null).then(() => 'resolved', (e: Error) => e.message);
    }, file);
    expect(error).toContain(message);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  });

  it('lets only our own worker through the policy, and the page’s policy refuses a plain string', async () => {
    const { page, context, problems } = await openProbe();
    // Another script of this very site, and one from elsewhere: the policy throws for both.
    const own = await page.evaluate(() => (window as unknown as { probe: Probe }).probe.startWorker(document.querySelector('script[src]')!.getAttribute('src')!));
    expect(own).toMatch(/^TypeError: timeline-worker: refused to start http:\/\/127\.0\.0\.1:\d+\/assets\/probe-[\w-]+\.js/);
    expect(await page.evaluate(() => (window as unknown as { probe: Probe }).probe.startWorker('https://example.org/evil.js'))).toMatch(/^TypeError: timeline-worker: refused/);
    expect(problems).toEqual([]);
    // Without the policy, Trusted Types refuse the URL: the sink is really guarded.
    const plain = await page.evaluate(() => {
      try {
        new Worker(document.querySelector('script[src]')!.getAttribute('src')!, { type: 'module' }).terminate();
        return 'started';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(plain).toBe('TypeError');
    expect(problems[0]).toMatch(/requires 'TrustedScriptURL' assignment/);
    // The violation event comes a task later.
    await expect.poll(() => problems.join('\n')).toMatch(/CSP violation: require-trusted-types-for/);
    await context.close();
  });
});

describe('the results list', () => {
  const hits = Array.from({ length: 6 }, (_, i) => ({
    id: `talks-${i}`, day: `2022-03-0${i + 1}`, lane: i % 4, chunk: i,
    title: i === 2 ? 'Delegations of Russia and Ukraine meet for talks in the Brest region of Belarus, near the Polish border' : `Talks, round ${i + 1}`,
  }));
  const props = { query: 'talks', result: { total: 48_213, hits }, pending: false, error: null, lanes: ['military', 'diplomacy', 'humanitarian', 'international'] };

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reads at 390 px wide (${colorScheme}): no sideways scroll, tap targets of 44 px, no axe violation, opened by keyboard`, async () => {
      const { page, context, problems } = await openProbe('', { width: 390, height: 844, colorScheme });
      await page.evaluate((p) => (window as unknown as { probe: Probe }).probe.showResults(p), props);
      await page.getByRole('status').filter({ hasText: '48,213 events match “talks” across the archive' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const heights = await page.getByRole('list').getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      expect(formatViolations(await runAxe(page))).toBe('');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.body.dataset.opened)).toBe('talks-1');
      await screenshot(page, `archive-search-results-390-${colorScheme}`, true);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
