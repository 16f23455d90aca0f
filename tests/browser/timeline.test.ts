/**
 * Issue "The timeline": zooming and panning with the wheel, a drag, the
 * buttons and the keys; keyboard-only use (one tab stop, arrows, Enter or
 * Space on to the details); the wheel leaves the page's own scrolling alone;
 * on a phone the vertical rail (no sideways scroll, a vertical swipe scrolls
 * the page); screenshots in light and dark.
 * Expected values come from the dataset that dist/ ships and from the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, serveData, WAIT_MS, REDUCED } from './harness.ts';
import { DEFAULT_SEED, generateDataset } from '../../bench/generateDataset.mjs';

type DataEvent = { id: string; date: string; title: string; category: string };
const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as { events: DataEvent[] };
const byDate = [...dataset.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
const FIRST_DAY = byDate[0]!.date;
const LAST_DAY = byDate[byDate.length - 1]!.date;
const DAY_MS = 86_400_000;
/** Whole days from the first event to the last, both included: what "Fit all" shows. */
const FULL_DAYS = (Date.parse(LAST_DAY) - Date.parse(FIRST_DAY)) / DAY_MS + 1;

type Range = { from: string | null; to: string | null };

/** The zoom surface: the parent of the timeline's marks, named "Timeline of N events …". */
const surfaceOf = (page: Page) => page.getByRole('group', { name: /^Timeline of \d+ events/ });

/** The phone's vertical timeline (under 600 px): a list of the days with events. */
const railOf = (page: Page) => page.getByRole('list', { name: 'Days with events' });

/** The visible window as the URL records it (null, null = everything). */
function rangeOf(page: Page): Promise<Range> {
  return page.evaluate(() => {
    const p = new URLSearchParams(location.search);
    return { from: p.get('from'), to: p.get('to') };
  });
}

