/**
 * An archive of 100,000 events (the bench's seeded synthetic dataset, split as the build splits
 * it) served in place of the edition's data: the first view from the index alone, a link to an
 * event in a far chunk, a pan across a chunk boundary, a search that finds an event of a far
 * chunk, and a chunk that fails to load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, WAIT_MS, REDUCED } from './harness.ts';
// @ts-expect-error: a plain ES module without types
import { writeArchive } from '../../bench/prepare.mjs';
// @ts-expect-error: a plain ES module without types
import { serveStatic } from '../../scripts/serve.mjs';
import { DEFAULT_SEED } from '../../bench/generateDataset.mjs';

const N = 100_000;
type Chunk = { file: string; from: string; to: string; count: number };
type Index = { total: number; chunks: Chunk[]; search: { file: string } };
type Event = { id: string; date: string; title: string; key?: boolean };

let browser: Browser;
let dir: string;
let index: Index;
let server: { url: string; close(): Promise<void> };
let origin: string;
/** The events of chunk `n`, read from its file (the test's own oracle, not the page's). */
const eventsOf = (n: number): Event[] => JSON.parse(fs.readFileSync(path.join(dir, index.chunks[n]!.file.replace(/^data\//, '')), 'utf8')).events;

beforeAll(async () => {
  // Made once and kept under bench/results/archives/ (remade only when the code that makes it changes).
  dir = (writeArchive(N, DEFAULT_SEED) as { dir: string }).dir;
  index = JSON.parse(fs.readFileSync(path.join(dir, 'timeline.json'), 'utf8'));
  // The run's build, with the archive as its data/ (the page's own requests, not relayed by the test).
  server = await serveStatic(inject('dist'), { dataDir: dir, keepCompressed: true });
  origin = server.url;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Records the chunks the page asks for, and answers those named in `fail` with a 500 (the rest go
 * to this file's server, which serves the archive as data/ as a static host would).
 */
function watchArchive(asked: string[], fail: Set<string> = new Set()) {
  const nameOf = (url: string) => new URL(url).pathname.replace(/^.*\/data\//, '');
  return async (page: Page) => {
    page.on('request', (request) => {
      const name = nameOf(request.url());
      if (request.url().startsWith(origin) && name.startsWith('chunks/')) asked.push(`data/${name}`);
    });
    await page.route('**/data/chunks/**', (route) => (fail.has(`data/${nameOf(route.request().url())}`)
      ? route.fulfill({ status: 500, body: 'Internal Server Error' })
      : route.fallback()));
  };
}

const chunkIndex = (file: string) => index.chunks.findIndex((c) => c.file === file);

describe(`an archive of ${N.toLocaleString('en-US')} events`, () => {
  it('opens from its index: counts of the whole archive, density where events are too many to draw, the first period listed', async () => {
    const asked: string[] = [];
    const { page, context, problems } = await openApp(browser, '', { ...REDUCED, origin, before: watchArchive(asked) });
    await expect.poll(() => page.locator('header p').first().textContent()).toContain('100,000 events');
    // Fit all spans far more events than can be drawn: each lane shows its histogram.
    const inked = await page.locator('[data-lane] canvas').evaluateAll((canvases) => canvases.map((c) => {
      const { data } = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n += 1;
      return n / (data.length / 4);
    }));
    // Four lanes, each with a histogram that covers a good part of its area (the busiest days reach the top).
    expect(inked).toHaveLength(4);
    for (const share of inked) expect(share).toBeGreaterThan(0.3);
    // The list reads from the start: the first chunk's first event is there.
    const first = eventsOf(0)[0]!;
    await expect.poll(() => page.locator(`nav [data-event-id="${first.id}"]`).count()).toBe(1);
    // Only what the first view needs was fetched: one chunk of 49.
    expect(asked).toEqual([index.chunks[0]!.file]);
    await screenshot(page, 'archive-first-view');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a link to an event in a far chunk loads that chunk and opens the event', async () => {
    const asked: string[] = [];
    const far = index.chunks.length - 2;
    const target = eventsOf(far).find((e) => !e.key)!;
    const { page, context, problems } = await openApp(browser, `?event=${target.id}`, { ...REDUCED, origin, before: watchArchive(asked), waitReady: false });
    await expect(page.locator(`[data-details-for="${target.id}"] h2`).textContent({ timeout: WAIT_MS })).resolves.toBe(target.title);
    expect(asked).toContain(index.chunks[far]!.file);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('panning across a chunk boundary shows the next chunk\'s events, loaded ahead of the pan', async () => {
    const asked: string[] = [];
    const k = 10;
    const last = index.chunks[k]!.to;
    const from = addDays(last, -3);
    const { page, context, problems } = await openApp(browser, `?from=${from}&to=${last}&scale=time`, { ...REDUCED, origin, before: watchArchive(asked) });
    // The next chunk is fetched while the window is still inside chunk k.
    await expect.poll(() => asked).toContain(index.chunks[k + 1]!.file);
    const next = eventsOf(k + 1)[0]!;
    expect(await page.locator(`[role="group"][aria-label^="Timeline of"] [data-event-id="${next.id}"]`).count()).toBe(0);
    // Drag the axis strip (empty surface, not a mark) leftwards: later days come into view.
    const surface = page.locator('[role="group"][aria-label^="Timeline of"]');
    const box = await surface.evaluate((el) => {
      const strip = el.querySelector(':scope > div[aria-hidden="true"]')!;
      strip.scrollIntoView({ block: 'center' });
      const r = strip.getBoundingClientRect();
      return { x: r.x, y: r.y + r.height / 2, width: r.width };
    });
    await page.mouse.move(box.x + box.width * 0.8, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y, { steps: 12 });
    await page.mouse.up();
    // Its first day is drawn: as marks, or as count badges where the day holds more than fit.
    await expect.poll(() => surface.locator('button').evaluateAll(
      (els, day) => els.some((el) => el.getAttribute('aria-label')?.includes(day)), formatLong(next.date),
    )).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a search answers from the whole archive, and a hit in a far chunk opens its event', async () => {
    const asked: string[] = [];
    const far = index.chunks.length - 1;
    const target = eventsOf(far).at(-1)!;
    const { page, context, problems } = await openApp(browser, '', { ...REDUCED, origin, before: watchArchive(asked) });
    await page.getByRole('searchbox').fill(target.title);
    const results = page.getByRole('region', { name: 'Search results across the archive' });
    const hit = results.getByRole('button', { name: new RegExp(target.title) }).first();
    await hit.waitFor();
    await expect(results.getByRole('status').textContent()).resolves.toMatch(/match/);
    // The filters do not count the loaded part as if it were all that matches: the results say how many.
    await expect(page.locator('search p[aria-live]').textContent()).resolves.toMatch(/^Filtering 100,000 events/);
    await hit.click();
    await expect(page.locator(`[data-details-for="${target.id}"] h2`).textContent()).resolves.toBe(target.title);
    expect(asked).toContain(index.chunks[far]!.file);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a chunk that fails to load is named, with a way to try again, and the rest stays usable', async () => {
    const asked: string[] = [];
    const k = 20;
    const failing = new Set([index.chunks[k + 1]!.file]);
    // Three days inside chunk k: it and its two neighbours are what the window needs.
    const from = addDays(index.chunks[k]!.from, 3);
    const { page, context, problems } = await openApp(browser, `?from=${from}&to=${addDays(from, 2)}`, { ...REDUCED, origin, before: watchArchive(asked, failing) });
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/could not be loaded: the server answered 500/);
    // The chunks that did load are listed.
    await expect.poll(() => page.locator('nav [data-event-id]').count()).toBeGreaterThan(5);
    // The server recovers; trying again loads the chunk.
    failing.clear();
    await alert.getByRole('button', { name: /Try again/ }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    // The window's chunk and both neighbours are loaded now.
    const held = index.chunks[k - 1]!.count + index.chunks[k]!.count + index.chunks[k + 1]!.count;
    await expect.poll(() => page.getByText(/events loaded: /).textContent()).toContain(`${held.toLocaleString('en-US')} of 100,000 events loaded`);
    // And the events read as before: the list's first event opens.
    const listed = page.locator('nav [data-event-id]').first();
    const id = (await listed.getAttribute('data-event-id'))!;
    await listed.click();
    const own = [...eventsOf(k - 1), ...eventsOf(k), ...eventsOf(k + 1)].find((e) => e.id === id)!;
    await expect(page.locator(`[data-details-for="${id}"] h2`).textContent()).resolves.toBe(own.title);
    expect(asked.filter((f) => chunkIndex(f) === k + 1)).toHaveLength(2);
    // One console error for the failure (the page says the rest), nothing else.
    expect(problems.filter((p) => !/server answered 500|500 \(Internal Server Error\)/.test(p))).toEqual([]);
    await context.close();
  });
});

/** The day `n` days after `day`. */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** "Thu 3 Mar 2022": how marks name a day (formatLongDay). */
function formatLong(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${weekday} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}
