import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, launchBrowser, openApp, screenshot, REDUCED } from './harness.ts';

/** The build under test (the global setup builds into TEST_DIST, default dist/). */
const DIST = process.env.TEST_DIST ?? 'dist';
const dataset = JSON.parse(fs.readFileSync(`${DIST}/data/timeline.json`, 'utf8')) as { licence?: string; events: Array<{ id: string; title: string }> };
const FILES = [
  { name: 'JSON', href: 'data/timeline.json' },
  { name: 'CSV', href: 'data/timeline.csv' },
  { name: 'TimelineJS', href: 'data/timeline-timelinejs.json' },
];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('open data in the built page', () => {
  for (const subPath of ['', 'timeline/']) {
    it(`the footer's links download the three files from /${subPath}, beside the page`, async () => {
      const { page, problems, context } = await openApp(browser, '', { ...REDUCED, subPath });
      const footer = page.getByRole('contentinfo');
      await expect(footer.textContent()).resolves.toMatch(/^Download the data: JSON · CSV · TimelineJS/);
      if (dataset.licence) await expect(footer.getByText(dataset.licence).isVisible()).resolves.toBe(true);
      await footer.scrollIntoViewIfNeeded();
      await screenshot(page, `open-data-footer${subPath ? '-subpath' : ''}`);
      for (const { name, href } of FILES) {
        const link = footer.getByRole('link', { name, exact: true });
        await expect(link.getAttribute('href')).resolves.toBe(href);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.url()).toBe(appUrl('', subPath) + href);
        expect(download.suggestedFilename()).toBe(href.slice('data/'.length));
        // The browser is shared over a connection (see harness.ts), so the file is copied here to read it.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-data-'));
        const saved = path.join(dir, download.suggestedFilename());
        await download.saveAs(saved);
        const bytes = fs.readFileSync(saved);
        fs.rmSync(dir, { recursive: true, force: true });
        expect(bytes.equals(fs.readFileSync(`${DIST}/${href}`)), `${name} downloads the built file`).toBe(true);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('carries schema.org JSON-LD that parses and lists every event, with no CSP violation', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const list = JSON.parse(blocks[0]!) as { '@type': string; itemListElement: Array<{ item: { '@type': string; name: string; identifier: string } }> };
    expect(list['@type']).toBe('ItemList');
    expect(list.itemListElement.map((i) => [i.item['@type'], i.item.identifier, i.item.name])).toEqual(dataset.events.map((e) => ['Event', e.id, e.title]));
    // The page still runs under its policy: the app drew its events, and nothing was reported.
    await expect(page.locator('[data-event-id]').count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
