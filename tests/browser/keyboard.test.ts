/**
 * The keyboard and the dialogs: the event list is one tab stop, ↑/↓ and
 * Home/End move the selection inside it (focus follows, the page does not
 * scroll), in the virtualised list too; the "Keyboard shortcuts" dialog opens
 * with `?` and with its button; every dialog keeps Tab inside and gives focus
 * back to its opener on Escape and on Close; "Copy link to this day" copies a
 * `?date=` link. Expected values come from the dataset the build ships.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { formatViolations, runAxe } from './axe.ts';
import { appUrl, launchBrowser, openApp, recordLinks, screenshot, type OpenOptions } from './harness.ts';

type DataEvent = { id: string; date: string; title: string; key?: boolean; certainty?: string; dateEvidence?: { kind: string }; after?: unknown[] };
type Data = { title: string; events: DataEvent[]; articles: unknown[] };
const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as Data & { version: number };

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function open(query = '', options: OpenOptions = {}) {
  const opened = await openApp(browser, query, options);
  onTestFinished(() => opened.context.close());
  return opened;
}

/** Where keyboard focus is. */
function focusOf(page: Page) {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      body: !a || a === document.body,
      inList: !!a?.closest('nav#event-list'),
      id: a?.getAttribute('data-event-id') ?? null,
      dialog: a?.closest('dialog')?.getAttribute('aria-label') ?? a?.closest('dialog')?.querySelector('h2')?.textContent ?? null,
      name: a?.getAttribute('aria-label') ?? a?.textContent?.trim().slice(0, 60) ?? '',
    };
  });
}

/** The event ids of the list, top to bottom (the index's order: key events lead their day where the sources allow). */
const listOrder = (page: Page) => page.locator('nav#event-list [data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
const selectedId = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('event'));
const listButton = (page: Page, id: string) => page.locator(`nav#event-list [data-event-id="${id}"]`);

async function expectFocusOn(page: Page, id: string) {
  await expect.poll(async () => (await focusOf(page)).id, { message: `focus on ${id}` }).toBe(id);
  expect((await focusOf(page)).inList).toBe(true);
}

/** Presses `key` `times` times and checks after each press that focus stayed inside the open dialog named `name`. */
async function expectTabStaysIn(page: Page, name: string, key: 'Tab' | 'Shift+Tab', times: number) {
  const seen = new Set<string>();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    const focus = await focusOf(page);
    expect(focus.dialog, `${key} #${i + 1} left the dialog "${name}" (focus on ${JSON.stringify(focus)})`).toBe(name);
    seen.add(focus.name);
  }
  return seen;
}

