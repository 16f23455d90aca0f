/**
 * Embedding: ?embed=1 gives a compact page that links back to the full
 * timeline, the header's "Embed" dialog gives the <iframe> snippet for the
 * current view, and the embedded page works at 320×400 inside an <iframe>
 * of another page: no horizontal scroll, events selectable, selection
 * replacing the history entry, deep links honoured. At that width the
 * timeline is the phone's vertical rail ("Days with events"). The test page is served
 * by page.route on a same-origin address, at the root and under /timeline/.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { appUrl, launchBrowser, openApp, screenshot, type OpenOptions, REDUCED, atRootOnly } from './harness.ts';
import {
  articleById, currentSearch, eventById, eventsOn, markedOnTimeline, selectedInList, spelledDay,
  waitForFocusOn, waitForNotice, waitForSearch, waitForSelected,
} from './urlHelpers.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const TALKS = eventById('second-talks-belarus');
const OTHER = eventById('first-talks-belarus');
const TEST_PAGE = '__embed-test.html';

async function open(query: string, options: OpenOptions = {}) {
  const opened = await openApp(browser, query, { ...REDUCED, ...options });
  onTestFinished(() => opened.context.close());
  return opened;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Opens a same-origin test page (served by page.route, beside the app) that embeds
 * the app at `src` (relative to the app's page) in a 320×400 <iframe>.
 */
