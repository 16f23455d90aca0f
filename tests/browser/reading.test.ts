/**
 * Issue "Reading the sources": from an event in the list to its details, to
 * the quoted passage in the source reader and back, with the mouse and with
 * the keyboard alone, on a desktop and on a phone (where details and the
 * reader are full-screen modal sheets); search, the empty state and the
 * category toggles; the printout. Expected values come from the dataset
 * that dist/ ships and from the spec, never from the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, WAIT_MS, REDUCED } from './harness.ts';

type Quote = { article: string; paragraph: number; start: number; end: number; text: string };
type DataEvent = {
  id: string; date: string; end?: string; title: string; summary: string; category: string; quotes: Quote[];
  dateEvidence: { kind: string; phrase?: string; resolved: string };
};
type DataArticle = { id: string; headline: string };
const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as { events: DataEvent[]; articles: DataArticle[] };
const TOTAL = dataset.events.length;

function eventById(id: string): DataEvent {
  const e = dataset.events.find((x) => x.id === id);
  if (!e) throw new Error(`the dataset has no event "${id}"`);
  return e;
}
function articleById(id: string): DataArticle {
  const a = dataset.articles.find((x) => x.id === id);
  if (!a) throw new Error(`the dataset has no article "${id}"`);
  return a;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A day as the spec writes it in the list and details: "Wed 9 Mar 2022". */
function longDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The spec's search: case- and accent-insensitive, over titles, summaries and quotes. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
function expectedMatches(query: string): DataEvent[] {
  const q = fold(query);
  return dataset.events.filter((e) => [e.title, e.summary, ...e.quotes.map((x) => x.text)].some((s) => fold(s).includes(q)));
}

/** The event followed through the reading flow, and the quote read in its source. */
const EVENT = eventById('second-talks-belarus');
const QUOTE = 1;
const QUOTE_TEXT = EVENT.quotes[QUOTE - 1]!.text;
const ARTICLE = articleById(EVENT.quotes[QUOTE - 1]!.article);

const listButton = (page: Page, id: string) => page.getByRole('navigation', { name: 'Events by day' }).locator(`button[data-event-id="${id}"]`);
const surfaceOf = (page: Page) => page.getByRole('group', { name: /^Timeline of \d+ events/ });
const params = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));

/** What a Tab press should reach, matched inside the page. */
type Target =
  | { kind: 'list'; id: string }
  | { kind: 'read'; title: string; quote: number }
  | { kind: 'passageLink'; text: string }
  | { kind: 'close' };

function focusIs(page: Page, target: Target): Promise<boolean> {
  return page.evaluate((t) => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return false;
    if (t.kind === 'list') return a.tagName === 'BUTTON' && a.getAttribute('data-event-id') === t.id && !!a.closest('nav');
    if (t.kind === 'read') {
      return a instanceof HTMLAnchorElement && a.textContent!.startsWith('Read in source')
        && new URL(a.href).searchParams.get('quote') === String(t.quote)
        && a.closest('section')?.querySelector('h2')?.textContent === t.title;
    }
    if (t.kind === 'passageLink') return a.tagName === 'A' && a.closest('mark')?.textContent === t.text;
    return a.tagName === 'BUTTON' && a.textContent!.startsWith('Close') && !!a.closest('dialog');
  }, target);
}

/** The focused element, described for a failure message. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'nothing (body)';
    const where = a.closest('dialog') ? ` in the dialog "${a.closest('dialog')!.getAttribute('aria-label')}"` : a.closest('nav') ? ' in the event list' : '';
    return `<${a.tagName.toLowerCase()}> "${(a.textContent ?? '').trim().slice(0, 60)}"${where}`;
  });
}

/**
 * Soft check that focus reaches `target` within a few frames: a failure is reported with where focus
 * went, and the flow goes on, so one focus bug does not hide the steps after it.
 */
