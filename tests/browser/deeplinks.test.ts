/**
 * Deep links: the URL is the state. Dates, events, sources and quotes,
 * windows and filters in the address; history; reload; the title; copying
 * the link; and bad or stale links, each of which leaves a polite notice and
 * a clean console. What touches paths (assets, links, history, reload, copied
 * links) runs at the root and under /timeline/; the rest at the root.
 * Expected values come from dist/data/timeline.json and the spec.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, openApp, recordLinks, screenshot, WAIT_MS, type OpenOptions, REDUCED, atRootOnly } from './harness.ts';
import {
  articleById, currentSearch, dataset, daysFromTo, eventById, eventsOn, fittedWindow, markedOnTimeline, matchingIds, noticesText,
  isInView, selectedInList, spelledDay, tickDay, tickLabels, titleFor, waitForFocusOn, waitForNotice, waitForSearch, waitForSelected, waitForTicks,
} from './urlHelpers.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/**
 * Opens the app and closes its context when the test ends, pass or fail. A link's reading does not
 * depend on motion: pages open with reduced motion (harness.ts, `motion`), except where the test
 * follows the timeline moving (zooming, a reload of a zoomed view, a date link's scroll), which
 * passes `motion: 'full'`.
 */
async function open(query: string, options: OpenOptions = {}) {
  const opened = await openApp(browser, query, { ...REDUCED, ...options });
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
  // The sub-path changes what the page asks for and what it writes in the address, not how it
  // reads a link's parameters. So what touches paths (assets and data, links, the rewritten
  // address, history, reload, copied links, and a few bad links' rewrites) is checked at both
  // places, and what a link shows at the root only.
  const rootOnly = atRootOnly(subPath);
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

  it('?date= stays a date link: no event selected, the day’s events marked, its list heading focused and scrolled to, the timeline on the day', async () => {
    const lastDay = dataset.events.map((e) => e.date).sort().at(-1)!;
    const { page, problems } = await open(`?date=${lastDay}`, { subPath, height: 600, motion: 'full' });
    await waitForFocusOn(page, `day-${lastDay}`);
    await waitForSearch(page, `?date=${lastDay}`);
    expect(await selectedInList(page), 'a date link selects no event').toBe('');
    await page.waitForFunction((t) => document.title === t, dataset.title);
    // Every event of the day is marked on the timeline, and none of another day.
    await expect.poll(() => markedOnTimeline(page).then((ids) => [...ids].sort())).toEqual([...eventsOn(lastDay)].sort());
    // The list, not the page, scrolled to the day's heading (a wide screen: the list scrolls on its own).
    expect(await isInView(page, `#day-${lastDay}`, 'nav'), 'the day heading is in the list’s view').toBe(true);
    expect(await page.evaluate(() => document.querySelector('nav')!.scrollTop), 'the list scrolled').toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY), 'the page stayed at the top').toBe(0);
    // The timeline shows the day: its marked events lie inside the surface.
    const surface = page.locator('[role="group"][aria-label^="Timeline"]');
    const surfaceBox = (await surface.boundingBox())!;
    const marked = surface.locator('[data-event-id][data-marked]');
    expect(await marked.count()).toBeGreaterThan(0);
    for (const box of await marked.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, width: r.width }; }))) {
      expect(box.x + box.width / 2).toBeGreaterThanOrEqual(surfaceBox.x);
      expect(box.x + box.width / 2).toBeLessThanOrEqual(surfaceBox.x + surfaceBox.width);
    }
    expect(await noticesText(page)).toBe('');

    // Selecting one of the day's events from there is a step in the history; Back returns to the day.
    const start = await historyLength(page);
    const chosen = eventsOn(lastDay)[0]!;
    await page.getByRole('navigation', { name: 'Events by day' }).locator(`[data-event-id="${chosen}"]`).click();
    await waitForSearch(page, `?event=${chosen}`);
    await waitForSelected(page, chosen);
    expect(await historyLength(page), 'selecting from a date link pushes one entry').toBe(start + 1);
    await walk(page, 'back');
    await waitForSearch(page, `?date=${lastDay}`);
    await waitForSelected(page, '');
    expect(problems).toEqual([]);
  });

  rootOnly(() => it.each(['2022-03-05', '2022-01-01', '2023-06-30'])('?date=%s, a day without events, names the nearest day with events and says so', async (day) => {
    const near = nearestDay(day);
    const { page, problems } = await open(`?date=${day}`, { subPath });
    const text = await waitForNotice(page, new RegExp(`No events on ${spelledDay(day)} — showing ${spelledDay(near)}\\.`));
    expect(text.length).toBeLessThan(500);
    // The URL then names that day, and the day is shown as a date link is.
    await waitForSearch(page, `?date=${near}`);
    await waitForFocusOn(page, `day-${near}`);
    expect(await selectedInList(page)).toBe('');
    await expect.poll(() => markedOnTimeline(page).then((ids) => [...ids].sort())).toEqual([...eventsOn(near)].sort());
    expect(problems).toEqual([]);
  }));

  rootOnly(() => it('?event=&source=&quote= opens the reader on the article and marks, focuses and scrolls to that quote', async () => {
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
  }));

  rootOnly(() => it('?from=&to=&scale=time shows that window on the time scale: the axis labels are those days, and the link stays as written', async () => {
    const [from, to] = ['2022-03-02', '2022-03-04'];
    const { page, problems } = await open(`?from=${from}&to=${to}&scale=time`, { subPath });
    await waitForTicks(page, daysFromTo(from, to).map(tickDay));
    expect(await currentSearch(page)).toBe(`?from=${from}&to=${to}&scale=time`);
    expect(problems).toEqual([]);
  }));

  rootOnly(() => it('?from=&to= on the story scale (the default) ticks only the days with events, and marks the break before them', async () => {
    const [from, to] = ['2022-03-02', '2022-03-04'];
    const { page, problems } = await open(`?from=${from}&to=${to}`, { subPath });
    // 3 Mar is the only day with events in the window; 28 Feb to 3 Mar leaves 2 days out.
    expect(daysFromTo(from, to).filter((d) => eventsOn(d).length > 0)).toEqual(['2022-03-03']);
    await expect.poll(() => tickLabels(page)).toContain('Thu 3 Mar');
    const labels = await tickLabels(page);
    expect(labels.filter((l) => /^(\w{3} )?\d{1,2} \w{3}$/.test(l)), JSON.stringify(labels)).toEqual(['Thu 3 Mar']);
    expect(labels, JSON.stringify(labels)).toContain('⋯ 2 days ⋯');
    expect(await currentSearch(page)).toBe(`?from=${from}&to=${to}`);
    expect(problems).toEqual([]);
  }));

  rootOnly(() => it('?q= and ?cat= carry the search and the categories, and the link is rewritten in canonical order', async () => {
    const { page, problems } = await open('?cat=humanitarian,diplomacy&q=corridor', { subPath });
    const expected = matchingIds('corridor', ['diplomacy', 'humanitarian']);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(dataset.events.length);
    await page.waitForFunction((n) => document.querySelectorAll('nav [data-event-id]').length === n, expected.length);
    expect(await listedIds(page)).toEqual(expected);
    expect(await page.getByRole('searchbox', { name: 'Search events' }).inputValue()).toBe('corridor');
    // Read by accessible name: the toggles show a count beside the name, hidden from assistive technology.
    const group = page.getByRole('group', { name: 'Categories' });
    expect(await group.getByRole('button').count()).toBe(4);
    const want = { Military: 'false', Diplomacy: 'true', Humanitarian: 'true', 'International response': 'false' };
    for (const [name, pressed] of Object.entries(want)) {
      expect(await group.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'), name).toBe(pressed);
    }
    // A link from outside keeps its own window: none here, so the filters add none.
    await waitForSearch(page, '?q=corridor&cat=diplomacy,humanitarian');
    expect(problems).toEqual([]);
  }));

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
    const { page, problems } = await open('', { subPath, motion: 'full' });
    const start = await historyLength(page);
    const list = page.getByRole('navigation', { name: 'Events by day' });
    const fullTicks = await tickLabels(page);

    await list.locator(`[data-event-id="${OTHER.id}"]`).click();
    await waitForSearch(page, `?event=${OTHER.id}`);
    await list.locator(`[data-event-id="${TALKS.id}"]`).click();
    await waitForSearch(page, `?event=${TALKS.id}`);
    expect(await historyLength(page), 'each selection pushes one entry').toBe(start + 2);

    // Zooming replaces the current entry, once per zoom: the window joins the selection's entry.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((id) => new RegExp(`^\\?event=${id}&from=\\d{4}-\\d\\d-\\d\\d&to=\\d{4}-\\d\\d-\\d\\d$`).test(location.search), TALKS.id);
    const zoomed = await currentSearch(page);
    const window = zoomed.slice(`?event=${TALKS.id}`.length);
    expect(await historyLength(page), 'zooming replaces the entry').toBe(start + 2);
    // What the zoomed entry shows: the axis as drawn from its window (the URL owns the window).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const zoomedTicks = await tickLabels(page);
    expect(zoomedTicks).not.toEqual(fullTicks);

    await page.getByRole('link', { name: readInSource(2) }).click();
    const reading = `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=2${window}`;
    await waitForSearch(page, reading);
    await page.getByRole('region', { name: TALKS_ARTICLE.headline }).waitFor();
    await page.getByRole('button', { name: 'Close source' }).click();
    await waitForSearch(page, `?event=${TALKS.id}${window}`);
    await page.getByRole('region', { name: TALKS_ARTICLE.headline }).waitFor({ state: 'detached' });
    expect(await historyLength(page), 'opening and closing a source each push one entry').toBe(start + 4);

    // Each entry brings its window back with it: the whole timeline, or the zoomed window.
    const steps: Array<{ search: string; selected: string; reader: boolean; ticks: string[] }> = [
      { search: '', selected: '', reader: false, ticks: fullTicks },
      { search: `?event=${OTHER.id}`, selected: OTHER.id, reader: false, ticks: fullTicks },
      { search: zoomed, selected: TALKS.id, reader: false, ticks: zoomedTicks },
      { search: reading, selected: TALKS.id, reader: true, ticks: zoomedTicks },
      { search: `?event=${TALKS.id}${window}`, selected: TALKS.id, reader: false, ticks: zoomedTicks },
    ];
    const check = async (step: (typeof steps)[number]) => {
      await waitForSearch(page, step.search);
      await waitForSelected(page, step.selected);
      await page.getByRole('region', { name: TALKS_ARTICLE.headline }).waitFor({ state: step.reader ? 'visible' : 'detached' });
      await waitForTicks(page, step.ticks);
    };
    for (let i = steps.length - 2; i >= 0; i--) {
      await walk(page, 'back');
      await check(steps[i]!);
    }
    for (let i = 1; i < steps.length; i++) {
      await walk(page, 'forward');
      await check(steps[i]!);
    }
    expect(await historyLength(page), 'Back and Forward add no entries').toBe(start + 4);
    expect(new URL(page.url()).pathname).toBe(new URL(appUrl('', subPath)).pathname);
    expect(problems).toEqual([]);
  });

  rootOnly(() => it('pushes an entry when a category filter changes and fits the axis to the matching events; clearing it restores the window, and Back restores the filter', async () => {
    const { page, problems } = await open(`?event=${TALKS.id}`, { subPath });
    const start = await historyLength(page);
    const military = page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: 'Military', exact: true });
    await military.click();
    expect(TALKS.category).not.toBe('military');
    const cats = ['diplomacy', 'humanitarian', 'international'];
    const fitted = fittedWindow(matchingIds('', cats));
    expect(fitted, 'without military events the window is narrower than the whole timeline').not.toBe('');
    await waitForSearch(page, `?event=${TALKS.id}${fitted}&cat=${cats.join(',')}`);
    expect(await military.getAttribute('aria-pressed')).toBe('false');
    expect(await historyLength(page), 'changing a category filter pushes one history entry').toBe(start + 1);
    await walk(page, 'back');
    await waitForSearch(page, `?event=${TALKS.id}`);
    expect(await military.getAttribute('aria-pressed')).toBe('true');

    // Filtering again and then clearing the filter brings back the window from before it (all of it).
    await military.click();
    await waitForSearch(page, `?event=${TALKS.id}${fitted}&cat=${cats.join(',')}`);
    await military.click();
    await waitForSearch(page, `?event=${TALKS.id}`);
    expect(problems).toEqual([]);
  }));

  rootOnly(() => it('a search pushes an entry and fits the axis to its matches', async () => {
    const { page, problems } = await open('', { subPath });
    const start = await historyLength(page);
    const q = 'corridor';
    const matches = matchingIds(q, null);
    expect(matches.length).toBeGreaterThan(0);
    const fitted = fittedWindow(matches);
    expect(fitted, `the matches of “${q}” do not span the whole timeline`).not.toBe('');
    await page.getByRole('searchbox', { name: 'Search events' }).fill(q);
    await waitForSearch(page, `?${fitted.slice(1)}&q=${q}`);
    expect(await historyLength(page), 'a search pushes one history entry').toBe(start + 1);
    await page.getByRole('button', { name: 'Reset filters' }).first().click();
    await waitForSearch(page, '');
    expect(problems).toEqual([]);
  }));

  it('a reload restores the same view: selection, source and zoom window (the time scale: its labels are the window’s days)', async () => {
    const { page, problems } = await open(`?event=${TALKS.id}&scale=time`, { subPath, motion: 'full' });
    const before = await tickLabels(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((id) => new RegExp(`^\\?event=${id}&from=[\\d-]+&to=[\\d-]+&scale=time$`).test(location.search), TALKS.id);
    const search = await currentSearch(page);
    const [from, to] = [/from=([\d-]+)/.exec(search)![1]!, /to=([\d-]+)/.exec(search)![1]!];
    // What the URL says is what is shown, before the reload and after it.
    await waitForTicks(page, daysFromTo(from, to).map(tickDay));
    expect(daysFromTo(from, to).map(tickDay)).not.toEqual(before);
    await page.reload();
    await page.locator('[data-event-id]').first().waitFor();
    await waitForSelected(page, TALKS.id);
    await waitForTicks(page, daysFromTo(from, to).map(tickDay));
    expect(await currentSearch(page)).toBe(search);
    await page.waitForFunction((t) => document.title === t, titleFor(TALKS));
    expect(problems).toEqual([]);
  });

  rootOnly(() => it('the document title follows the selection, through Back as well', async () => {
    const { page, problems } = await open(`?event=${OTHER.id}`, { subPath });
    await page.waitForFunction((t) => document.title === t, titleFor(OTHER));
    await page.getByRole('navigation', { name: 'Events by day' }).locator(`[data-event-id="${TALKS.id}"]`).click();
    await page.waitForFunction((t) => document.title === t, titleFor(TALKS));
    await walk(page, 'back');
    await page.waitForFunction((t) => document.title === t, titleFor(OTHER));
    expect(problems).toEqual([]);
  }));

  it('"Copy link" on an event and in the reader copies the canonical link and says so', async () => {
    const eventQuery = `?event=${TALKS.id}&from=2022-03-02&to=2022-03-04&q=talks`;
    const { page, context, problems } = await open(eventQuery, { subPath });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    const { canShare, last: copied } = await recordLinks(page);
    const details = page.getByRole('region', { name: TALKS.title });
    await details.getByRole('button', { name: canShare ? 'Share link' : 'Copy link', exact: true }).click();
    if (!canShare) await details.getByRole('status').filter({ hasText: 'Link copied' }).first().waitFor();
    expect(await copied()).toBe(appUrl(eventQuery, subPath));

    // "Copy link to this day": the day's date link, without the event and without the window.
    await details.getByRole('button', { name: canShare ? 'Share link to this day' : 'Copy link to this day', exact: true }).click();
    await expect.poll(copied).toBe(appUrl(`?date=${TALKS.date}&q=talks`, subPath));

    const readerQuery = `?event=${TALKS.id}&source=${TALKS_ARTICLE.id}&quote=3`;
    await page.goto(appUrl(readerQuery, subPath));
    const reader = page.getByRole('region', { name: TALKS_ARTICLE.headline });
    await reader.getByRole('button', { name: canShare ? 'Share link' : 'Copy link', exact: true }).click();
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
    { name: 'an unknown event id', query: '?event=no-such-event&from=2022-03-02&to=2022-03-04&scale=time', notice: [/no-such-event/], honoured: { ticks: ['2022-03-02', '2022-03-04'], selected: '' }, search: '?from=2022-03-02&to=2022-03-04&scale=time' },
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

  // Under the sub-path, the bad links whose rewrite keeps a window, drops names or drops a value.
  const rewrittenUnderSubPath = new Set(['an unknown event id', 'unknown parameters', 'broken percent-encoding in a name (%E0%A4%A)']);
  it.each(subPath ? badLinks.filter((l) => rewrittenUnderSubPath.has(l.name)) : badLinks)('a bad link ($name) gives a polite notice, honours the rest and keeps the console clean', async ({ query, notice, honoured, search }) => {
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
    await page.waitForFunction((want) => want.includes(location.search), expected, { timeout: WAIT_MS })
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
    const { page, problems } = await open(`?date=${day}&from=2022-03-08&to=2022-03-10`, { motion: 'full' });
    await waitForFocusOn(page, `day-${day}`);
    expect(await selectedInList(page)).toBe('');
    const surface = page.locator('[role="group"][aria-label^="Timeline"]');
    await surface.locator('[data-event-id][data-marked]').first().waitFor();
    // The day sits about the middle of the timeline: in the labelled layout, the day's column (its
    // cell, whose events start at its left edge); with plain marks, the mark itself.
    await page.waitForFunction(() => {
      const s = document.querySelector('[role="group"][aria-label^="Timeline"]')!.getBoundingClientRect();
      const marks = [...document.querySelectorAll('[role="group"][aria-label^="Timeline"] [data-event-id][data-marked]')]
        .map((m) => (m.closest('ul') ?? m.querySelector('svg')!).getBoundingClientRect());
      return marks.length > 0 && marks.every((m) => Math.abs(m.x + m.width / 2 - (s.x + s.width / 2)) <= s.width * 0.1);
    }, null, { timeout: WAIT_MS });
    // The URL keeps the date, with the window it now shows: three days as in the link, about the day.
    await waitForSearch(page, `?date=${day}&from=2022-02-27&to=2022-03-01`);
    expect(problems).toEqual([]);
  });
});
