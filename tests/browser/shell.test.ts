import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import fs from 'node:fs';
import { launchBrowser, openApp, REDUCED } from './harness.ts';

const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as { events: Array<{ id: string; title: string }> };

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('the app shell on the production build', () => {
  it('shows every event of the dataset that dist/ ships, with no console error', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const ids = await page.locator('nav [data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
    expect(ids).toEqual(dataset.events.map((e) => e.id));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/invasion of Ukraine/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says the data file is missing, and retries successfully', async () => {
    let fail = true;
    const { page, problems, context } = await openApp(browser, '', { ...REDUCED,
      waitReady: false,
      route: (p) => p.route('**/data/timeline.json', (route) => (fail
        ? route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><h1>Not found</h1>' })
        : route.continue())),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/404/);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toHaveLength(1);
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-event-id]').first().waitFor();
    await context.close();
  });

  it('says the data file is broken when it is not JSON or does not fit', async () => {
    for (const body of ['{"version": 1, "title": "x", "articles": [], "events": []', '{"version": 3}']) {
      const { page, context } = await openApp(browser, '', { ...REDUCED,
        waitReady: false,
        route: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body })),
      });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      // Each named as what it is: a file that stops mid-way is cut off, another format is named by its version.
      expect(await alert.textContent()).toMatch(/cut off before its end|version 3 of the data format/);
      await context.close();
    }
  });
});
