import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot, serveData } from './harness.ts';

/** The build under test (the global setup builds into TEST_DIST, default dist/). */
const DIST = process.env.TEST_DIST ?? 'dist';
const real = fs.readFileSync(`${DIST}/data/timeline.json`, 'utf8');
const HOSTILE = '<img src=x onerror=alert(1)>';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('the built page under its Content-Security-Policy', () => {
  it('declares a strict policy: self only, no inline script or eval, no objects, no base, Trusted Types', async () => {
    const html = fs.readFileSync(`${DIST}/index.html`, 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    // No inline code; the schema.org JSON-LD block is data (the CSP does not run it).
    expect(html).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/);
  });

  it('shows a hostile dataset string as literal text, runs no injected markup, and reports no violation', async () => {
    const data = JSON.parse(real);
    data.title = HOSTILE;
    data.events[0].title = HOSTILE;
    data.events[0].summary = HOSTILE;
    data.articles[0].headline = HOSTILE;
    const { page, problems, context } = await openApp(browser, `?event=${data.events[0].id}`, {
      route: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) })),
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
      route: (p) => p.route('**/data/timeline.json', async (route) => { await held; await route.continue(); }),
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
      route: (p) => p.route('**/data/timeline.json', (route) => (fail ? route.abort('failed') : route.continue())),
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

describe('a page that never blanks', () => {
  it('draws a dataset whose last event is on 9999-12-31 (a common "ongoing" marker), with no uncaught error', async () => {
    const data = JSON.parse(real);
    const last = data.events[data.events.length - 1];
    last.date = '9999-12-31';
    delete last.end;
    last.dateEvidence = { ...last.dateEvidence, resolved: '9999-12-31' };
    if ('earliest' in last) last.earliest = '9999-12-31';
    if ('latest' in last) last.latest = '9999-12-31';
    const { page, problems, context } = await openApp(browser, '', { waitReady: false, route: serveData(data) });
    // Either the viewer draws (the axis clamps), or the boundary says what broke: never an empty root.
    await page.locator('[data-event-id], [role="alert"]').first().waitFor();
    expect(await page.locator('#root').innerText()).not.toBe('');
    expect(problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    await screenshot(page, 'hardening-far-date');
    await context.close();
  });

  it('a render failure shows what broke and a reload button, with one console error, never a blank page', async () => {
    const data = JSON.parse(real);
    data.title = 'A title whose rendering fails';
    const { page, problems, context } = await openApp(browser, '', {
      waitReady: false,
      before: async (p) => {
        await serveData(data)(p);
        // Make every write of the title into the page throw, as a bug in a component would (React
        // retries a failed render once, so a one-off throw would be recovered); the reload then works.
        await p.addInitScript((title: string) => {
          if (sessionStorage.getItem('reloaded')) return;
          window.addEventListener('pagehide', () => sessionStorage.setItem('reloaded', '1'));
          const fail = (text: unknown) => {
            if (text === title) throw new Error('Injected render failure');
          };
          const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
          Object.defineProperty(Node.prototype, 'textContent', { ...textContent, set(v: string) { fail(v); textContent.set!.call(this, v); } });
          const create = document.createTextNode.bind(document);
          document.createTextNode = (text: string) => { fail(text); return create(text); };
        }, data.title);
      },
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not be shown.*Injected render failure/s);
    await expect(page.getByRole('button', { name: 'Reload the page' }).isVisible()).resolves.toBe(true);
    expect(problems.filter((p) => p.startsWith('console error'))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await page.locator('[data-event-id]').first().waitFor();
    await context.close();
  });
});

describe('loading that cannot finish', () => {
  it('a dataset request that never answers times out with "Try again", which then loads', async () => {
    let answer = false;
    const { page, context } = await openApp(browser, '', {
      waitReady: false,
      before: async (p) => {
        await p.clock.install();
        await p.route('**/data/timeline.json', (route) => (answer ? route.continue() : new Promise(() => {})));
      },
    });
    await page.getByRole('status').filter({ hasText: 'Loading the timeline' }).waitFor();
    await page.clock.runFor(15_000);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/did not arrive within 15 seconds/);
    answer = true;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-event-id]').first().waitFor();
    await context.close();
  });

  it('a download cut off mid-way says so, not "not valid JSON"', async () => {
    const { page, context } = await openApp(browser, '', {
      waitReady: false,
      route: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: real.slice(0, real.length / 2) })),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/cut off/);
    expect(await alert.textContent()).not.toMatch(/not valid JSON/);
    await context.close();
  });

  it('an empty dataset and an unsupported version are each named as such', async () => {
    for (const [change, expected] of [[{ events: [] }, /has no events/], [{ version: 3 }, /version 3 of the data format/]] as const) {
      const { page, context } = await openApp(browser, '', { waitReady: false, route: serveData({ ...JSON.parse(real), ...change }) });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(expected);
      await context.close();
    }
  });
});

describe('long unbroken text', () => {
  for (const width of [1280, 390]) {
    it(`a 10,000-character word in a title, summary and headline wraps: no horizontal scroll at ${width} px`, async () => {
      const data = JSON.parse(real);
      const word = 'W'.repeat(10_000);
      data.title = word;
      data.events[0].title = word;
      data.events[0].summary = word;
      data.articles[0].headline = word;
      const { page, problems, context } = await openApp(browser, `?event=${data.events[0].id}`, { width, height: 800, route: serveData(data) });
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(() => {
        const client = document.documentElement.clientWidth;
        // The outermost elements that stick out, to say where a failure comes from.
        const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > client + 1)
          .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > client + 1))
          .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return { scroll: document.documentElement.scrollWidth, client, wide };
      });
      expect(overflow.scroll, JSON.stringify(overflow)).toBeLessThanOrEqual(overflow.client);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
