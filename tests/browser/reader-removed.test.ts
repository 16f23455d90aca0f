/**
 * Issue 13, intake: nothing removed is lost. The source reader of a real
 * article opens "Show what was removed" with the keyboard and lists every
 * line the pipeline removed, with its reason, in light and dark. Expected
 * values come from the dataset that dist/ ships.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot, REDUCED } from './harness.ts';

type DataArticle = { id: string; headline: string; removed?: Array<{ line: number; text: string; reason: string }> };
const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as { articles: DataArticle[] };
const ARTICLE = dataset.articles.find((a) => a.id === 'antalya-ministers-meet')!;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('Show what was removed', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`lists every removed line with its reason, opened with the keyboard (${colorScheme})`, async () => {
      const removed = ARTICLE.removed ?? [];
      expect(removed.length).toBeGreaterThan(0);
      const { page, problems, context } = await openApp(browser, `?source=${ARTICLE.id}`, { ...REDUCED, colorScheme });
      const reader = page.getByRole('region', { name: ARTICLE.headline });
      await reader.waitFor({ state: 'visible' });
      const summary = reader.locator('summary', { hasText: 'Show what was removed' });
      await expect.poll(() => summary.textContent()).toBe(`Show what was removed (${removed.length} lines)`);
      const list = reader.getByRole('list', { name: 'Removed lines' });
      expect(await list.isVisible()).toBe(false);

      await summary.focus();
      await page.keyboard.press('Enter');
      await list.waitFor({ state: 'visible' });
      const items = await list.getByRole('listitem').allTextContents();
      expect(items).toEqual(removed.map((r) => `${r.reason}line ${r.line}${r.text}`));
      expect(items.some((t) => t.startsWith('“you were reading” banner'))).toBe(true);

      // The list's text and its reasons keep their contrast in both themes: they are drawn in tokens, not fixed colours.
      const colours = await list.locator('li').first().evaluate((li) => {
        const bg = getComputedStyle(li).backgroundColor;
        const ink = getComputedStyle(li.querySelector('span')!).color;
        return { bg, ink };
      });
      expect(colours.bg).not.toBe(colours.ink);
      await list.locator('li').first().scrollIntoViewIfNeeded();
      await screenshot(page, `reader-removed-${colorScheme}`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
