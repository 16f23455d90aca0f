/**
 * Issue 11, "A timeline that reads", in Chromium: every event named with its
 * whole title at 1280×800 and 1920×1080; the story and time scales and the
 * story scale's breaks; key events; the phone rail at 390×844; date links that
 * stay date links; Enter on a mark → details → one Tab to "Read in source";
 * zooming keeps the selection; a search fits the axis and clearing it restores
 * the window. Expected values come from the dataset the build serves.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, type OpenOptions, REDUCED } from './harness.ts';
import { generateDataset } from '../../bench/generateDataset.mjs';

type DataEvent = { id: string; date: string; title: string; summary: string; category: string; key?: boolean; quotes: Array<{ text: string }> };
const DIST = process.env.TEST_DIST ?? 'dist';
const dataset = JSON.parse(fs.readFileSync(path.join(DIST, 'data/timeline.json'), 'utf8')) as { events: DataEvent[] };
const EVENTS = dataset.events;
const DAYS = [...new Set(EVENTS.map((e) => e.date))].sort();
const LAST_DAY = DAYS[DAYS.length - 1]!;
const KEY_IDS = EVENTS.filter((e) => e.key).map((e) => e.id).sort();
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Thu 10 Mar": a day as the phone's "+ N more on …" button names it. */
function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY_MS;
/** The story scale's breaks: each run of empty days between two days with events. */
const BREAKS = DAYS.slice(1).map((d, i) => daysBetween(DAYS[i]!, d) - 1).filter((n) => n > 0).map((n) => `⋯ ${n} ${n === 1 ? 'day' : 'days'} ⋯`);

/** The bench's seeded 1,000 events over three years: count badges in every lane at fit-all. */
const THOUSAND = generateDataset(1000, 1);

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function open(query: string, options: OpenOptions = {}) {
  const opened = await openApp(browser, query, { ...REDUCED, ...options });
  onTestFinished(() => opened.context.close());
  return opened;
}

/** The page with THOUSAND as its dataset. */
async function openThousand() {
  const opened = await open('', {
    route: (p) => p.route('**/data/timeline.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(THOUSAND) })),
  });
  await surfaceOf(opened.page).locator('button').first().waitFor();
  return opened;
}

const region = (page: Page) => page.getByRole('region', { name: 'Timeline', exact: true });
const surfaceOf = (page: Page) => page.getByRole('group', { name: /^Timeline of \d+ events/ });
const param = (page: Page, name: string) => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);
const windowOf = (page: Page) => page.evaluate(() => {
  const p = new URLSearchParams(location.search);
  return { from: p.get('from'), to: p.get('to') };
});
const ids = (l: Locator) => l.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));

/** Whether `inner`'s box lies horizontally within `outer`'s (1 px tolerance). */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return !!a && !!b && a.width > 0 && a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('every event named at the first view, $width×$height', ({ width, height }) => {
  it('draws the labelled layout with each whole title, no badge and no cut', async () => {
    const { page, problems } = await open('', { width, height });
    await region(page).locator('[data-layout="labelled"]').waitFor();
    expect(await region(page).locator('[data-layout]').getAttribute('data-scale')).toBe('story');
    const drawn = await region(page).locator('button[data-event-id]').evaluateAll((buttons) => buttons.map((b) => {
      const title = b.querySelector<HTMLElement>(':scope > span[aria-hidden="true"]');
      const box = title?.getBoundingClientRect();
      const surface = b.closest('[role="group"]')!.getBoundingClientRect();
      return {
        id: b.getAttribute('data-event-id')!,
        text: title?.textContent ?? null,
        fitsWidth: !!title && title.scrollWidth <= title.clientWidth,
        fitsHeight: !!title && title.scrollHeight <= title.clientHeight + 1,
        shown: !!box && box.width > 0 && box.height > 0 && getComputedStyle(title!).visibility !== 'hidden',
        inside: !!box && box.left >= surface.left - 1 && box.right <= surface.right + 1 && box.top >= surface.top - 1 && box.bottom <= surface.bottom + 1,
      };
    }));
    const want = EVENTS.map((e) => ({ id: e.id, text: e.title, fitsWidth: true, fitsHeight: true, shown: true, inside: true }));
    const sort = <T extends { id: string }>(a: T[]) => [...a].sort((x, y) => x.id.localeCompare(y.id));
    expect(sort(drawn)).toEqual(sort(want));
    expect(await region(page).locator('button[aria-expanded]').count(), 'no count badge').toBe(0);
    expect(await region(page).innerText()).not.toContain('…');
    expect(problems).toEqual([]);
  });
});