/** Days the range covers, both ends included. */
function spanDays(r: Range): number {
  return r.from && r.to ? (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS + 1 : FULL_DAYS;
}

/**
 * Waits until the URL's window satisfies `test` (zoom and pan write it, debounced). Polled from
 * here: the page's CSP forbids the string predicates that waitForFunction would evaluate.
 */
async function waitForRange(page: Page, test: (r: Range) => boolean, what = test.toString()): Promise<Range> {
  await expect.poll(() => rangeOf(page), { timeout: WAIT_MS, interval: 50, message: `the URL's window: ${what}` }).toSatisfy(test);
  return rangeOf(page);
}

/** The axis labels, in order: they change whenever the visible window does. */
function tickLabels(page: Page): Promise<string[]> {
  return surfaceOf(page).locator('div[aria-hidden="true"] > span').allTextContents();
}

/** Where every drawn mark sits: changes with any zoom or pan. */
function markTransforms(page: Page): Promise<string[]> {
  return surfaceOf(page).locator('button[data-event-id]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event-id')} ${(e as HTMLElement).style.transform}`));
}

/** Two animation frames: long enough for React to draw what a handled event changed. */
function nextFrames(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function surfaceBox(page: Page) {
  const box = await surfaceOf(page).boundingBox();
  if (!box) throw new Error('the timeline surface is not drawn');
  return box;
}

/** Where keyboard focus is, relative to the timeline and the list. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const surface = a?.closest('[role="group"][aria-label^="Timeline of"]');
    return {
      inTimeline: !!surface,
      inList: !!a?.closest('nav'),
      id: a?.getAttribute('data-event-id') ?? null,
      name: a?.getAttribute('aria-label') ?? a?.textContent ?? '',
      /** The event whose details heading (h2) has focus, if one has. */
      detailsHeading: a?.tagName === 'H2' ? a.closest('[data-details-for]')?.getAttribute('data-details-for') ?? null : null,
    };
  });
}

/** `id` is the one selected event, in the URL, on the timeline and in the list. */
async function expectSelected(page: Page, id: string) {
  await page.waitForFunction((want) => new URLSearchParams(location.search).get('event') === want, id);
  const current = await page.locator('[aria-current="true"][data-event-id]').evaluateAll((els) => els.map((e) => ({
    id: e.getAttribute('data-event-id'), inList: !!e.closest('nav'), inTimeline: !!e.closest('[role="group"][aria-label^="Timeline of"]'),
  })));
  expect(current.filter((c) => c.inList), 'aria-current on the list button').toEqual([{ id, inList: true, inTimeline: false }]);
  expect(current.filter((c) => c.inTimeline), 'aria-current on the timeline mark').toEqual([{ id, inList: false, inTimeline: true }]);
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('zooming and panning the timeline', () => {
  it('zooms with the wheel only while the pointer is over the timeline; elsewhere the wheel scrolls the page', async () => {
    const { page, problems, context } = await openApp(browser);
    expect(await rangeOf(page)).toEqual({ from: null, to: null });
    const ticksBefore = await tickLabels(page);
    const marksBefore = await markTransforms(page);

    // Elsewhere (over the page title) the wheel scrolls the page and leaves the range.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    await page.mouse.move(title!.x + 20, title!.y + title!.height / 2);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction(() => window.scrollY > 0);
    await nextFrames(page);
    expect(await tickLabels(page)).toEqual(ticksBefore);
    expect(await markTransforms(page)).toEqual(marksBefore);
    expect(await rangeOf(page)).toEqual({ from: null, to: null });

    // Over the surface the wheel zooms in (around the pointer), and the page does not scroll.
    const scrolled = await page.evaluate(() => window.scrollY);
    const box = await surfaceBox(page);
    // The labelled layout can be taller than the screen: point at the part of the surface on screen.
    const viewportHeight = page.viewportSize()!.height;
    expect(box.y, 'the surface starts on screen').toBeLessThan(viewportHeight - 40);
    await page.mouse.move(box.x + box.width / 2, Math.min(box.y + box.height, viewportHeight) - 12);
    await page.mouse.wheel(0, -400);
    const zoomed = await waitForRange(page, (r) => r.from !== null && r.to !== null);
    expect(spanDays(zoomed)).toBeLessThan(FULL_DAYS);
    expect(zoomed.from! >= FIRST_DAY && zoomed.to! <= LAST_DAY, JSON.stringify(zoomed)).toBe(true);
    expect(await tickLabels(page)).not.toEqual(ticksBefore);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

    // Wheeling back out over the surface returns to everything. Zoomed in, the labelled layout needs
    // fewer rows and the surface gets shorter: point at it again where it is now.
    const zoomedBox = await surfaceBox(page);
    await page.mouse.move(zoomedBox.x + zoomedBox.width / 2, Math.min(zoomedBox.y + zoomedBox.height, viewportHeight) - 12);
    await page.mouse.wheel(0, 2400);
    await waitForRange(page, (r) => r.from === null && r.to === null);
    await nextFrames(page);
    expect(await tickLabels(page)).toEqual(ticksBefore);
    expect(problems).toEqual([]);
    await context.close();
  });

  // On the time scale every day has the same width, so a pan keeps the number of days in view; on
  // the story scale (the default) it keeps the room on the axis, and the days in view may change.
  for (const scale of ['time', 'story'] as const) {
    it(`pans when the surface is dragged (${scale} scale)`, async () => {
      const { page, problems, context } = await openApp(browser, scale === 'time' ? '?scale=time' : '');
      const zoomIn = page.getByRole('button', { name: 'Zoom in' });
      await zoomIn.click();
      await waitForRange(page, (r) => r.from !== null);
      await zoomIn.click();
      const before = await waitForRange(page, (r) => r.from !== null && spanDays(r) < FULL_DAYS / 2);
      const ticksBefore = await tickLabels(page);

      // Drag leftwards along the axis strip (empty surface, not a mark): later days come into view.
      // The labelled layout can be taller than the screen: bring the strip (the axis labels) into view.
      const box = await surfaceOf(page).evaluate((surface) => {
        const strip = surface.querySelector(':scope > div[aria-hidden="true"]')!;
        strip.scrollIntoView({ block: 'center' });
        const r = strip.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      expect(box.height, 'the axis strip is drawn').toBeGreaterThan(0);
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.7, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.3, y, { steps: 12 });
      await page.mouse.up();
      const after = await waitForRange(page, (r) => r.from !== before.from);
      expect(after.from! > before.from!, `${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(true);
      expect(after.to! > before.to!).toBe(true);
      if (scale === 'time') expect(Math.abs(spanDays(after) - spanDays(before))).toBeLessThanOrEqual(1);
      expect(await tickLabels(page)).not.toEqual(ticksBefore);
      // A drag is not a click: nothing got selected.
      expect(await page.evaluate(() => new URLSearchParams(location.search).get('event'))).toBeNull();
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('zooms with the −, + and Fit all buttons', async () => {
    const { page, problems, context } = await openApp(browser);
    const ticksAll = await tickLabels(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const once = await waitForRange(page, (r) => r.from !== null);
    expect(spanDays(once)).toBeLessThan(FULL_DAYS);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const twice = await waitForRange(page, (r) => r.from !== once.from);
    expect(spanDays(twice)).toBeLessThan(spanDays(once));
    expect(await tickLabels(page)).not.toEqual(ticksAll);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    const out = await waitForRange(page, (r) => r.from !== twice.from);
    expect(spanDays(out)).toBeGreaterThan(spanDays(twice));
    await page.getByRole('button', { name: 'Fit all' }).click();
    await waitForRange(page, (r) => r.from === null && r.to === null);
    await nextFrames(page);
    expect(await tickLabels(page)).toEqual(ticksAll);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('zooms with the keys + and −, and 0 fits all', async () => {
    const { page, problems, context } = await openApp(browser);
    const ticksAll = await tickLabels(page);
    await page.keyboard.press('+');
    const zoomed = await waitForRange(page, (r) => r.from !== null);
    await page.keyboard.press('+');
    const more = await waitForRange(page, (r) => r.from !== zoomed.from);
    expect(spanDays(more)).toBeLessThan(spanDays(zoomed));
    await page.keyboard.press('-');
    const less = await waitForRange(page, (r) => r.from !== more.from);
    expect(spanDays(less)).toBeGreaterThan(spanDays(more));
    await page.keyboard.press('0');
    await waitForRange(page, (r) => r.from === null && r.to === null);
    await nextFrames(page);
    expect(await tickLabels(page)).toEqual(ticksAll);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the timeline with the keyboard alone', () => {
  it('is one tab stop from page load; arrows move the selection, in the timeline and in the list', async () => {
    const { page, problems, context } = await openApp(browser);
    let presses = 0;
    let focus = await focusInfo(page);
    while (!focus.inTimeline && presses < 40) {
      await page.keyboard.press('Tab');
      presses += 1;
      focus = await focusInfo(page);
    }
    expect(focus.inTimeline, `Tab never reached the timeline in ${presses} presses`).toBe(true);
    console.info(`timeline: reached with ${presses} Tab presses from page load`);
    // The tab stop is the earliest event, and it says what it is.
    expect(focus.id).toBe(byDate[0]!.id);
    expect(focus.name).toContain(byDate[0]!.title);

    // One more Tab leaves the timeline for the first event of the list: all marks are one tab stop.
    await page.keyboard.press('Tab');
    const next = await focusInfo(page);
    expect(next.inTimeline, 'a second Tab stayed in the timeline').toBe(false);
    expect(next).toMatchObject({ inList: true, id: dataset.events[0]!.id });
    await page.keyboard.press('Shift+Tab');
    expect(await focusInfo(page)).toMatchObject({ inTimeline: true, id: byDate[0]!.id });

    // Enter selects the focused mark and moves focus on to its details heading.
    await page.keyboard.press('Enter');
    await expectSelected(page, dataset.events[0]!.id);
    await expect.poll(() => focusInfo(page).then((f) => f.detailsHeading), { message: 'Enter moves focus to the details heading' }).toBe(dataset.events[0]!.id);
    expect((await focusInfo(page)).name).toContain(dataset.events[0]!.title);

    // Back to the timeline with Shift+Tab (through the list's one tab stop): its tab stop is the selection.
    for (let i = 0; i < 6 && !(await focusInfo(page)).inTimeline; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusInfo(page)).toMatchObject({ inTimeline: true, id: dataset.events[0]!.id });

    // On a focused mark the arrows select the next and previous event (list order), focus following.
    for (const [key, index] of [['ArrowRight', 1], ['ArrowRight', 2], ['ArrowLeft', 1]] as const) {
      await page.keyboard.press(key);
      const id = dataset.events[index]!.id;
      await expectSelected(page, id);
      expect(await focusInfo(page), `focus after ${key}`).toMatchObject({ inTimeline: true, id });
    }

    // Tab into the list: it is one tab stop, on the selected event; ↓ moves on in the list's own
    // order (key events first in their day) and selects, focus following.
    await page.keyboard.press('Tab');
    expect(await focusInfo(page)).toMatchObject({ inList: true, id: dataset.events[1]!.id });
    const listIds = await page.locator('nav [data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
    const target = listIds[listIds.indexOf(dataset.events[1]!.id) + 2]!;
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await expectSelected(page, target);
    expect(await focusInfo(page)).toMatchObject({ inList: true, id: target });

    // Back on the timeline, Space on the selected mark also goes on to its details.
    for (let i = 0; i < 6 && !(await focusInfo(page)).inTimeline; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusInfo(page)).toMatchObject({ inTimeline: true, id: target });
    await page.keyboard.press(' ');
    await expect.poll(() => focusInfo(page).then((f) => f.detailsHeading), { message: 'Space moves focus to the details heading' }).toBe(target);
    await expectSelected(page, target);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the timeline on a phone', () => {
  const keyIds = (dataset.events as Array<DataEvent & { key?: boolean }>).filter((e) => e.key).map((e) => e.id);

  for (const [width, height] of [[390, 844], [360, 740]] as const) {
    it(`is a vertical rail that never scrolls sideways at ${width}×${height}, with every event reachable on it`, async () => {
      const { page, problems, context } = await openApp(browser, '', { width, height });
      const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      const rail = railOf(page);
      await rail.waitFor();
      // No horizontal surface and no zoom buttons: the rail runs down the page.
      expect(await surfaceOf(page).count(), 'no horizontal timeline surface').toBe(0);
      expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(0);
      const first = await overflow();
      expect(first.scroll, `first view: ${JSON.stringify(first)}`).toBeLessThanOrEqual(first.client);
      // The key events are named on the rail from the first view.
      expect(keyIds.length).toBeGreaterThan(0);
      const named = await rail.locator('button[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
      expect([...named].sort()).toEqual([...keyIds].sort());

      // Open every "+ N more on <day>": every event is then on the rail, still without sideways scroll.
      const more = rail.getByRole('button', { name: /^\+ \d+ more on / });
      expect(await more.count()).toBeGreaterThan(0);
      while (await more.count() > 0) await more.first().click();
      const all = await rail.locator('button[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
      expect([...all].sort()).toEqual(dataset.events.map((e) => e.id).sort());
      const opened = await overflow();
      expect(opened.scroll, `every day opened: ${JSON.stringify(opened)}`).toBeLessThanOrEqual(opened.client);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('scrolls the page when a finger swipes vertically over the rail', async () => {
    const { page, problems, context } = await openApp(browser, '', { width: 390, height: 844 });
    const cdp = await context.newCDPSession(page);
    const swipeUp = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 12; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 15 }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const scrollY = () => page.evaluate(() => window.scrollY);
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 300), 'the page must be tall enough to scroll').toBe(true);
    expect(await scrollY()).toBe(0);

    const box = await railOf(page).boundingBox();
    if (!box) throw new Error('the rail is not drawn');
    // The middle of the part of the rail on screen, with room above for a 180 px swipe.
    const visibleBottom = Math.min(box.y + box.height, 844);
    expect(visibleBottom - box.y, 'the rail shows on the first screen').toBeGreaterThan(60);
    const y = Math.max(box.y + 20, Math.min(visibleBottom - 20, box.y + (visibleBottom - box.y) / 2));
    // Count frames from the end of the gesture: wait on the page having handled it, never on a clock,
    // so that a loaded machine only makes the wait longer, not the test fail.
    await page.evaluate(() => {
      const w = window as unknown as { framesAfterSwipe: number };
      w.framesAfterSwipe = -1;
      window.addEventListener('touchend', () => {
        w.framesAfterSwipe = 0;
        const tick = () => { w.framesAfterSwipe += 1; if (w.framesAfterSwipe < 10) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      }, { once: true, capture: true });
    });
    await swipeUp(box.x + box.width / 2, y);
    await page.waitForFunction(() => window.scrollY > 0 || (window as unknown as { framesAfterSwipe: number }).framesAfterSwipe >= 10, null, { timeout: 0 });
    const moved = await page.evaluate(() => window.scrollY > 0);
    expect(moved, `a vertical swipe over the rail did not scroll the page (scrollY = ${await scrollY()})`).toBe(true);
    // A swipe is not a tap: nothing got selected, and no window was set.
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('event'))).toBeNull();
    expect(await rangeOf(page)).toEqual({ from: null, to: null });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the timeline when the window changes size', () => {
  const wide = { width: 1280, height: 800 };
  const phone = { width: 390, height: 844 };
  it.each([
    { from: 'wide', sizes: [wide, phone, wide] },
    { from: 'a phone', sizes: [phone, wide, phone, wide] },
  ])('turns from one to the other at 600 px, starting $from, with its events drawn each time', async ({ sizes }) => {
    const { page, problems, context } = await openApp(browser, '', sizes[0]);
    for (const [i, size] of sizes.entries()) {
      if (i > 0) await page.setViewportSize(size);
      if (size.width < 600) {
        // The rail lists the events, and the surface is gone.
        await expect.poll(() => railOf(page).locator('[data-event-id]').count()).toBeGreaterThan(0);
        expect(await surfaceOf(page).count()).toBe(0);
      } else {
        // The surface draws its marks across its whole width, measured anew.
        const surface = surfaceOf(page);
        await expect.poll(() => surface.locator('button[data-event-id]').count()).toBeGreaterThan(0);
        const { right, width } = (await surface.boundingBox().then((b) => ({ right: b!.x + b!.width, width: b!.width })));
        expect(width).toBeGreaterThan(size.width / 2);
        const xs = await surface.locator('button[data-event-id]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
        expect(Math.max(...xs), 'the last drawn mark lies in the surface').toBeLessThanOrEqual(right + 1);
        // Fit all puts the last day at the far end: the marks span the width measured, not a guess.
        expect(Math.max(...xs), 'the last mark lies in the surface\'s last tenth').toBeGreaterThan(right - width / 10);
        expect(await railOf(page).count()).toBe(0);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('timeline screenshots', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, height] of [[1280, 800], [390, 844]] as const) {
      it(`draws the first view at ${width}×${height} in ${colorScheme}`, async () => {
        const { page, problems, context } = await openApp(browser, '', { width, height, colorScheme });
        // Under 600 px the timeline is the vertical rail; wider, the zoomable surface.
        await expect((width < 600 ? railOf(page) : surfaceOf(page)).isVisible()).resolves.toBe(true);
        const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        expect(dark).toBe(colorScheme === 'dark');
        await nextFrames(page);
        await screenshot(page, `timeline-${width}-${colorScheme}`);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('the ends of a large dataset', () => {
  // 1,000 events over three years: a window of 46 days gives a day about 25 px, less than a count
  // badge, so marks stand for runs of days. Where the window starts at the data's first day, or
  // ends at its last, nothing lies beyond that edge: no mark may be cut by it.
  const data = generateDataset(1000, DEFAULT_SEED) as { events: Array<{ date: string; end?: string }> };
  const first = data.events.map((e) => e.date).sort()[0]!;
  const last = data.events.map((e) => e.end ?? e.date).sort().at(-1)!;
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
  /** The marks (markers and count badges) that the timeline's `side` edge cuts. */
  const cutAt = (page: Page, side: 'left' | 'right') => surfaceOf(page).evaluate((surface, side) => {
    const s = surface.getBoundingClientRect();
    return [...surface.querySelectorAll('button[data-event-id], button[aria-expanded]')].map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (side === 'left' ? r.left < s.left - 0.5 && r.right > s.left : r.right > s.right + 0.5 && r.left < s.right))
      .map(({ b, r }) => `${b.getAttribute('aria-label')} [${Math.round(r.left - s.left)}, ${Math.round(r.right - s.left)}] of ${Math.round(s.width)}`);
  }, side);

  for (const [side, query] of [['left', `?from=${first}&to=${addDays(first, 45)}`], ['right', `?from=${addDays(last, -45)}&to=${last}`]] as const) {
    it(`at its ${side === 'left' ? 'first' : 'last'} day, on the time scale and the story scale, its marks are whole`, async () => {
      const { page, problems, context } = await openApp(browser, `${query}&scale=time`, { ...REDUCED, route: serveData(data) });
      expect(await page.evaluate(() => location.search), 'the window as asked').toBe(`${query}&scale=time`);
      // A day narrower than a count badge (36 px, Timeline.tsx): marks stand for runs of days.
      expect((await surfaceOf(page).boundingBox())!.width / 46).toBeLessThan(36);
      expect(await cutAt(page, side)).toEqual([]);
      await page.getByRole('button', { name: 'Story', exact: true }).click();
      await page.waitForFunction(() => !location.search.includes('scale=time'));
      await surfaceOf(page).locator('[data-event-id]').first().waitFor();
      expect(await cutAt(page, side)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
