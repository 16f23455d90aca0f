/**
 * Shared pieces of the browser tests: the one Chromium of the run, pages that
 * record every console error, uncaught error and CSP violation, and a place
 * for screenshots (test-results/screenshots, kept as artifacts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOTS = 'test-results/screenshots';

/**
 * How long any wait for a condition may take before the test fails: ample on a busy machine (three
 * test files and a typecheck at once on two cores), and only ever reached when the condition never comes.
 */
export const WAIT_MS = 15_000;

/**
 * Connects to the Chromium that the global setup launched for the whole run: one browser process
 * instead of one per file. Closing the returned Browser closes this file's contexts and disconnects.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
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
  /** Runs before navigation, e.g. to route the dataset request. */
  before?: (page: Page) => Promise<unknown>;
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

/** Opens the app in a fresh context and records every problem the page reports. */
export async function openApp(browser: Browser, query = '', options: OpenOptions = {}): Promise<Opened> {
  const { width = 1280, height = 800, colorScheme = 'light', subPath = '', before, waitReady = true, motion = 'full', origin } = options;
  const context = await browser.newContext({
    viewport: { width, height }, colorScheme, isMobile: width < 600, hasTouch: width < 600, deviceScaleFactor: 1, reducedMotion: motion === 'reduced' ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
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
  await page.goto(origin ? `${origin}${subPath}${query}` : appUrl(query, subPath));
  if (waitReady) {
    await page.locator('[data-event-id]').first().waitFor({ state: 'visible' });
    // The zoom gestures arrive in their own chunk just after the first view: wait for them.
    await page.locator('[data-zoom="loading"]').waitFor({ state: 'detached' });
  }
  return { page, context, problems };
}

/** Saves a screenshot under test-results/screenshots and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
