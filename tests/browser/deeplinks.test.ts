/**
 * Deep links: the URL is the state. Dates, events, sources and quotes,
 * windows and filters in the address; history; reload; the title; copying
 * the link; and bad or stale links, each of which leaves a polite notice and
 * a clean console. The main checks run at the root and under /timeline/.
 * Expected values come from dist/data/timeline.json and the spec.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, openApp, screenshot, type OpenOptions } from './harness.ts';
import {
  articleById, currentSearch, dataset, daysFromTo, eventById, firstEventOn, matchingIds, noticesText,
  isInView, selectedInList, spelledDay, tickDay, titleFor, waitForNotice, waitForSearch, waitForSelected, waitForTicks,
} from './urlHelpers.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Opens the app and closes its context when the test ends, pass or fail. */
async function open(query: string, options: OpenOptions = {}) {
  const opened = await openApp(browser, query, options);
  // Every wait below is for a condition; five seconds is ample for each, and a failure says which.
  opened.page.setDefaultTimeout(5_000);
  opened.page.on('dialog', (d) => { opened.problems.push(`dialog: ${d.type()} ${d.message()}`); void d.dismiss(); });
  onTestFinished(() => opened.context.close());
  return opened;
}

/** Goes back or forward one entry in the page's history. */
async function walk(page: Page, direction: 'back' | 'forward') {
  await page.evaluate((d) => (d === 'back' ? history.back() : history.forward()), direction);
}

const historyLength = (page: Page) => page.evaluate(() => history.length);

/** The list of events shown, in order. */
const listedIds = (page: Page) => page.locator('nav [data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));

// An event with several quotes, all in one article, for the reader checks.
const TALKS = eventById('second-talks-belarus');
const TALKS_ARTICLE = articleById(TALKS.quotes[0]!.article);
const OTHER = eventById('first-talks-belarus');

/** The accessible name of the n-th "Read in source" link of TALKS (Chromium puts a space before the hidden colon). */
function readInSource(n: number): RegExp {
  return new RegExp(`^Read in source\\s*: quote ${n} in “${TALKS_ARTICLE.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`);
}

/** The nearest day of the dataset that has events (the spec's fallback for a day without any). */
function nearestDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const days = [...new Set(dataset.events.map((e) => e.date))];
  return days.reduce((best, d) => (Math.abs(Date.parse(`${d}T00:00:00Z`) - t) < Math.abs(Date.parse(`${best}T00:00:00Z`) - t) ? d : best));
}