describe('the event list with the keyboard', () => {
  it('is one tab stop: the selected event, and one Tab leaves the list for the details', async () => {
    const order = dataset.events.map((e) => e.id);
    const { page, problems } = await open(`?event=${order[4]}`);
    const ids = await listOrder(page);
    const tabbable = await page.locator('nav#event-list [data-event-id]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex === 0).map((e) => e.getAttribute('data-event-id')));
    expect(tabbable).toEqual([order[4]]);

    await listButton(page, order[4]!).focus();
    await page.keyboard.press('Tab');
    const after = await focusOf(page);
    expect(after.inList, `one Tab from the selected event leaves the list (focus on ${after.name})`).toBe(false);
    expect(await page.evaluate(() => !!document.activeElement?.closest('main') && !document.activeElement?.closest('nav'))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expectFocusOn(page, order[4]!);
    await page.keyboard.press('Shift+Tab');
    expect((await focusOf(page)).inList, 'Shift+Tab from the selected event leaves the list').toBe(false);

    // With nothing selected the tab stop is the first event of the list.
    await page.goto(appUrl());
    await page.locator('[data-event-id]').first().waitFor();
    const first = await page.locator('nav#event-list [data-event-id][tabindex="0"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
    expect(first).toEqual([ids[0]]);
    expect(problems).toEqual([]);
  });

  for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`↑/↓ and Home/End select inside the list, focus follows, and the page does not scroll (${size.width}×${size.height})`, async () => {
      const { page, problems } = await open('', size);
      const ids = await listOrder(page);
      // Bring the list's first event to the middle of the screen, so that any page scroll would show.
      await listButton(page, ids[0]!).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - innerHeight / 2));
      // Let the page settle before measuring.
      await expect.poll(() => page.evaluate(async () => {
        const y = window.scrollY;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return window.scrollY === y;
      })).toBe(true);
      await listButton(page, ids[0]!).focus();
      for (const [key, at] of [['ArrowDown', 1], ['ArrowDown', 2], ['ArrowUp', 1]] as const) {
        // Where the list stands on the screen: a page scroll moves it; content growing above it
        // (the phone's timeline opening the selected day) does not, as scroll anchoring keeps it.
        const listTop = () => page.locator('nav#event-list').evaluate((n) => Math.round(n.getBoundingClientRect().top));
        const before = await listTop();
        await page.keyboard.press(key);
        await expect.poll(() => selectedId(page), { message: `${key} selects ${ids[at]}` }).toBe(ids[at]);
        await expectFocusOn(page, ids[at]!);
        // Scroll anchoring makes up for the rail growing above in whole pixels, while rows may be a
        // fraction of a pixel tall: a 1 px difference is rounding, not a scroll.
        expect(Math.abs((await listTop()) - before), `${key} scrolled the page (${before} → ${await listTop()})`).toBeLessThanOrEqual(1);
      }
      // On a phone, moving in the list selects without covering the list with the details sheet.
      expect(await page.getByRole('dialog').count()).toBe(0);
      await screenshot(page, `event-list-arrows-${size.width}`);
      await page.keyboard.press('End');
      await expect.poll(() => selectedId(page)).toBe(ids.at(-1));
      await expectFocusOn(page, ids.at(-1)!);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
      await expect.poll(() => selectedId(page)).toBe(ids[0]);
      await expectFocusOn(page, ids[0]!);
      expect(problems).toEqual([]);
    });
  }

  it('key events come first in their day and say so; an undated event says it is only reported', async () => {
    // A day with several events, its last one that no source puts after another marked key:
    // the list puts it first in that day.
    const counts = new Map<string, number>();
    for (const e of dataset.events) counts.set(e.date, (counts.get(e.date) ?? 0) + 1);
    const day = [...counts].find(([d, n]) => n >= 3 && dataset.events.some((e) => e.date === d && !e.after?.length && e !== dataset.events.find((f) => f.date === d)))![0];
    const key = dataset.events.filter((e) => e.date === day && !e.after?.length).at(-1)!;
    const data = { ...dataset, events: dataset.events.map((e) => ({ ...e, key: e.id === key.id ? true : undefined })) };
    const { page, problems } = await open('', {
      route: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) })),
    });
    const ids = await listOrder(page);
    const ofDay = ids.filter((id) => dataset.events.find((e) => e.id === id)!.date === day);
    expect(ofDay[0], `the key event first on ${day}`).toBe(key.id);
    await listButton(page, key.id).scrollIntoViewIfNeeded();
    await screenshot(page, 'event-list-key-and-reported-1280');
    const list = page.getByRole('navigation', { name: 'Events by day' });
    await expect(list.getByRole('button', { name: /, key event, / }).evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')))).resolves.toEqual([key.id]);
    expect(await listButton(page, key.id).locator('span').nth(1).evaluate((t) => Number(getComputedStyle(t).fontWeight))).toBeGreaterThanOrEqual(700);

    const undated = dataset.events.find((e) => e.certainty === 'reported' || (!e.certainty && e.dateEvidence?.kind === 'undated'));
    if (undated) {
      const name = await listButton(page, undated.id).evaluate((b) => b.textContent);
      expect(name).toMatch(/reported by \w{3} \d{1,2} \w{3} \d{4}; the source gives no date$/);
    }
    expect(problems).toEqual([]);
  });
});

/** The real dataset's events, repeated under new ids until there are more than the list keeps in the DOM. */
function largeDataset(n: number): Data {
  const events = Array.from({ length: n }, (_, i) => ({ ...dataset.events[i % dataset.events.length]!, id: `copy-${i}`, after: undefined }));
  return { ...dataset, events };
}