async function openEmbedded(src: string, subPath: string) {
  const opened = await open(TEST_PAGE, {
    subPath,
    waitReady: false,
    route: (p) => p.route(`**/${TEST_PAGE}`, (route) => route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page that embeds the timeline</title></head>
<body style="margin:16px;font:16px system-ui">
<h1>An article about the war</h1>
<p>Some text before the embed.</p>
<iframe src="${escapeAttr(src)}" title="Timeline" width="320" height="400" style="border:1px solid #888"></iframe>
<p>Some text after it.</p>
</body></html>`,
    })),
  });
  const handle = await opened.page.locator('iframe').elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.locator('[data-event-id]').first().waitFor({ state: 'attached' });
  return { ...opened, frame };
}

/** Whether the frame's page scrolls sideways. */
const scrollsSideways = (frame: Frame) => frame.evaluate(() => {
  const root = document.scrollingElement ?? document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sideways: root.scrollWidth > root.clientWidth };
});

/**
 * The compact embed layout: not the page header (its h1 with the span and counts, the Sources
 * menu, the Embed control, the search). The embed bar may title itself with its own heading
 * (an h1 since 41b0b3d, for axe's page-has-heading-one), so a heading is allowed only beside
 * the "Open full timeline" link.
 */
async function expectCompact(target: Page | Frame) {
  const layout = await target.evaluate(() => ({
    h1s: [...document.querySelectorAll('h1')].map((h) => ({
      besideLink: [...(h.parentElement?.querySelectorAll('a') ?? [])].some((a) => /^Open full timeline/.test(a.textContent ?? '')),
    })),
    pageHeaderMeta: /\d+ events · \d+ sources?/.test(document.body.textContent ?? ''),
  }));
  expect(layout.h1s.filter((h) => !h.besideLink)).toEqual([]);
  expect(layout.pageHeaderMeta).toBe(false);
  expect(await target.getByRole('button', { name: 'Embed', exact: true }).count()).toBe(0);
  expect(await target.getByRole('button', { name: /^Sources/ }).count()).toBe(0);
  expect(await target.getByRole('searchbox').count()).toBe(0);
}

const historyLength = (target: Page | Frame) => target.evaluate(() => history.length);

describe.each([
  { where: 'at the root', subPath: '' },
  { where: 'under the sub-path /timeline/', subPath: 'timeline/' },
])('embedding $where', ({ subPath }) => {
  // Under the sub-path: what carries paths (the snippet, the link to the full timeline, history in
  // the frame, a window passed on). How the frame reads a link's parameters is checked at the root.
  const rootOnly = atRootOnly(subPath);
  it('?embed=1 shows a compact page with no page header, and a link to the full timeline that keeps the view and opens a new tab', async () => {
    const view = `?event=${TALKS.id}&from=2022-03-02&to=2022-03-04&cat=diplomacy`;
    const { page, context, problems } = await open(`${view}&embed=1`, { subPath });
    await waitForSelected(page, TALKS.id);
    await expectCompact(page);
    const link = page.getByRole('link', { name: /^Open full timeline/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toMatch(/\bnoopener\b/);
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(appUrl(view, subPath));
    expect(new URL(href).searchParams.has('embed')).toBe(false);

    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await full.waitForURL(href);
    await full.getByRole('heading', { level: 1 }).waitFor();
    await waitForSelected(full, TALKS.id);
    expect(await currentSearch(full)).toBe(view);
    expect(problems).toEqual([]);
  });

  it('the header’s "Embed" control gives the <iframe> snippet of the current view, and its address opens that view embedded', async () => {
    const { page, problems } = await open(`?event=${TALKS.id}&cat=diplomacy`, { subPath });
    const snippetSrc = async () => {
      await page.getByRole('button', { name: 'Embed', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Embed this view' });
      await dialog.waitFor();
      const snippet = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
      expect(snippet).toMatch(/^<iframe\s[^>]*src="[^"]+"[^>]*\btitle="[^"]+"[^>]*><\/iframe>$/);
      const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      return new URL(src);
    };

    const first = await snippetSrc();
    expect(`${first.origin}${first.pathname}`).toBe(appUrl('', subPath));
    expect(first.searchParams.get('embed')).toBe('1');
    expect(first.searchParams.get('event')).toBe(TALKS.id);
    expect(first.searchParams.get('cat')).toBe('diplomacy');

    // The snippet follows the view: select another event, and it names that one.
    await page.getByRole('navigation', { name: 'Events by day' }).locator(`[data-event-id="${OTHER.id}"]`).click();
    await waitForSearch(page, `?event=${OTHER.id}&cat=diplomacy`);
    const second = await snippetSrc();
    expect(second.searchParams.get('event')).toBe(OTHER.id);
    expect(second.searchParams.get('embed')).toBe('1');

    await page.goto(second.href);
    await waitForSelected(page, OTHER.id);
    await page.getByRole('link', { name: /^Open full timeline/ }).waitFor();
    await expectCompact(page);
    expect(problems).toEqual([]);
  });

  it('works at 320×400 inside an <iframe>: no sideways scroll, events visible and selectable, and selection replaces the history entry', async () => {
    const { page, frame, problems } = await openEmbedded(`./?embed=1&event=${TALKS.id}`, subPath);
    expect(frame.url()).toBe(appUrl(`?event=${TALKS.id}&embed=1`, subPath));
    // A link to an event opens on its details.
    await frame.getByRole('heading', { level: 2, name: TALKS.title }).waitFor();
    await waitForSelected(frame, TALKS.id);
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });
    await expectCompact(frame);
    await screenshot(page, `embed-iframe-details${subPath ? '-subpath' : ''}`);
    const topHistory = await historyLength(page);
    const frameHistory = await historyLength(frame);

    // Close the details: the events are there to read and select.
    const close = frame.getByRole('button', { name: /^Close/ }).first();
    await close.click();
    await frame.getByRole('heading', { level: 2, name: TALKS.title }).waitFor({ state: 'hidden' });
    const item = frame.getByRole('navigation', { name: 'Events by day' }).locator(`[data-event-id="${OTHER.id}"]`);
    await item.scrollIntoViewIfNeeded();
    expect(await item.isVisible()).toBe(true);
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });

    await item.click();
    await waitForSearch(frame, `?event=${OTHER.id}&embed=1`);
    await waitForSelected(frame, OTHER.id);
    await frame.getByRole('heading', { level: 2, name: OTHER.title }).waitFor();
    expect(await historyLength(page)).toBe(topHistory);
    expect(await historyLength(frame)).toBe(frameHistory);
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });

    // At 320 px the timeline is the vertical rail, not a zoomable surface: no zoom buttons.
    const rail = frame.getByRole('list', { name: 'Days with events' });
    await rail.waitFor();
    expect(await frame.locator('[role="group"][aria-label^="Timeline"]').count(), 'no horizontal timeline surface').toBe(0);
    expect(await frame.getByRole('button', { name: 'Zoom in' }).count()).toBe(0);

    // An event on the rail selects too, again without a new history entry.
    await frame.getByRole('button', { name: /^Close/ }).first().click();
    await frame.getByRole('heading', { level: 2, name: OTHER.title }).waitFor({ state: 'hidden' });
    const marker = rail.locator(`button[data-event-id]:not([data-event-id="${OTHER.id}"])`).first();
    const markerId = (await marker.getAttribute('data-event-id'))!;
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    await waitForSearch(frame, `?event=${markerId}&embed=1`);
    await waitForSelected(frame, markerId);
    expect(await historyLength(page)).toBe(topHistory);

    // The link back to the full timeline follows the selection, without embed.
    const href = await frame.getByRole('link', { name: /^Open full timeline/ }).evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(appUrl(`?event=${markerId}`, subPath));
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });
    await screenshot(page, `embed-iframe-selected${subPath ? '-subpath' : ''}`);
    expect(problems).toEqual([]);
  });

  rootOnly(() => it('honours a quote deep link inside the <iframe>: the reader opens with the quote marked and focused', async () => {
    const n = 3;
    const quote = TALKS.quotes[n - 1]!;
    const { frame, problems } = await openEmbedded(`./?embed=1&event=${TALKS.id}&source=${quote.article}&quote=${n}`, subPath);
    await frame.getByRole('heading', { level: 2, name: articleById(quote.article).headline }).waitFor();
    await frame.waitForFunction(() => document.activeElement?.tagName === 'MARK');
    const text = await frame.evaluate(() => document.activeElement!.querySelector('a')?.textContent ?? document.activeElement!.textContent ?? '');
    expect(text.length).toBeGreaterThan(0);
    expect(quote.text.startsWith(text)).toBe(true);
    expect(await currentSearch(frame)).toBe(`?event=${TALKS.id}&source=${quote.article}&quote=${n}&embed=1`);
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });
    expect(problems).toEqual([]);
  }));

  rootOnly(() => it('honours a date link inside the <iframe>, with its notice: the nearest day named, its events marked on the rail, none selected', async () => {
    const day = '2022-03-05';
    const near = '2022-03-03';
    const { frame, problems } = await openEmbedded(`./?embed=1&date=${day}`, subPath);
    await waitForNotice(frame, new RegExp(`No events on ${spelledDay(day)} — showing ${spelledDay(near)}\\.`));
    await waitForSearch(frame, `?date=${near}&embed=1`);
    expect(await selectedInList(frame)).toBe('');
    // The rail names every marked event of the day (not only its key events).
    await expect.poll(() => markedOnTimeline(frame).then((ids) => [...ids].sort())).toEqual([...eventsOn(near)].sort());
    await waitForFocusOn(frame, `day-${near}`);
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });
    expect(problems).toEqual([]);
  }));

  it('keeps a window link inside the <iframe>, and passes it on to the full timeline', async () => {
    // The rail at 320 px has no window to show (it lists every day); the link keeps it as written,
    // and the full timeline, wide enough for the axis, opens on it.
    const [from, to] = ['2022-03-02', '2022-03-04'];
    const { frame, problems } = await openEmbedded(`./?embed=1&from=${from}&to=${to}`, subPath);
    await frame.getByRole('list', { name: 'Days with events' }).waitFor();
    expect(await currentSearch(frame)).toBe(`?from=${from}&to=${to}&embed=1`);
    expect(await selectedInList(frame)).toBe('');
    const href = await frame.getByRole('link', { name: /^Open full timeline/ }).evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(appUrl(`?from=${from}&to=${to}`, subPath));
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });
    expect(problems).toEqual([]);
  });

  rootOnly(() => it('says what it ignored in a bad link inside the <iframe>, and stays embedded', async () => {
    const { frame, problems } = await openEmbedded(`./?embed=1&event=no-such-event&utm_source=site`, subPath);
    await waitForNotice(frame, /no-such-event/);
    await waitForNotice(frame, /utm_source/);
    await waitForSearch(frame, '?embed=1');
    await frame.getByRole('link', { name: /^Open full timeline/ }).waitFor();
    expect(await scrollsSideways(frame)).toMatchObject({ sideways: false });
    expect(problems).toEqual([]);
  }));
});
