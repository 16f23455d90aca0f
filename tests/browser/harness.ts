/**
 * Shared pieces of the browser tests: the one Chromium of the run, pages that
 * record every console error, uncaught error and CSP violation, and a place
 * for screenshots (test-results/screenshots, kept as artifacts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOTS = 'test-results/screenshots';

/**
 * How long any wait for a condition may take before the test fails: ample on a busy machine (three
 * test files and a typecheck at once on two cores), and only ever reached when the condition never comes.
 */
export const WAIT_MS = 15_000;

/** The worker's one connection to the run's Chromium, made by the first file that asks. */
let connection: Promise<Browser> | undefined;
/** What a file's Browser stands for: the worker's connection. */
const CONNECTION = Symbol('connection');

/**
 * The Chromium that the global setup launched for the whole run (one browser process instead of one
 * per file), through one connection per worker process that its files share, so that the pooled
 * contexts below serve every file the worker runs, not one each. Closing the returned Browser closes
 * the contexts this file made itself (`newContext`, and openApp's for a `before`) and any pooled one
 * a failed test left in use; the connection and the other pooled contexts stay for the worker's
 * next file, and end with the worker.
 */
export async function launchBrowser(): Promise<Browser> {
  connection ??= chromium.connect(inject('browserWsEndpoint'));
  const browser = await connection;
  const own = new Set<BrowserContext>();
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === CONNECTION) return target;
      if (prop === 'close') {
        return async () => {
          // A pooled context still in use at the file's end is one a failed test did not hand back:
          // it goes too (its pages could go on drawing for the rest of the run), and leaves the pool.
          const pool = pools.get(target);
          for (const [key, entry] of pool ?? []) if (entry.busy) { pool!.delete(key); own.add(entry.context); }
          await Promise.all([...own].map((c) => c.close().catch(() => {})));
        };
      }
      if (prop === 'newContext') {
        return async (options?: BrowserContextOptions) => {
          const context = await target.newContext(options);
          own.add(context);
          context.once('close', () => own.delete(context));
          return context;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The app's address, at the root or under a sub-path such as 'timeline/', plus a query. */
export function appUrl(query = '', subPath = ''): string {
  return `${inject('baseUrl')}${subPath}${query}`;
}

export type Opened = { page: Page; context: BrowserContext; problems: string[] };
export type OpenOptions = {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  subPath?: string;
  /** Another server's address to open the app from (default: the run's, `baseUrl`), e.g. one serving another data/. */
  origin?: string;
  /**
   * Runs before navigation, in a context of its own: for a test that watches every request the page
   * makes (a warm pooled process answers some from its memory cache) or changes the context (its
   * clock, offline). To route requests only, `route`.
   */
  before?: (page: Page) => Promise<unknown>;
  /**
   * Routes the page's requests before it loads, with page.route only (a dataset of the test's own,
   * a failing or held download). Unlike `before`, the page still opens in a pooled context: routing
   * turns the HTTP cache off for the page, so each request it routes reaches its route.
   */
  route?: (page: Page) => Promise<unknown>;
  /** Wait for the first event to be drawn (default true). */
  waitReady?: boolean;
  /**
   * 'reduced' opens the page as a reader who asked for reduced motion (prefers-reduced-motion:
   * reduce): the timeline jumps instead of animating. Files whose subject is not motion use it: the
   * page's second real path gets checked, and a test spends no frames on animations it does not
   * look at (a quarter of the suite's CPU). The timeline, deep-link, keyboard and hardening files
   * keep the default, 'full', where zooms animate and the URL and focus must follow them.
   */
  motion?: 'full' | 'reduced';
};

/** Options for a page opened as a reader who asked for reduced motion (see `motion`). */
export const REDUCED = { motion: 'reduced' } as const;

/**
 * For a describe run at the root and under a sub-path: declares its tests at the root only. The
 * sub-path changes what the page asks for and writes in the address, not how it reads a link.
 */
export function atRootOnly(subPath: string): (declare: () => void) => void {
  return (declare) => { if (subPath === '') declare(); };
}

/**
 * Pages are opened as popups of a page kept for the purpose (a "holder"), one per kind of context
 * (size, scheme, motion, origin) for all the files a worker runs (the app keeps nothing in storage
 * that one test could leave to another). A popup of a same-site page lives in
 * its opener's renderer process, so the page does not pay for a new process, a cold V8 and cold
 * Blink caches: measured on the small edition, 590 CPU-ms per page in a fresh context against 365
 * as a popup (about a third of the browser suite's CPU). Each page is still a new tab: its own
 * history (length 1), document, listeners, routes and init scripts. What a context holds across its
 * pages is reset when the test closes it (see `release`): other pages closed, permissions cleared,
 * back online. A test that watches or scripts the page before it loads (`before`) gets a context
 * of its own: its requests all reach the network (a warm process may answer some from its memory
 * cache) and what it changes in the context (its clock) goes with it. So does a test whose pooled
 * context is still in use (one that failed before closing it). One that only routes (`route`) does not.
 */
type Pooled = { context: BrowserContext; holder: Page; busy: boolean };
const pools = new WeakMap<Browser, Map<string, Pooled>>();

async function pooledContext(browser: Browser, options: BrowserContextOptions, holderUrl: string): Promise<Pooled> {
  const shared = ((browser as unknown as Record<symbol, Browser | undefined>)[CONNECTION]) ?? browser;
  let pool = pools.get(shared);
  if (!pool) pools.set(shared, (pool = new Map()));
  const key = `${JSON.stringify(options)} ${new URL(holderUrl).origin}`;
  let entry = pool.get(key);
  if (!entry || entry.busy || entry.holder.isClosed()) {
    const context = await shared.newContext(options);
    const holder = await context.newPage();
    await holder.goto(holderUrl);
    entry = { context, holder, busy: false };
    pool.set(key, entry);
  }
  entry.busy = true;
  return entry;
}

/** The test's view of a pooled context: everything as usual, but close() hands it back clean. */
function releasable(entry: Pooled): BrowserContext {
  const release = async () => {
    for (const page of entry.context.pages()) if (page !== entry.holder) await page.close();
    await entry.context.clearPermissions();
    await entry.context.setOffline(false);
    entry.busy = false;
  };
  return new Proxy(entry.context, {
    get(target, prop) {
      if (prop === 'close') return release;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Opens the app in a new page and records every problem the page reports. */
export async function openApp(browser: Browser, query = '', options: OpenOptions = {}): Promise<Opened> {
  const { width = 1280, height = 800, colorScheme = 'light', subPath = '', before, route, waitReady = true, motion = 'full', origin } = options;
  const contextOptions: BrowserContextOptions = {
    viewport: { width, height }, colorScheme, isMobile: width < 600, hasTouch: width < 600, deviceScaleFactor: 1, reducedMotion: motion === 'reduced' ? 'reduce' : 'no-preference',
  };
  let context: BrowserContext;
  let page: Page;
  if (before) {
    context = await browser.newContext(contextOptions);
    page = await context.newPage();
  } else {
    const entry = await pooledContext(browser, contextOptions, new URL('favicon.svg', origin ?? appUrl()).href);
    [page] = await Promise.all([entry.context.waitForEvent('page'), entry.holder.evaluate(() => { window.open('about:blank', '_blank'); })]);
    context = releasable(entry);
  }
  page.setDefaultTimeout(WAIT_MS);
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (before) await before(page);
  if (route) await route(page);
  await page.goto(origin ? `${origin}${subPath}${query}` : appUrl(query, subPath));
  if (waitReady) {
    await page.locator('[data-event-id]').first().waitFor({ state: 'visible' });
    // The zoom gestures arrive in their own chunk just after the first view: wait for them.
    await page.locator('[data-zoom="loading"]').waitFor({ state: 'detached' });
  }
  return { page, context, problems };
}

/** For `route`: serves `data` (any value, as JSON) as the page's dataset. */
export const serveData = (data: unknown) => (p: Page) =>
  p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));

/** Saves a screenshot under test-results/screenshots and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Records the links the page hands out: each text it puts on the clipboard (`writeText`, still
 * passed on to the real clipboard) and, where the browser has `navigator.share` (headless Linux
 * Chromium normally has not; the app's buttons then share instead of copying), each URL it shares,
 * without opening the share sheet. For this page and every page it navigates to. The system
 * clipboard is one for the whole browser, and files that copy links run side by side: reading it
 * back could read another test's link. `last` reads the last link handed out.
 */
export async function recordLinks(page: Page): Promise<{ canShare: boolean; last: () => Promise<string | undefined> }> {
  const install = () => {
    const w = window as unknown as { handedOut?: string[] };
    if (w.handedOut) return;
    const handedOut: string[] = (w.handedOut = []);
    if (navigator.clipboard) {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = async (text: string) => {
        handedOut.push(text);
        return write(text);
      };
    }
    if (typeof navigator.share === 'function') navigator.share = async (data) => { handedOut.push(data?.url ?? ''); };
  };
  await page.addInitScript(install);
  await page.evaluate(install);
  return {
    canShare: await page.evaluate(() => typeof navigator.share === 'function'),
    last: () => page.evaluate(() => (window as unknown as { handedOut?: string[] }).handedOut?.at(-1)),
  };
}
