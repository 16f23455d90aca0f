import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './harness.ts';

const real = fs.readFileSync('dist/data/timeline.json', 'utf8');
const HOSTILE = '<img src=x onerror=alert(1)>';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('the built page under its Content-Security-Policy', () => {
  it('declares a strict policy: self only, no inline script or eval, no objects, no base, Trusted Types', async () => {
    const html = fs.readFileSync('dist/index.html', 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('shows a hostile dataset string as literal text, runs no injected markup, and reports no violation', async () => {
    const data = JSON.parse(real);
    data.title = HOSTILE;
    data.events[0].title = HOSTILE;
    data.events[0].summary = HOSTILE;
    data.articles[0].headline = HOSTILE;
    const { page, problems, context } = await openApp(browser, `?event=${data.events[0].id}`, {
      before: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) })),
    });
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; void d.dismiss(); });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HOSTILE);
    await expect(page.getByRole('heading', { level: 2, name: HOSTILE }).count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('when the dataset cannot be had', () => {
  it('shows an announced loading state while the data is slow, then the timeline', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const { page, problems, context } = await openApp(browser, '', {
      waitReady: false,
      before: (p) => p.route('**/data/timeline.json', async (route) => { await held; await route.continue(); }),
    });
    const status = page.getByRole('status').filter({ hasText: 'Loading the timeline' });
    await status.waitFor();
    release();
    await page.locator('[data-event-id]').first().waitFor();
    await expect(status.count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says the request failed when it is aborted, and retries successfully', async () => {
    let fail = true;
    const { page, problems, context } = await openApp(browser, '', {
      waitReady: false,
      before: (p) => p.route('**/data/timeline.json', (route) => (fail ? route.abort('failed') : route.continue())),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not be downloaded/);
    // One console error from the app, plus the browser's own line for the failed request.
    expect(problems.filter((p) => !/Failed to load resource|net::ERR_FAILED/.test(p))).toHaveLength(1);
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-event-id]').first().waitFor();
    await context.close();
  });

  it('says the reader is offline when the browser is, and recovers when it is back', async () => {
    let offline = true;
    const { page, context } = await openApp(browser, '', {
      waitReady: false,
      before: (p) => p.route('**/data/timeline.json', async (route) => {
        if (!offline) return route.continue();
        // Go offline once the app is running (its own loading state is up), then fail the request.
        await p.locator('main[aria-busy="true"]').waitFor();
        await p.context().setOffline(true);
        return route.abort('internetdisconnected');
      }),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/offline/);
    offline = false;
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-event-id]').first().waitFor();
    await context.close();
  });
});