describe('story and time scales', () => {
  const breakLabels = (page: Page) => surfaceOf(page).locator('div[aria-hidden="true"] > span').evaluateAll((spans) => spans
    .filter((s) => (s.textContent ?? '').includes('⋯'))
    .map((s) => ({ text: (s.textContent ?? '').replace(/\s+/g, ' ').trim(), readable: s.scrollWidth <= s.clientWidth && s.getBoundingClientRect().width > 0 })));

  it('starts on the story scale with its breaks, switches to time and back, and keeps the scale in the URL', async () => {
    const { page, problems } = await open('');
    const story = region(page).getByRole('button', { name: 'Story', exact: true });
    const time = region(page).getByRole('button', { name: 'Time', exact: true });
    expect(await story.getAttribute('aria-pressed')).toBe('true');
    expect(await time.getAttribute('aria-pressed')).toBe('false');
    expect(await param(page, 'scale')).toBeNull();
    expect(BREAKS).toEqual(['⋯ 3 days ⋯', '⋯ 2 days ⋯', '⋯ 5 days ⋯']);
    await expect.poll(() => breakLabels(page)).toEqual(BREAKS.map((text) => ({ text, readable: true })));

    await time.click();
    await expect.poll(() => param(page, 'scale')).toBe('time');
    expect(await time.getAttribute('aria-pressed')).toBe('true');
    expect(await story.getAttribute('aria-pressed')).toBe('false');
    expect(await region(page).locator('[data-scale]').getAttribute('data-scale')).toBe('time');
    await expect.poll(() => breakLabels(page)).toEqual([]);

    await page.reload();
    await page.locator('[data-event-id]').first().waitFor();
    expect(await region(page).getByRole('button', { name: 'Time', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await region(page).locator('[data-scale]').getAttribute('data-scale')).toBe('time');

    await region(page).getByRole('button', { name: 'Story', exact: true }).click();
    await expect.poll(() => param(page, 'scale')).toBeNull();
    await expect.poll(() => breakLabels(page)).toEqual(BREAKS.map((text) => ({ text, readable: true })));
    expect(problems).toEqual([]);
  });

  it('at 1,000 events no axis label touches another, on either scale: day labels, break labels and the years', async () => {
    const days = [...new Set(THOUSAND.events.map((e) => e.date))].sort();
    const gaps = days.slice(1).map((d, i) => daysBetween(days[i]!, d) - 1);
    const longest = Math.max(...gaps);
    const { page, problems } = await openThousand();
    // The axis: the row that holds the window's years at its right end.
    const axis = surfaceOf(page).locator('span', { hasText: /^\d{4}(–\d{4})?$/ }).locator('..');
    const axisLabels = () => axis.locator('span').evaluateAll((spans) => spans.map((s) => {
      const r = s.getBoundingClientRect();
      return { text: (s.textContent ?? '').replace(/\s+/g, ' ').trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
    // Boxes, not glyphs: a line box is a little taller than its text, so the day labels' row and the
    // break labels' row under it share a pixel or two; more than 3 px would be text on text.
    const touching = (labels: Awaited<ReturnType<typeof axisLabels>>) => labels.flatMap((a, i) => labels.slice(i + 1)
      .filter((b) => a.left < b.right && b.left < a.right && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 3)
      .map((b) => `"${a.text}" and "${b.text}"`));
    const outside = async (labels: Awaited<ReturnType<typeof axisLabels>>) => {
      const box = (await axis.boundingBox())!;
      return labels.filter((l) => l.left < box.x - 1 || l.right > box.x + box.width + 1).map((l) => l.text);
    };
    const story = await axisLabels();
    expect(touching(story)).toEqual([]);
    expect(await outside(story)).toEqual([]);
    // The longest left-out stretch is named (the data's, computed here), and many others are.
    expect(story.map((l) => l.text)).toContain(`⋯ ${longest} ${longest === 1 ? 'day' : 'days'} ⋯`);
    expect(story.filter((l) => l.text.includes('⋯')).length).toBeGreaterThan(5);
    // Zoomed in, where days and breaks are cut by the edges: only whole labels, none touching.
    for (let i = 0; i < 3; i++) {
      const from = await param(page, 'from');
      await page.keyboard.press('+');
      await expect.poll(() => param(page, 'from')).not.toBe(from);
    }
    const zoomed = await axisLabels();
    expect(touching(zoomed)).toEqual([]);
    expect(await outside(zoomed)).toEqual([]);
    await page.keyboard.press('0');

    await region(page).getByRole('button', { name: 'Time', exact: true }).click();
    await expect.poll(() => param(page, 'scale')).toBe('time');
    const time = await axisLabels();
    expect(time.length).toBeGreaterThan(5);
    expect(touching(time)).toEqual([]);
    expect(await outside(time)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('a count badge\'s list opens where the timeline has room, in the top lane and in the bottom one, and shows its last event', async () => {
    const { page, problems } = await openThousand();
    const surface = surfaceOf(page);
    const frame = (await surface.boundingBox())!;
    const badges = surface.locator('button[aria-expanded]');
    const tops = await badges.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    // The top lane's first badge and the bottom lane's (badges of a lane share its first row).
    for (const [where, top] of [['top', Math.min(...tops)], ['bottom', Math.max(...tops)]] as const) {
      await badges.nth(tops.indexOf(top)).click();
      const list = surface.locator('ul:has([data-cluster-item])');
      const box = (await list.boundingBox())!;
      expect(box.y, `${where} lane: the list starts inside the timeline`).toBeGreaterThanOrEqual(frame.y - 1);
      expect(box.y + box.height, `${where} lane: the list ends inside the timeline`).toBeLessThanOrEqual(frame.y + frame.height + 1);
      // Its last event, scrolled to, is what the reader sees there: not clipped, nothing drawn over it.
      const last = list.locator('[data-cluster-item]').last();
      await last.scrollIntoViewIfNeeded();
      const seen = await last.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && el.contains(hit);
      });
      expect(seen, `${where} lane: the list's last event can be seen`).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => list.count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});

describe('key events', () => {
  it('marks the key events of the file, names them "key event" and draws them larger', async () => {
    const { page, problems } = await open('');
    expect(KEY_IDS).toEqual(['first-talks-belarus', 'lavrov-kuleba-meet-antalya', 'russia-invades-ukraine', 'second-talks-belarus']);
    const marks = region(page).locator('button[data-event-id]');
    expect((await ids(region(page).locator('button[data-event-id][data-key]'))).sort()).toEqual(KEY_IDS);
    const info = await marks.evaluateAll((els) => els.map((b) => ({
      id: b.getAttribute('data-event-id')!, key: b.hasAttribute('data-key'),
      named: (b.getAttribute('aria-label') ?? '').endsWith(' (key event)'),
      size: b.querySelector('svg')!.getBoundingClientRect().height,
    })));
    expect(info.filter((i) => i.named).map((i) => i.id).sort()).toEqual(KEY_IDS);
    const smallestKey = Math.min(...info.filter((i) => i.key).map((i) => i.size));
    const largestOther = Math.max(...info.filter((i) => !i.key).map((i) => i.size));
    expect(smallestKey, 'every key glyph is larger than every other glyph').toBeGreaterThan(largestOther);
    expect(problems).toEqual([]);
  });
});

describe('the phone rail, 390×844', () => {
  const phone = { width: 390, height: 844 };

  it('names the key events in the timeline and puts the rest behind "+ N more on <day>", which opens in place', async () => {
    const { page, problems } = await open('', phone);
    const rail = region(page);
    const named = rail.locator('button[data-event-id]');
    await expect.poll(async () => (await ids(named)).sort()).toEqual(KEY_IDS);
    for (const id of KEY_IDS) {
      const title = rail.locator(`button[data-event-id="${id}"] > span[aria-hidden="true"]`);
      expect(await title.textContent()).toBe(EVENTS.find((e) => e.id === id)!.title);
      expect(await title.isVisible()).toBe(true);
    }
    const more = DAYS.map((day) => ({ day, n: EVENTS.filter((e) => e.date === day && !e.key).length })).filter((d) => d.n > 0);
    for (const { day, n } of more) {
      const button = rail.getByRole('button', { name: `+ ${n} more on ${shortDay(day)}`, exact: true });
      expect(await button.getAttribute('aria-expanded'), `${day}`).toBe('false');
      await button.click();
      await expect.poll(() => rail.locator('[aria-expanded="true"]').count()).toBe(more.findIndex((m) => m.day === day) + 1);
    }
    // Every event is now named within the timeline itself, each with its whole title.
    await expect.poll(async () => (await ids(named)).sort()).toEqual(EVENTS.map((e) => e.id).sort());
    const titles = await named.evaluateAll((els) => els.map((b) => b.querySelector(':scope > span[aria-hidden="true"]')?.textContent));
    expect(titles.sort()).toEqual(EVENTS.map((e) => e.title).sort());
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll').toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows the key events on the first screen, without scrolling', async () => {
    const { page, problems } = await open('', phone);
    const boxes = await region(page).locator('button[data-key]').evaluateAll((els) => els.map((b) => {
      const r = b.getBoundingClientRect();
      return { id: b.getAttribute('data-event-id'), onScreen: r.top >= 0 && r.bottom <= window.innerHeight };
    }));
    expect(boxes.map((b) => b.id).sort()).toEqual(KEY_IDS);
    expect(boxes.filter((b) => !b.onScreen).map((b) => b.id), 'key events below the first screen').toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('date links', () => {
  it('keeps ?date= in the URL, marks the day’s events and focuses the day’s heading', async () => {
    const day = '2022-03-09';
    const { page, problems } = await open(`?date=${day}`);
    await expect.poll(() => page.evaluate(() => location.search)).toBe(`?date=${day}`);
    const want = EVENTS.filter((e) => e.date === day).map((e) => e.id).sort();
    await expect.poll(async () => (await ids(region(page).locator('button[data-event-id][data-marked]'))).sort()).toEqual(want);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe(`day-${day}`);
    for (const id of want) {
      expect(await within(region(page).locator(`button[data-event-id="${id}"]`), surfaceOf(page)), `${id} in view`).toBe(true);
    }
    expect(await param(page, 'event')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('sends a day without events to the nearest day with a notice; selecting from there is a history step', async () => {
    const { page, problems } = await open('?date=2022-03-05');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No events on 5 Mar 2022 — showing 3 Mar 2022.' }).count()).toBe(1);
    await expect.poll(() => param(page, 'date')).toBe('2022-03-03');
    const pick = EVENTS.find((e) => e.date === '2022-03-03')!;
    await page.getByRole('navigation', { name: 'Events by day' }).locator(`button[data-event-id="${pick.id}"]`).click();
    await expect.poll(() => param(page, 'event')).toBe(pick.id);
    await page.evaluate(() => history.back());
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?date=2022-03-03');
    expect(problems).toEqual([]);
  });
});

describe('keyboard flow', () => {
  it('Enter on a timeline mark selects it and focuses the details heading; one Tab reaches "Read in source"', async () => {
    const { page, problems } = await open('');
    const mark = surfaceOf(page).locator('button[data-event-id][tabindex="0"]');
    const id = (await mark.getAttribute('data-event-id'))!;
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'event')).toBe(id);
    await expect.poll(() => page.evaluate(() => {
      const a = document.activeElement;
      return a?.tagName === 'H2' ? a.closest('[data-details-for]')?.getAttribute('data-details-for') ?? null : null;
    })).toBe(id);
    let tabs = 0;
    for (; tabs < 3; ) {
      await page.keyboard.press('Tab');
      tabs += 1;
      const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
      if (text.startsWith('Read in source')) break;
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '')).toMatch(/^Read in source/);
    expect(tabs, 'Tabs from the details heading to "Read in source"').toBeLessThanOrEqual(3);
    expect(tabs, 'the issue asks for one Tab').toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('the view follows the reader', () => {
  it('zooming with + keeps the selected last event in view', async () => {
    const { page, problems } = await open('');
    await page.keyboard.press('End');
    await expect.poll(() => param(page, 'event')).not.toBeNull();
    const id = (await param(page, 'event'))!;
    expect(EVENTS.find((e) => e.id === id)!.date, 'End selects an event of the last day').toBe(LAST_DAY);
    for (let i = 0; i < 4; i++) {
      const before = await windowOf(page);
      await page.keyboard.press('+');
      await expect.poll(() => windowOf(page), { message: `zoom ${i + 1} changes the URL's window` }).not.toEqual(before);
    }
    const w = await windowOf(page);
    expect(daysBetween(w.from!, w.to!), 'zoomed in to a few days').toBeLessThan(daysBetween(DAYS[0]!, LAST_DAY));
    expect(await param(page, 'event')).toBe(id);
    const selected = surfaceOf(page).locator(`button[data-event-id="${id}"]`);
    await expect.poll(() => within(selected, surfaceOf(page)), { message: `${id} within the timeline's box (${JSON.stringify(w)})` }).toBe(true);
    expect(problems).toEqual([]);
  });

  it('a search fits the axis to its matches; clearing it restores the window before', async () => {
    const word = 'Guterres';
    const searched = (e: DataEvent) => [e.title, e.summary, ...e.quotes.map((q) => q.text)].join(' ').toLowerCase();
    const matches = EVENTS.filter((e) => searched(e).includes(word.toLowerCase()));
    const day = matches[0]!.date;
    expect(new Set(matches.map((e) => e.date))).toEqual(new Set([day]));
    const { page, problems } = await open('?from=2022-02-25&to=2022-03-05');
    await expect.poll(() => windowOf(page)).toEqual({ from: '2022-02-25', to: '2022-03-05' });
    const box = page.getByRole('searchbox', { name: 'Search events' });
    await box.fill(word);
    await expect.poll(() => param(page, 'q')).toBe(word);
    await expect.poll(async () => {
      const w = await windowOf(page);
      return !!w.from && !!w.to && w.from <= day && day <= w.to && daysBetween(w.from, w.to) <= 4;
    }, { message: `the window fits ${day}` }).toBe(true);
    for (const e of matches) {
      expect(await within(surfaceOf(page).locator(`button[data-event-id="${e.id}"]`), surfaceOf(page))).toBe(true);
    }
    await box.fill('');
    await expect.poll(() => param(page, 'q')).toBeNull();
    await expect.poll(() => windowOf(page)).toEqual({ from: '2022-02-25', to: '2022-03-05' });
    expect(problems).toEqual([]);
  });
});