async function expectFocus(page: Page, target: Target, what: string): Promise<boolean> {
  const ok = await expect.poll(() => focusIs(page, target), { timeout: WAIT_MS, interval: 50 }).toBe(true).then(() => true, () => false);
  expect.soft(ok, `${what}; focus is on ${await describeFocus(page)}`).toBe(true);
  return ok;
}

/** Presses Tab (or Shift+Tab) until focus reaches `target`; returns the number of presses. */
async function tabTo(page: Page, target: Target, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 80): Promise<number> {
  for (let n = 0; n <= limit; n++) {
    if (await focusIs(page, target)) return n;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${JSON.stringify(target)} in ${limit} presses`);
}

/** Presses `key` until focus reaches `target`; returns the number of presses. */
async function pressUntil(page: Page, key: string, target: Target, limit = 80): Promise<number> {
  for (let n = 0; n <= limit; n++) {
    if (await focusIs(page, target)) return n;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${JSON.stringify(target)} in ${limit} presses`);
}

/** The text of the <mark> that holds focus (focus on it or inside it), or null. */
function focusedMarkText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('mark')?.textContent ?? null);
}

/** Where the details and the reader appear: a modal sheet on a phone, the page on a desktop. */
function container(page: Page, phone: boolean, label: string): Locator {
  return phone ? page.getByRole('dialog', { name: label }) : page.locator('main');
}

async function expectModal(sheet: Locator) {
  expect(await sheet.evaluate((d) => d instanceof HTMLDialogElement && d.open && d.matches(':modal')), 'the sheet is a modal <dialog>').toBe(true);
}