describe.each([
  { where: 'at the root', subPath: '' },
  { where: 'under the sub-path /timeline/', subPath: 'timeline/' },
])('deep links $where', ({ subPath }) => {
  it('serves the page, its assets and the dataset from its own path, and its links stay there', async () => {
    const requests: string[] = [];
    const failures: string[] = [];
    const { page, problems } = await open(`?event=${TALKS.id}`, {
      subPath,
      before: async (p) => {
        p.on('request', (r) => requests.push(r.url()));
        p.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
      },
    });
    await waitForSelected(page, TALKS.id);
    const base = new URL(appUrl('', subPath));
    const own = requests.map((u) => new URL(u)).filter((u) => u.origin === base.origin);
    expect(own.map((u) => u.pathname).filter((p) => !p.startsWith(base.pathname))).toEqual([]);
    expect(own.map((u) => u.pathname)).toContain(`${base.pathname}data/timeline.json`);
    expect(failures).toEqual([]);
    const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
    const local = hrefs.filter((h) => new URL(h).origin === base.origin);
    expect(local.length).toBeGreaterThan(0);
    expect(local.filter((h) => !new URL(h).pathname.startsWith(base.pathname))).toEqual([]);
    const read = page.getByRole('link', { name: readInSource(1) });
    expect(await read.evaluate((a) => (a as HTMLAnchorElement).href))
      .toBe(appUrl(`?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=1`, subPath));
    expect(problems).toEqual([]);
  });

  it('?date= selects the first event of that day, scrolls the list to it, marks it on the timeline and titles the page', async () => {
    const lastDay = dataset.events.map((e) => e.date).sort().at(-1)!;
    const expected = firstEventOn(lastDay);
    const { page, problems } = await open(`?date=${lastDay}`, { subPath, height: 600 });
    await waitForSelected(page, expected.id);
    await page.getByRole('heading', { level: 2, name: expected.title }).waitFor();
    await page.waitForFunction((t) => document.title === t, titleFor(expected));
    expect(await isInView(page, `nav [data-event-id="${expected.id}"]`, 'nav')).toBe(true);
    const marker = page.locator(`[role="group"][aria-label^="Timeline"] [data-event-id="${expected.id}"]`);
    expect(await marker.getAttribute('aria-current')).toBe('true');
    const [box, surface] = await Promise.all([marker.boundingBox(), page.locator('[role="group"][aria-label^="Timeline"]').boundingBox()]);
    expect(box!.x + box!.width / 2).toBeGreaterThanOrEqual(surface!.x);
    expect(box!.x + box!.width / 2).toBeLessThanOrEqual(surface!.x + surface!.width);
    expect(await noticesText(page)).toBe('');
    expect(problems).toEqual([]);
  });

  it.each(['2022-03-05', '2022-01-01', '2023-06-30'])('?date=%s, a day without events, selects the nearest one and says so', async (day) => {
    const near = nearestDay(day);
    const expected = firstEventOn(near);
    const { page, problems } = await open(`?date=${day}`, { subPath });
    await waitForSelected(page, expected.id);
    const text = await waitForNotice(page, new RegExp(`No events on ${spelledDay(day)} — showing ${spelledDay(near)}`));
    expect(text.length).toBeLessThan(500);
    await page.waitForFunction((t) => document.title === t, titleFor(expected));
    expect(problems).toEqual([]);
  });

  it('?event=&source=&quote= opens the reader on the article and marks, focuses and scrolls to that quote', async () => {
    const n = 3;
    const quote = TALKS.quotes[n - 1]!;
    const query = `?event=${TALKS.id}&source=${quote.article}&quote=${n}`;
    const { page, problems } = await open(query, { subPath });
    await page.getByRole('region', { name: articleById(quote.article).headline }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'MARK');
    const focused = await page.evaluate(() => {
      const mark = document.activeElement as HTMLElement;
      const r = mark.getBoundingClientRect();
      return {
        text: mark.querySelector('a')?.textContent ?? mark.textContent ?? '',
        inReader: mark.closest('section')?.getAttribute('aria-labelledby') !== null,
        visible: r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
      };
    });
    expect(focused.text.length).toBeGreaterThan(0);
    expect(quote.text.startsWith(focused.text)).toBe(true);
    expect(focused.inReader).toBe(true);
    expect(focused.visible).toBe(true);
    await waitForSelected(page, TALKS.id);
    expect(await currentSearch(page)).toBe(query);
    expect(await noticesText(page)).toBe('');
    await screenshot(page, `deeplinks-quote${subPath ? '-subpath' : ''}`);
    expect(problems).toEqual([]);
  });

  it('?from=&to= shows that window: the axis labels are those days, and the link stays as written', async () => {
    const [from, to] = ['2022-03-02', '2022-03-04'];
    const { page, problems } = await open(`?from=${from}&to=${to}`, { subPath });
    await waitForTicks(page, daysFromTo(from, to).map(tickDay));
    expect(await currentSearch(page)).toBe(`?from=${from}&to=${to}`);
    expect(problems).toEqual([]);
  });

  it('?q= and ?cat= carry the search and the categories, and the link is rewritten in canonical order', async () => {
    const { page, problems } = await open('?cat=humanitarian,diplomacy&q=corridor', { subPath });
    const expected = matchingIds('corridor', ['diplomacy', 'humanitarian']);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(dataset.events.length);
    await page.waitForFunction((n) => document.querySelectorAll('nav [data-event-id]').length === n, expected.length);
    expect(await listedIds(page)).toEqual(expected);
    expect(await page.getByRole('searchbox', { name: 'Search events' }).inputValue()).toBe('corridor');
    const toggles = page.getByRole('group', { name: 'Categories' }).getByRole('button');
    const pressed = await toggles.evaluateAll((els) => els.map((b) => [b.textContent?.replace(/^\W+/u, '').trim(), b.getAttribute('aria-pressed')]));
    expect(Object.fromEntries(pressed)).toEqual({ Military: 'false', Diplomacy: 'true', Humanitarian: 'true', 'International response': 'false' });
    await waitForSearch(page, '?q=corridor&cat=diplomacy,humanitarian');
    expect(problems).toEqual([]);
  });

  it('rewrites a valid link in canonical order and leaves defaults out, without a notice', async () => {
    const id = 'eighth-day-of-fighting';
    expect(eventById(id).category).toBe('military');
    const { page, problems } = await open(`?cat=military&embed=0&q=&to=2022-03-04&from=2022-03-02&event=${id}`, { subPath });
    await waitForSelected(page, id);
    await waitForSearch(page, `?event=${id}&from=2022-03-02&to=2022-03-04&cat=military`);
    expect(await noticesText(page)).toBe('');

    await page.goto(appUrl(`?event=${id}&cat=international,humanitarian,diplomacy,military`, subPath));
    await waitForSearch(page, `?event=${id}`);
    await waitForSelected(page, id);
    expect(await noticesText(page)).toBe('');
    expect(problems).toEqual([]);
  });

  it('pushes an entry for each selection and each source opened or closed, replaces it when zooming, and Back and Forward walk it exactly', async () => {
    const { page, problems } = await open('', { subPath });
    const start = await historyLength(page);
    const list = page.getByRole('navigation', { name: 'Events by day' });

    await list.locator(`[data-event-id="${OTHER.id}"]`).click();
    await waitForSearch(page, `?event=${OTHER.id}`);
    await list.locator(`[data-event-id="${TALKS.id}"]`).click();
    await waitForSearch(page, `?event=${TALKS.id}`);
    expect(await historyLength(page), 'each selection pushes one entry').toBe(start + 2);

    // Zooming replaces the current entry (debounced): the window joins the selection's entry.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((id) => new RegExp(`^\\?event=${id}&from=\\d{4}-\\d\\d-\\d\\d&to=\\d{4}-\\d\\d-\\d\\d$`).test(location.search), TALKS.id);
    const zoomed = await currentSearch(page);
    const window = zoomed.slice(`?event=${TALKS.id}`.length);
    expect(await historyLength(page), 'zooming replaces the entry').toBe(start + 2);

    await page.getByRole('link', { name: readInSource(2) }).click();
    const reading = `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=2${window}`;
    await waitForSearch(page, reading);
    await page.getByRole('region', { name: TALKS_ARTICLE.headline }).waitFor();
    await page.getByRole('button', { name: 'Close source' }).click();
    await waitForSearch(page, `?event=${TALKS.id}${window}`);
    await page.getByRole('region', { name: TALKS_ARTICLE.headline }).waitFor({ state: 'detached' });
    expect(await historyLength(page), 'opening and closing a source each push one entry').toBe(start + 4);

    const steps: Array<{ search: string; selected: string; reader: boolean }> = [
      { search: '', selected: '', reader: false },
      { search: `?event=${OTHER.id}`, selected: OTHER.id, reader: false },
      { search: zoomed, selected: TALKS.id, reader: false },
      { search: reading, selected: TALKS.id, reader: true },
      { search: `?event=${TALKS.id}${window}`, selected: TALKS.id, reader: false },
    ];
    const check = async (step: (typeof steps)[number]) => {
      await waitForSearch(page, step.search);
      await waitForSelected(page, step.selected);
      await page.getByRole('region', { name: TALKS_ARTICLE.headline }).waitFor({ state: step.reader ? 'visible' : 'detached' });
    };
    for (let i = steps.length - 2; i >= 0; i--) {
      await walk(page, 'back');
      await check(steps[i]!);
    }
    // The window of an entry comes back with it.
    const [from, to] = [/from=([\d-]+)/.exec(zoomed)![1]!, /to=([\d-]+)/.exec(zoomed)![1]!];
    for (let i = 1; i < steps.length; i++) {
      await walk(page, 'forward');
      await check(steps[i]!);
      if (i === 2) await waitForTicks(page, daysFromTo(from, to).map(tickDay)); // the window of the zoomed entry
    }
    expect(await historyLength(page), 'Back and Forward add no entries').toBe(start + 4);
    expect(new URL(page.url()).pathname).toBe(new URL(appUrl('', subPath)).pathname);
    expect(problems).toEqual([]);
  });

  it('pushes an entry when a category filter changes, and Back restores the filter', async () => {
    const { page, problems } = await open(`?event=${TALKS.id}`, { subPath });
    const start = await historyLength(page);
    const military = page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: /Military/ });
    await military.click();
    expect(TALKS.category).not.toBe('military');
    await waitForSearch(page, `?event=${TALKS.id}&cat=diplomacy,humanitarian,international`);
    expect(await military.getAttribute('aria-pressed')).toBe('false');
    expect(await historyLength(page), 'changing a category filter pushes one history entry').toBe(start + 1);
    await walk(page, 'back');
    await waitForSearch(page, `?event=${TALKS.id}`);
    expect(await military.getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('a reload restores the same view: selection, source and zoom window', async () => {
    const { page, problems } = await open(`?event=${TALKS.id}`, { subPath });
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((id) => new RegExp(`^\\?event=${id}&from=[\\d-]+&to=[\\d-]+$`).test(location.search), TALKS.id);
    const search = await currentSearch(page);
    const [from, to] = [/from=([\d-]+)/.exec(search)![1]!, /to=([\d-]+)/.exec(search)![1]!];
    await page.reload();
    await page.locator('[data-event-id]').first().waitFor();
    await waitForSelected(page, TALKS.id);
    await waitForTicks(page, daysFromTo(from, to).map(tickDay));
    expect(await currentSearch(page)).toBe(search);
    await page.waitForFunction((t) => document.title === t, titleFor(TALKS));
    expect(problems).toEqual([]);
  });

  it('the document title follows the selection, through Back as well', async () => {
    const { page, problems } = await open(`?event=${OTHER.id}`, { subPath });
    await page.waitForFunction((t) => document.title === t, titleFor(OTHER));
    await page.getByRole('navigation', { name: 'Events by day' }).locator(`[data-event-id="${TALKS.id}"]`).click();
    await page.waitForFunction((t) => document.title === t, titleFor(TALKS));
    await walk(page, 'back');
    await page.waitForFunction((t) => document.title === t, titleFor(OTHER));
    expect(problems).toEqual([]);
  });

  it('"Copy link" on an event and in the reader copies the canonical link and says so', async () => {
    const eventQuery = `?event=${TALKS.id}&from=2022-03-02&to=2022-03-04&q=talks`;
    const { page, context, problems } = await open(eventQuery, { subPath });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    // Headless Linux Chromium normally has no navigator.share; where it has one, the button shares instead.
    const canShare = await page.evaluate(() => typeof navigator.share === 'function');
    if (canShare) {
      await page.evaluate(() => {
        (window as unknown as { shared: unknown[] }).shared = [];
        navigator.share = async (data) => { (window as unknown as { shared: unknown[] }).shared.push(data?.url); };
      });
    }
    const copied = async () => (canShare
      ? page.evaluate(() => (window as unknown as { shared: string[] }).shared.at(-1))
      : page.evaluate(() => navigator.clipboard.readText()));

    const details = page.getByRole('region', { name: TALKS.title });
    await details.getByRole('button', { name: canShare ? 'Share link' : 'Copy link' }).click();
    if (!canShare) await details.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await copied()).toBe(appUrl(eventQuery, subPath));

    const readerQuery = `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=3`;
    await page.goto(appUrl(readerQuery, subPath));
    if (canShare) {
      await page.evaluate(() => {
        (window as unknown as { shared: unknown[] }).shared = [];
        navigator.share = async (data) => { (window as unknown as { shared: unknown[] }).shared.push(data?.url); };
      });
    }
    const reader = page.getByRole('region', { name: TALKS_ARTICLE.headline });
    await reader.getByRole('button', { name: canShare ? 'Share link' : 'Copy link' }).click();
    if (!canShare) await reader.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await copied()).toBe(appUrl(readerQuery, subPath));
    expect(problems).toEqual([]);
  });

  type Honoured = { selected?: string | string[]; list?: string[]; ticks?: [string, string]; reader?: string | null };
  const LONG = 'x'.repeat(10_000);
  const diplomacy = matchingIds('', ['diplomacy']);
  const badLinks: Array<{ name: string; query: string; notice: RegExp[]; honoured: Honoured; search: string | string[] }> = [
    { name: 'an impossible day (2022-02-30)', query: '?date=2022-02-30&cat=diplomacy', notice: [/2022-02-30/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'a day written 03/03/2022', query: '?date=03/03/2022&cat=diplomacy', notice: [/03\/03\/2022/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'date=tomorrow', query: '?date=tomorrow&cat=diplomacy', notice: [/tomorrow/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'an unknown event id', query: '?event=no-such-event&from=2022-03-02&to=2022-03-04', notice: [/no-such-event/], honoured: { ticks: ['2022-03-02', '2022-03-04'], selected: '' }, search: '?from=2022-03-02&to=2022-03-04' },
    { name: 'an unknown article id', query: `?event=${TALKS.id}&source=no-such-article`, notice: [/no-such-article/], honoured: { selected: TALKS.id, reader: null }, search: `?event=${TALKS.id}` },
    { name: 'a quote number out of range', query: `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=${TALKS.quotes.length + 4}`, notice: [new RegExp(`\\b${TALKS.quotes.length + 4}\\b`)], honoured: { selected: TALKS.id, reader: TALKS_ARTICLE.id }, search: `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}` },
    { name: 'a quote that is not a number', query: `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=abc`, notice: [/abc/], honoured: { selected: TALKS.id, reader: TALKS_ARTICLE.id }, search: `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}` },
    { name: '"from" after "to"', query: `?event=${TALKS.id}&from=2022-03-09&to=2022-03-02`, notice: [/from/], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
    { name: '"from" without "to"', query: `?event=${TALKS.id}&from=2022-03-02`, notice: [/\bto\b/], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
    { name: 'a window outside the data', query: `?event=${TALKS.id}&from=2021-01-01&to=2021-01-31`, notice: [/window|outside/i], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
    { name: 'unknown parameters', query: `?utm_source=newsletter&event=${TALKS.id}&fbclid=abc123`, notice: [/utm_source/, /fbclid/], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
    { name: 'a repeated parameter', query: `?event=${TALKS.id}&event=${OTHER.id}&cat=diplomacy&cat=military`, notice: [/event/, /cat/], honoured: { selected: [TALKS.id, OTHER.id] }, search: [`?event=${TALKS.id}&cat=diplomacy`, `?event=${OTHER.id}&cat=diplomacy`, `?event=${OTHER.id}&cat=military`] },
    { name: 'an unknown category', query: `?event=${TALKS.id}&cat=diplomacy,bogus`, notice: [/bogus/], honoured: { selected: TALKS.id, list: diplomacy }, search: `?event=${TALKS.id}&cat=diplomacy` },
    { name: 'an event id of 10,000 characters', query: `?event=${LONG}&cat=diplomacy`, notice: [/event/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'an article id of 10,000 characters', query: `?event=${TALKS.id}&source=${LONG}`, notice: [/source/], honoured: { selected: TALKS.id, reader: null }, search: `?event=${TALKS.id}` },
    { name: 'a date of 10,000 characters', query: `?date=${'2'.repeat(10_000)}&cat=diplomacy`, notice: [/date/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'a search of 10,000 characters', query: `?event=${TALKS.id}&q=${LONG}`, notice: [/search|“q”/], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
    { name: 'broken percent-encoding in a value (%E0%A4%A)', query: `?event=${TALKS.id}&source=%E0%A4%A`, notice: [/source/], honoured: { selected: TALKS.id, reader: null }, search: `?event=${TALKS.id}` },
    { name: 'broken percent-encoding in a name (%E0%A4%A)', query: `?event=${TALKS.id}&%E0%A4%A=1`, notice: [/%E0%A4%A/], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
    { name: 'event=__proto__', query: '?event=__proto__&cat=diplomacy', notice: [/__proto__/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'source=__proto__', query: `?event=${TALKS.id}&source=__proto__`, notice: [/__proto__/], honoured: { selected: TALKS.id, reader: null }, search: `?event=${TALKS.id}` },
    { name: 'cat=__proto__', query: `?event=${TALKS.id}&cat=__proto__,diplomacy`, notice: [/__proto__/], honoured: { selected: TALKS.id, list: diplomacy }, search: `?event=${TALKS.id}&cat=diplomacy` },
    { name: 'an event id that is markup (<script>)', query: `?event=${encodeURIComponent('<script>alert(1)</script>')}&cat=diplomacy`, notice: [/<script>/], honoured: { list: diplomacy, selected: '' }, search: '?cat=diplomacy' },
    { name: 'embed=maybe', query: `?event=${TALKS.id}&embed=maybe`, notice: [/maybe/], honoured: { selected: TALKS.id }, search: `?event=${TALKS.id}` },
  ];

  it.each(badLinks)('a bad link ($name) gives a polite notice, honours the rest and keeps the console clean', async ({ query, notice, honoured, search }) => {
    // Not waiting for a drawn event: a bad link must not be able to hide them all unnoticed.
    const { page, problems } = await open(query, { subPath, waitReady: false });
    for (const pattern of notice) {
      const text = await waitForNotice(page, pattern);
      expect(text.length).toBeLessThan(600);
    }
    if (honoured.selected !== undefined) {
      if (Array.isArray(honoured.selected)) {
        await page.waitForFunction(() => document.querySelector('nav [aria-current="true"]'));
        expect(honoured.selected).toContain(await selectedInList(page));
      } else {
        await waitForSelected(page, honoured.selected);
      }
    }
    if (honoured.list) expect(await listedIds(page)).toEqual(honoured.list);
    if (honoured.ticks) await waitForTicks(page, daysFromTo(...honoured.ticks).map(tickDay));
    if (honoured.reader) await page.getByRole('region', { name: articleById(honoured.reader).headline }).waitFor();
    if (honoured.reader === null) {
      for (const a of dataset.articles) expect(await page.getByRole('region', { name: a.headline }).count()).toBe(0);
    }
    const expected = Array.isArray(search) ? search : [search];
    await page.waitForFunction((want) => want.includes(location.search), expected, { timeout: 5_000 })
      .catch(async () => { throw new Error(`expected the address to become one of ${JSON.stringify(expected)}, got ${JSON.stringify(await currentSearch(page))}`); });
    const now = await currentSearch(page);
    expect(now.length).toBeLessThan(300);
    expect(now).not.toContain('xxxxxxxxxxxxxxxxxxxx');
    expect(new URL(page.url()).pathname).toBe(new URL(appUrl('', subPath)).pathname);
    expect(problems).toEqual([]);
  });
});

describe('a date link with a window elsewhere', () => {
  it('centres the timeline on the day, keeping the window’s span', async () => {
    const day = '2022-02-28';
    const expected = firstEventOn(day);
    const { page, problems } = await open(`?date=${day}&from=2022-03-08&to=2022-03-10`);
    await waitForSelected(page, expected.id);
    const surface = page.locator('[role="group"][aria-label^="Timeline"]');
    const marker = surface.locator(`[data-event-id="${expected.id}"]`);
    await marker.waitFor();
    await page.waitForFunction((id) => {
      const s = document.querySelector('[role="group"][aria-label^="Timeline"]')!.getBoundingClientRect();
      const m = document.querySelector(`[role="group"][aria-label^="Timeline"] [data-event-id="${id}"] svg`)?.getBoundingClientRect();
      return m !== undefined && Math.abs(m.x + m.width / 2 - (s.x + s.width / 2)) <= s.width * 0.1;
    }, expected.id, { timeout: 5_000 });
    expect(problems).toEqual([]);
  });
});