describe('focus is never dropped to the page by what the keyboard does', () => {
  it('→ from an event’s details moves focus to the next event’s details heading', async () => {
    const { page, problems } = await open('');
    const surface = page.locator('[role="group"][aria-label^="Timeline"]');
    const first = surface.locator('[tabindex="0"]');
    await first.focus();
    const id = (await first.getAttribute('data-event-id'))!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-details-for]')?.getAttribute('data-details-for') ?? null)).toBe(id);
    const ids = await listOrder(page);
    for (const at of [1, 2]) {
      const expected = ids[ids.indexOf(id) + at]!;
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => selectedId(page)).toBe(expected);
      await expect.poll(() => page.evaluate(() => {
        const a = document.activeElement;
        return a?.tagName === 'H2' ? a.closest('[data-details-for]')?.getAttribute('data-details-for') ?? null : `not a heading: ${a?.tagName}`;
      }), { message: `focus on the heading of ${expected}’s details` }).toBe(expected);
    }
    expect(problems).toEqual([]);
  });

  it('zooming in with + while a timeline marker has focus keeps focus on the timeline, though that marker left the view', async () => {
    const { page, problems } = await open('');
    const surface = page.locator('[role="group"][aria-label^="Timeline"]');
    // The first event's marker is the tab stop; zooming about the middle takes it out of view.
    const firstId = (await surface.locator('[tabindex="0"]').getAttribute('data-event-id'))!;
    await surface.locator('[tabindex="0"]').focus();
    // Whether focus is ever left on the page's body, checked a task after each focusout (a screen
    // reader would announce the whole document there), not only once the zoom's animation is over.
    await page.evaluate(() => {
      const w = window as unknown as { lostFocus: string[] };
      w.lostFocus = [];
      document.addEventListener('focusout', (e) => setTimeout(() => {
        if (document.activeElement === document.body) w.lostFocus.push((e.target as HTMLElement).getAttribute('data-event-id') ?? 'something');
      }), true);
    });
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await expect.poll(() => surface.locator(`[data-event-id="${firstId}"]`).count(), { message: 'the first marker left the view' }).toBe(0);
    const focus = await page.evaluate(() => {
      const a = document.activeElement;
      return { inTimeline: !!a?.closest('[role="group"][aria-label^="Timeline"]'), tabStop: a?.getAttribute('tabindex') === '0', what: a?.outerHTML.slice(0, 80) ?? 'nothing' };
    });
    expect(focus, `focus after the zoom: ${focus.what}`).toMatchObject({ inTimeline: true, tabStop: true });
    expect(await page.evaluate(() => (window as unknown as { lostFocus: string[] }).lostFocus), 'focus left on the page body after these markers left').toEqual([]);
    // And the keyboard goes on from there: Tab leaves the timeline forwards, not from the page's start.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('header') === null)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('the virtualised list (above 400 events)', () => {
  it('stays one tab stop, and focus follows the selection wherever it goes', async () => {
    const data = largeDataset(600);
    const { page, problems } = await open('', {
      route: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) })),
    });
    const stops = () => page.locator('nav#event-list [data-event-id][tabindex="0"]').count();
    expect(await stops()).toBe(1);
    const first = await page.locator('nav#event-list [data-event-id][tabindex="0"]').getAttribute('data-event-id');
    await listButton(page, first!).focus();

    await page.keyboard.press('End');
    const last = await expect.poll(() => selectedId(page)).not.toBe(null).then(() => selectedId(page));
    await expectFocusOn(page, last!);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectedId(page)).not.toBe(last);
    await expectFocusOn(page, (await selectedId(page))!);
    // The page-wide ← moves the selection too; focus stays with it in the list.
    const before = await selectedId(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selectedId(page)).not.toBe(before);
    await expectFocusOn(page, (await selectedId(page))!);
    await page.keyboard.press('Home');
    await expect.poll(() => selectedId(page)).toBe(first);
    await expectFocusOn(page, first!);
    expect(await stops()).toBe(1);
    expect((await focusOf(page)).body).toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('the "Keyboard shortcuts" dialog', () => {
  it('opens with ?, keeps Tab inside, lists the shortcuts, and Escape gives focus back', async () => {
    const { page, problems } = await open();
    const ids = await listOrder(page);
    await listButton(page, ids[0]!).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d instanceof HTMLDialogElement && d.matches(':modal'))).toBe(true);
    for (const what of ['Previous or next event', 'Zoom the timeline in or out', 'Fit the whole timeline', 'Previous or next event in the list', 'Select the focused event and show its details', 'Show these keyboard shortcuts']) {
      await expect(dialog.getByRole('cell', { name: what, exact: true }).first().isVisible()).resolves.toBe(true);
    }
    expect(formatViolations(await runAxe(page)), 'axe with the dialog open').toBe('');
    await screenshot(page, 'shortcuts-dialog-1280');
    // Keys pressed inside the dialog do not act on the page behind it.
    await page.keyboard.press('ArrowRight');
    expect(await selectedId(page)).toBe(null);
    await expectTabStaysIn(page, 'Keyboard shortcuts', 'Tab', 4);
    await expectTabStaysIn(page, 'Keyboard shortcuts', 'Shift+Tab', 4);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(page, ids[0]!);
    expect(problems).toEqual([]);
  });

  it('does not open while typing in the search', async () => {
    const { page, problems } = await open();
    const search = page.getByRole('searchbox', { name: 'Search events' });
    await search.click();
    await page.keyboard.type('why?');
    await expect(search.inputValue()).resolves.toBe('why?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens with its button in the header, and Close gives focus back to the button', async () => {
    const { page, problems } = await open();
    const button = page.getByRole('button', { name: 'Keyboard shortcuts', exact: true });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expectTabStaysIn(page, 'Keyboard shortcuts', 'Tab', 3);
    await dialog.getByRole('button', { name: 'Close' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((b) => b === document.activeElement), { message: 'focus back on the button' }).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('the Embed dialog', () => {
  it('keeps Tab inside, and Escape (or Close) gives focus back to "Embed"', async () => {
    const { page, problems } = await open();
    const embed = page.getByRole('button', { name: 'Embed', exact: true });
    await embed.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Embed this view' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d instanceof HTMLDialogElement && d.matches(':modal'))).toBe(true);
    expect((await focusOf(page)).dialog).toBe('Embed this view');
    const reached = await expectTabStaysIn(page, 'Embed this view', 'Tab', 7);
    expect(reached.size, 'Tab goes round the dialog’s three controls').toBe(3);
    await expectTabStaysIn(page, 'Embed this view', 'Shift+Tab', 4);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => embed.evaluate((b) => b === document.activeElement), { message: 'Escape returns focus to "Embed"' }).toBe(true);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => embed.evaluate((b) => b === document.activeElement), { message: 'Close returns focus to "Embed"' }).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('the sheet on a phone', () => {
  it('keeps Tab inside, and Escape gives focus back to the event in the list', async () => {
    const { page, problems } = await open('', { width: 390, height: 844 });
    const ids = await listOrder(page);
    await listButton(page, ids[1]!).focus();
    await page.keyboard.press('Enter');
    const title = dataset.events.find((e) => e.id === ids[1])!.title;
    const sheet = page.getByRole('dialog', { name: `Event: ${title}` });
    await sheet.waitFor();
    await expectTabStaysIn(page, `Event: ${title}`, 'Tab', 12);
    await expectTabStaysIn(page, `Event: ${title}`, 'Shift+Tab', 4);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expectFocusOn(page, ids[1]!);
    expect(problems).toEqual([]);
  });
});

describe('"Copy link to this day"', () => {
  it('puts a ?date= link to the day on the clipboard', async () => {
    const { page, context, problems } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    // Where the browser can share (headless Linux Chromium normally cannot), the button shares instead.
    const { canShare, last } = await recordLinks(page);
    const day = [...new Set(dataset.events.map((e) => e.date))].sort()[1]!;
    const section = page.getByRole('navigation', { name: 'Events by day' }).getByRole('region').filter({ has: page.locator(`h2 time[datetime="${day}"]`) });
    const button = section.getByRole('button', { name: `${canShare ? 'Share' : 'Copy'} link to this day` });
    // Its description names the day, so that a list of the page's buttons tells them apart.
    await expect(button.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')!)?.textContent)).resolves.toMatch(/\d{1,2} \w{3} \d{4}$/);
    await button.click();
    if (!canShare) await section.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await last()).toBe(appUrl(`?date=${day}`));
    expect(problems).toEqual([]);
  });
});