/** The details of `event`: a landmark named by its title with the title, date, date evidence and every quote. */
async function expectDetails(scope: Locator, event: DataEvent): Promise<Locator> {
  const details = scope.getByRole('region', { name: event.title, exact: true });
  await details.waitFor();
  await expect(details.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(event.title);
  const date = details.locator(`time[datetime="${event.date}"]`).first();
  await expect(date.textContent()).resolves.toBe(longDay(event.date));
  const text = (await details.textContent())!;
  expect(text).toContain('How the date is known');
  if (event.dateEvidence.phrase) expect(text).toContain(event.dateEvidence.phrase);
  expect(text).toContain(longDay(event.dateEvidence.resolved));
  const quotes = await details.locator('blockquote').evaluateAll((els) => els.map((b) => ({ cite: b.getAttribute('cite'), text: b.textContent!.trim() })));
  expect(quotes.map((q) => q.text)).toEqual(event.quotes.map((q) => q.text));
  for (const q of quotes) expect(q.cite, 'every <blockquote> has a cite').toBeTruthy();
  return details;
}

/** The reader of the article is open on the quote, and the quote's <mark> holds focus (soft). */
async function expectReaderOnQuote(page: Page, scope: Locator, when: string): Promise<Locator> {
  const reader = scope.getByRole('region', { name: ARTICLE.headline, exact: true });
  await reader.waitFor();
  expect(await params(page)).toMatchObject({ event: EVENT.id, source: ARTICLE.id, quote: String(QUOTE) });
  const ok = await expect.poll(() => focusedMarkText(page), { timeout: WAIT_MS, interval: 50 }).toBe(QUOTE_TEXT).then(() => true, () => false);
  expect.soft(ok, `${when}: focus should be on the <mark> of quote ${QUOTE}; it is on ${await describeFocus(page)}`).toBe(true);
  return reader;
}

/** The link inside the quote's <mark>, found by its text (not by focus). */
function passageLink(reader: Locator): Locator {
  return reader.locator('mark').filter({ hasText: QUOTE_TEXT.slice(0, 40) }).getByRole('link').first();
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

for (const [device, width, height] of [['a desktop', 1280, 800], ['a phone', 390, 844]] as const) {
  const phone = width < 600;
  const eventLabel = `Event: ${EVENT.title}`;
  const sourceLabel = `Source: ${ARTICLE.headline}`;
  const readLink: Target = { kind: 'read', title: EVENT.title, quote: QUOTE };

  describe(`from an event to its source and back on ${device} (${width}×${height})`, () => {
    it('works with the mouse', async () => {
      const { page, problems, context } = await openApp(browser, '', { ...REDUCED, width, height });
      await listButton(page, EVENT.id).click();
      const detailsScope = container(page, phone, eventLabel);
      await detailsScope.waitFor();
      if (phone) await expectModal(detailsScope);
      const details = await expectDetails(detailsScope, EVENT);
      await expect(listButton(page, EVENT.id).getAttribute('aria-current')).resolves.toBe('true');

      await details.getByRole('link', { name: /^Read in source/ }).nth(QUOTE - 1).click();
      const readerScope = container(page, phone, sourceLabel);
      await readerScope.waitFor();
      if (phone) await expectModal(readerScope);
      await expectReaderOnQuote(page, readerScope, 'first "Read in source"');

      // Esc closes the reader; focus goes back to the link it came from.
      await page.keyboard.press('Escape');
      await readerScope.getByRole('region', { name: ARTICLE.headline, exact: true }).waitFor({ state: 'detached' });
      await expectDetails(container(page, phone, eventLabel), EVENT);
      await expectFocus(page, readLink, 'after Esc closes the reader, focus is back on its "Read in source" link');

      // The marked passage links back to the event's details.
      await container(page, phone, eventLabel).getByRole('link', { name: /^Read in source/ }).nth(QUOTE - 1).click();
      const reader = await expectReaderOnQuote(page, container(page, phone, sourceLabel), 'second "Read in source"');
      await passageLink(reader).click();
      await expect.poll(() => params(page)).toEqual({ event: EVENT.id });
      await expectDetails(container(page, phone, eventLabel), EVENT);

      if (phone) {
        await container(page, phone, eventLabel).getByRole('button', { name: /^Close/ }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await expectFocus(page, { kind: 'list', id: EVENT.id }, 'Close returns focus to the event in the list');
      }
      expect(problems).toEqual([]);
      await context.close();
    });

    it('works with the keyboard alone (Tab, Enter, Escape)', async () => {
      const { page, problems, context } = await openApp(browser, '', { ...REDUCED, width, height });
      // The list is one tab stop (its first event, with nothing selected); ↓ moves inside it.
      const stop = await page.locator('nav [data-event-id][tabindex="0"]').getAttribute('data-event-id');
      await tabTo(page, { kind: 'list', id: stop! });
      await pressUntil(page, 'ArrowDown', { kind: 'list', id: EVENT.id });
      await page.keyboard.press('Enter');
      const detailsScope = container(page, phone, eventLabel);
      await detailsScope.waitFor();
      if (phone) await expectModal(detailsScope);
      await expectDetails(detailsScope, EVENT);

      await tabTo(page, readLink);
      await page.keyboard.press('Enter');
      await expectReaderOnQuote(page, container(page, phone, sourceLabel), 'first "Read in source"');

      await page.keyboard.press('Escape');
      await container(page, phone, sourceLabel).getByRole('region', { name: ARTICLE.headline, exact: true }).waitFor({ state: 'detached' });
      await expectDetails(container(page, phone, eventLabel), EVENT);
      await expectFocus(page, readLink, 'after Esc closes the reader, focus is back on its "Read in source" link');

      // (If focus was lost, Tab on to the link: the soft check above has already failed the test.)
      await tabTo(page, readLink);
      await page.keyboard.press('Enter');
      await expectReaderOnQuote(page, container(page, phone, sourceLabel), 'second "Read in source"');
      // From the focused passage, one Tab reaches its link to the event.
      const fromMark = (await focusedMarkText(page)) === QUOTE_TEXT;
      const presses = await tabTo(page, { kind: 'passageLink', text: QUOTE_TEXT });
      if (fromMark) expect(presses, 'Tab from the focused <mark> goes to its link').toBe(1);
      await page.keyboard.press('Enter');
      await expect.poll(() => params(page)).toEqual({ event: EVENT.id });
      const details = await expectDetails(container(page, phone, eventLabel), EVENT);
      await expect.poll(() => details.evaluate((d) => d.contains(document.activeElement)), { message: 'focus lands in the details' }).toBe(true);

      if (phone) {
        await tabTo(page, { kind: 'close' }, 'Shift+Tab');
        await page.keyboard.press('Enter');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await expectFocus(page, { kind: 'list', id: EVENT.id }, 'Close returns focus to the event in the list');
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  });
}

describe('a passage quoted by more than one event', () => {
  it('links from the marked passage to each event that quotes it', async () => {
    // Find, in the dataset, a passage two events quote.
    const shared = dataset.events.flatMap((e) => e.quotes.map((q, i) => ({ e, q, n: i + 1 }))).find(({ e, q }) => dataset.events.some((o) => o.id !== e.id
      && o.quotes.some((p) => p.article === q.article && p.paragraph === q.paragraph && p.start === q.start && p.end === q.end)));
    expect(shared, 'the dataset has a passage quoted by two events').toBeDefined();
    const { e: event, q, n } = shared!;
    const others = dataset.events.filter((o) => o.quotes.some((p) => p.article === q.article && p.paragraph === q.paragraph && p.start === q.start));
    const { page, problems, context } = await openApp(browser, `?event=${event.id}&source=${q.article}&quote=${n}`, REDUCED);
    await page.getByRole('region', { name: articleById(q.article).headline, exact: true }).waitFor();
    await expect.poll(() => focusedMarkText(page).then((t) => t?.startsWith(q.text) ?? false)).toBe(true);
    const linked = await page.locator('mark:focus a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('event')));
    expect(new Set(linked)).toEqual(new Set(others.map((o) => o.id)));
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The ids of `events` in the order of `all`, the list as first shown (the index's order: the sources', key events leading where they allow). */
function inOrderOf(all: ReadonlyArray<string | null>, events: readonly DataEvent[]): Array<string | null> {
  const ids = new Set(events.map((e) => e.id));
  return all.filter((id) => id !== null && ids.has(id));
}

describe('search and category filters', () => {
  const search = (page: Page) => page.getByRole('searchbox', { name: 'Search events' });
  const countText = (page: Page) => page.getByRole('search').locator('[aria-live]').textContent();
  const listIds = (page: Page) => page.getByRole('navigation', { name: 'Events by day' }).locator('button[data-event-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
  /** The timeline's drawn marks and how many events its count badges hold. */
  const timelineContents = (page: Page) => surfaceOf(page).evaluate((s) => ({
    ids: [...s.querySelectorAll('button[data-event-id]')].map((b) => b.getAttribute('data-event-id')!),
    labels: [...s.querySelectorAll('button[data-event-id]')].map((b) => b.getAttribute('aria-label') ?? ''),
    clustered: [...s.querySelectorAll('button[aria-expanded]')].reduce((n, b) => n + Number(b.textContent), 0),
  }));
  async function expectTimelineShows(page: Page, events: DataEvent[]) {
    const want = new Set(events.map((e) => e.id));
    await expect.poll(async () => {
      const t = await timelineContents(page);
      return t.ids.every((id) => want.has(id)) && t.ids.length + t.clustered === want.size;
    }, { message: `the timeline draws exactly ${want.size} events` }).toBe(true);
  }

  it('shows only the events matching "antalya", with the count and the match in a <mark>', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const all = await listIds(page);
    const want = expectedMatches('antalya');
    expect(want.length).toBeGreaterThan(0);
    await search(page).pressSequentially('antalya');
    await expect.poll(() => countText(page)).toContain(`${want.length} of ${TOTAL} events match`);
    expect(await listIds(page)).toEqual(inOrderOf(all, want));
    for (const e of want) {
      const occurrences = fold(e.title).split('antalya').length - 1;
      const marks = await listButton(page, e.id).locator('mark').allTextContents();
      expect(marks, `highlight in "${e.title}"`).toEqual(Array(occurrences).fill(expect.stringMatching(/^antalya$/i)));
    }
    await expectTimelineShows(page, want);
    expect(await params(page)).toMatchObject({ q: 'antalya' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ignores accents: "antonio" and "ANTÓNIO" find "António"', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const want = expectedMatches('antonio');
    expect(want.length).toBeGreaterThan(0);
    for (const query of ['antonio', 'ANTÓNIO']) {
      await search(page).fill('');
      await search(page).pressSequentially(query);
      await expect.poll(() => countText(page)).toContain(`${want.length} of ${TOTAL} events match`);
      expect(await listIds(page), query).toEqual(want.map((e) => e.id));
      await expectTimelineShows(page, want);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the empty state for a query with no results, and "Reset filters" restores all events', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const all = await listIds(page);
    expect([...all].sort()).toEqual(dataset.events.map((e) => e.id).sort());
    expect(expectedMatches('zzzzzz')).toEqual([]);
    await search(page).pressSequentially('zzzzzz');
    const list = page.getByRole('navigation', { name: 'Events by day' });
    const reset = list.getByRole('button', { name: 'Reset filters' });
    await reset.waitFor();
    expect(await list.textContent()).toContain('zzzzzz');
    expect(await listIds(page)).toEqual([]);
    await expect.poll(() => countText(page)).toContain(`0 of ${TOTAL} events match`);
    await expectTimelineShows(page, []);
    await reset.click();
    await expect.poll(() => listIds(page)).toEqual(inOrderOf(all, dataset.events));
    expect(await search(page).inputValue()).toBe('');
    expect(await countText(page)).toBe(`${TOTAL} events`);
    await expectTimelineShows(page, dataset.events);
    expect(await params(page)).toEqual({});
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters the list and the timeline with the category toggles', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const all = await listIds(page);
    const toggle = (name: string) => page.getByRole('search').getByRole('button', { name, exact: true });
    expect(await toggle('Military').getAttribute('aria-pressed')).toBe('true');

    await toggle('Military').click();
    await expect.poll(() => toggle('Military').getAttribute('aria-pressed')).toBe('false');
    let want = dataset.events.filter((e) => e.category !== 'military');
    await expect.poll(() => countText(page)).toContain(`${want.length} of ${TOTAL} events match`);
    expect(await listIds(page)).toEqual(inOrderOf(all, want));
    await expectTimelineShows(page, want);
    expect((await timelineContents(page)).labels.filter((l) => l.includes('Military'))).toEqual([]);

    await toggle('Diplomacy').click();
    want = dataset.events.filter((e) => e.category !== 'military' && e.category !== 'diplomacy');
    await expect.poll(() => countText(page)).toContain(`${want.length} of ${TOTAL} events match`);
    expect(await listIds(page)).toEqual(inOrderOf(all, want));
    await expectTimelineShows(page, want);

    await toggle('Military').click();
    want = dataset.events.filter((e) => e.category !== 'diplomacy');
    await expect.poll(() => countText(page)).toContain(`${want.length} of ${TOTAL} events match`);
    expect(await listIds(page)).toEqual(inOrderOf(all, want));
    await expectTimelineShows(page, want);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('printing', () => {
  it('prints every event title and none of the controls', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(async () => {
      const text = await page.evaluate(() => document.body.innerText);
      return dataset.events.filter((e) => !text.includes(e.title)).map((e) => e.title);
    }, { message: 'event titles missing from the printout' }).toEqual([]);
    for (const name of ['Zoom in', 'Zoom out', 'Fit all']) {
      const button = page.getByRole('button', { name, includeHidden: true });
      expect(await button.count(), `${name} exists`).toBe(1);
      expect(await button.isVisible(), `${name} is not printed`).toBe(false);
    }
    const box = page.getByRole('searchbox', { name: 'Search events', includeHidden: true });
    expect(await box.count()).toBe(1);
    expect(await box.isVisible(), 'the search input is not printed').toBe(false);
    await screenshot(page, 'print', true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
