/**
 * Issue "Speed, size and accessibility": axe-core (WCAG 2.0–2.2 A/AA and best
 * practices, target-size on) on each state of the app, a visible focus
 * indicator on every control reached by Tab, 3:1 contrast for the
 * timeline's colours (WCAG 1.4.11), and a way to zoom and pan without a
 * drag (WCAG 2.5.7). axe is evaluated through the DevTools protocol (see
 * axe.ts): the page keeps its strict CSP, no bypassCSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, WAIT_MS, type OpenOptions, REDUCED } from './harness.ts';
import { formatViolations, runAxe } from './axe.ts';

type DataEvent = { id: string; date: string; title: string; quotes: Array<{ article: string }> };
const dataset = JSON.parse(fs.readFileSync(`${process.env.TEST_DIST ?? 'dist'}/data/timeline.json`, 'utf8')) as {
  events: DataEvent[]; articles: Array<{ id: string; headline: string }>;
};
const SELECTED = dataset.events.find((e) => e.id === 'second-talks-belarus')!;
const SOURCE = dataset.articles.find((a) => a.id === 'second-round-belarus-talks')!;
const byDate = [...dataset.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
const DAY_MS = 86_400_000;

const surfaceOf = (page: Page) => page.getByRole('group', { name: /^Timeline of \d+ events/ });

/** Waits until nothing animates (zoom-to-event, panel transitions), then two more frames. */
async function settle(page: Page) {
  await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), { interval: 50 }).toBe(0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

type View = { name: string; query: string; options?: OpenOptions; ready: (page: Page) => Promise<unknown> };
const views: View[] = [
  { name: 'the first view', query: '', ready: async () => {} },
  { name: 'a selected event', query: `?event=${SELECTED.id}`, ready: (p) => p.getByRole('region', { name: SELECTED.title, exact: true }).waitFor() },
  {
    name: 'the open source reader', query: `?event=${SELECTED.id}&source=${SOURCE.id}&quote=1`,
    ready: (p) => p.locator('mark:focus').waitFor(),
  },
  {
    name: 'a search with no results', query: '?q=zzzzzz', options: { waitReady: false },
    ready: (p) => p.getByRole('navigation', { name: 'Events by day' }).getByRole('button', { name: 'Reset filters' }).waitFor(),
  },
  { name: 'the embed view', query: '?embed=1', ready: async () => {} },
  { name: 'the first view in dark', query: '', options: { colorScheme: 'dark' }, ready: async () => {} },
  ...(['light', 'dark'] as const).flatMap((colorScheme): View[] => [
    { name: `a phone (390×844, ${colorScheme})`, query: '', options: { width: 390, height: 844, colorScheme }, ready: async () => {} },
    {
      name: `an event sheet on a phone (390×844, ${colorScheme})`, query: `?event=${SELECTED.id}`, options: { width: 390, height: 844, colorScheme },
      ready: (p) => p.getByRole('dialog', { name: `Event: ${SELECTED.title}` }).waitFor(),
    },
  ]),
];

describe('axe-core finds no violation', () => {
  for (const view of views) {
    it(`on ${view.name}`, async () => {
      const { page, problems, context } = await openApp(browser, view.query, { ...REDUCED, ...view.options });
      await view.ready(page);
      await settle(page);
      const violations = await runAxe(page);
      expect(formatViolations(violations), `axe violations on ${view.name} (${view.query || 'no query'})`).toBe('');
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

type FocusStyle = { outlineStyle: string; outlineWidth: string; outlineColor: string; boxShadow: string };
type FocusStep = { what: string; focused: FocusStyle; unfocused: FocusStyle | null };

/** Tabs through the whole page from load; for each element reached, its style focused and unfocused. */
async function tabThrough(page: Page): Promise<FocusStep[]> {
  // The unfocused style of every element that can take focus, before anything has focus.
  await page.evaluate(() => {
    const pick = (s: CSSStyleDeclaration) => ({ outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow });
    const map = new WeakMap<Element, ReturnType<typeof pick>>();
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) map.set(el, pick(getComputedStyle(el)));
    (window as unknown as { __unfocused: typeof map }).__unfocused = map;
  });
  const steps: FocusStep[] = [];
  let empty = 0;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const w = window as unknown as { __unfocused: WeakMap<Element, FocusStyle>; __seen?: WeakSet<Element> };
      w.__seen ??= new WeakSet();
      if (w.__seen.has(el)) return 'again';
      w.__seen.add(el);
      const s = getComputedStyle(el);
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 50) ?? '';
      return {
        what: `<${el.tagName.toLowerCase()}${el.getAttribute('data-event-id') ? ` data-event-id="${el.getAttribute('data-event-id')}"` : ''}> "${name}"`,
        focused: { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow },
        unfocused: w.__unfocused.get(el) ?? null,
      };
    });
    // Past the last control focus leaves the document, and the next Tab starts again at the top:
    // go round once, whatever the starting point, and stop at the first control seen twice.
    if (step === 'again') break;
    if (step === null) {
      empty += 1;
      if (empty > 2) break;
      continue;
    }
    empty = 0;
    steps.push(step);
  }
  return steps;
}

/** Why a focus style is not a visible indicator, or null when it is one. */
function focusProblem(step: FocusStep): string | null {
  const { focused: f, unfocused: u } = step;
  if (!u) return 'no unfocused style to compare (the element appeared after load)';
  const changed = f.outlineStyle !== u.outlineStyle || f.outlineWidth !== u.outlineWidth || f.outlineColor !== u.outlineColor || f.boxShadow !== u.boxShadow;
  const transparent = /rgba\(.*,\s*0\)$|transparent/.test(f.outlineColor);
  const outline = f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) >= 2 && !transparent;
  const shadow = f.boxShadow !== 'none' && f.boxShadow !== u.boxShadow;
  if (!changed) return `focused and unfocused look the same (outline ${f.outlineStyle} ${f.outlineWidth}, box-shadow ${f.boxShadow})`;
  if (!outline && !shadow) return `no outline of 2px or more and no box-shadow (outline ${f.outlineStyle} ${f.outlineWidth} ${f.outlineColor}, box-shadow ${f.boxShadow})`;
  return null;
}

describe('a visible focus indicator on every control reached by Tab', () => {
  const focusViews: View[] = [views[0]!, views[1]!, views[2]!, { ...views[6]!, name: 'a phone (390×844)' }];
  for (const view of focusViews) {
    it(`on ${view.name}`, async () => {
      const { page, problems, context } = await openApp(browser, view.query, { ...REDUCED, ...view.options });
      await view.ready(page);
      await settle(page);
      const steps = await tabThrough(page);
      expect(steps.length, 'Tab reached some controls').toBeGreaterThan(5);
      console.info(`${view.name}: ${steps.length} controls reached by Tab`);
      const bad = steps.map((s) => ({ s, why: focusProblem(s) })).filter((x) => x.why);
      expect(bad.map(({ s, why }) => `${s.what}: ${why}`), `${steps.length} controls reached by Tab`).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

type Rgba = [number, number, number, number];

/**
 * Contrast of the timeline's colours against what they are drawn on, read from computed styles:
 * the zoomable surface (`surface`, a wide screen) or the phone's vertical rail (`rail`).
 */
function readTimelineColours(page: Page, where: 'surface' | 'rail' = 'surface') {
  return page.evaluate((where) => {
    const parse = (c: string): Rgba | null => {
      let m = c.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      m = c.match(/^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/);
      if (m) return [Number(m[1]) * 255, Number(m[2]) * 255, Number(m[3]) * 255, m[4] === undefined ? 1 : Number(m[4])];
      return null;
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    /** The opaque colour behind an element: its own and its ancestors' backgrounds, composited. */
    const backgroundOf = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] === 1) break; }
      }
      let out: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) out = over(layer, out);
      return out;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (fg: Rgba, bg: Rgba) => {
      const [a, b] = [luminance(over(fg, bg)), luminance(bg)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const results: Array<{ what: string; fg: string; bg: string; ratio: number }> = [];
    const check = (what: string, fgCss: string, bg: Rgba) => {
      const fg = parse(fgCss);
      if (!fg) { results.push({ what: `${what} (unparsed colour ${fgCss})`, fg: fgCss, bg: bg.join(','), ratio: 0 }); return; }
      results.push({ what, fg: fgCss, bg: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, ratio: Math.round(ratio(fg, bg) * 100) / 100 });
    };
    if (where === 'rail') {
      // Each event on the rail: its glyph in the category's colour on the row's background (which a
      // date link tints for the day's events), and the selection ring around the row.
      const rail = document.querySelector('ol[aria-label="Days with events"]')!;
      for (const button of rail.querySelectorAll('button[data-event-id]')) {
        const id = button.getAttribute('data-event-id');
        const glyph = button.querySelector('svg')!;
        check(`rail glyph of ${id}${button.hasAttribute('data-marked') ? ' (marked)' : ''}`, getComputedStyle(glyph).color, backgroundOf(button));
        if (button.getAttribute('aria-current') === 'true') {
          const ring = getComputedStyle(button).boxShadow.match(/^(rgba?\([^)]*\)|color\([^)]*\))/)?.[1] ?? 'none';
          check(`selection ring of ${id} on the rail`, ring, backgroundOf(button.parentElement));
        }
      }
      return results;
    }
    const surface = [...document.querySelectorAll('[role="group"]')].find((g) => g.getAttribute('aria-label')?.startsWith('Timeline of'))!;
    const surfaceBg = backgroundOf(surface);
    for (const mark of surface.querySelectorAll('button[data-event-id]')) {
      const id = mark.getAttribute('data-event-id');
      check(`marker ${id}`, getComputedStyle(mark).color, surfaceBg);
      if (mark.getAttribute('aria-current') === 'true') {
        // The glyph (the first span, around the shape) carries the selection ring, in both layouts.
        const shape = mark.firstElementChild!;
        const ring = getComputedStyle(shape).boxShadow.match(/^(rgba?\([^)]*\)|color\([^)]*\))/)?.[1] ?? 'none';
        check(`selection ring of ${id} (against the surface)`, ring, surfaceBg);
        check(`selected marker ${id} (against its disc)`, getComputedStyle(mark).color, backgroundOf(shape));
      }
    }
    for (const badge of surface.querySelectorAll('button[aria-expanded]')) {
      check(`count badge "${badge.getAttribute('aria-label')}" border`, getComputedStyle(badge).borderTopColor, surfaceBg);
    }
    // Lane labels beside the surface and the legend above it: the shape in the lane's colour.
    const timeline = surface.closest('section')!;
    for (const svg of timeline.querySelectorAll('svg')) {
      if (surface.contains(svg)) continue;
      const li = svg.closest('li');
      if (!li) continue;
      check(`lane/legend shape "${li.textContent!.trim()}"`, getComputedStyle(svg).color, backgroundOf(li));
    }
    // The category symbols in the list.
    for (const symbol of document.querySelectorAll('nav button[data-event-id] > span[aria-hidden="true"]')) {
      check(`list symbol of ${symbol.closest('button')!.getAttribute('data-event-id')}`, getComputedStyle(symbol).color, backgroundOf(symbol));
    }
    return results;
  }, where);
}

describe('the timeline\'s colours reach 3:1 against their background (WCAG 1.4.11)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`in ${colorScheme}`, async () => {
      const { page, problems, context } = await openApp(browser, `?event=${SELECTED.id}`, { ...REDUCED, colorScheme });
      await surfaceOf(page).locator(`[data-event-id="${SELECTED.id}"][aria-current="true"]`).waitFor();
      await settle(page);
      const results = await readTimelineColours(page);
      expect(results.filter((r) => r.what.startsWith('marker')).length, 'markers were measured').toBeGreaterThan(5);
      expect(results.some((r) => r.what.startsWith('selection ring')), 'the selection ring was measured').toBe(true);
      const lowest = [...results].sort((a, b) => a.ratio - b.ratio).slice(0, 3);
      console.info(`${colorScheme}: ${results.length} colours measured; lowest ${lowest.map((r) => `${r.what} ${r.ratio}:1`).join('; ')}`);
      const low = results.filter((r) => !(r.ratio >= 3)).map((r) => `${r.what}: ${r.fg} on ${r.bg} = ${r.ratio}:1`);
      expect(low).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('the phone rail\'s colours reach 3:1 against their background (WCAG 1.4.11)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`in ${colorScheme}`, async () => {
      // A date link marks the day's events (a tinted row) and a selection rings one: all three kinds of row.
      const day = SELECTED.date;
      const { page, problems, context } = await openApp(browser, `?date=${day}`, { ...REDUCED, width: 390, height: 844, colorScheme });
      const rail = page.getByRole('list', { name: 'Days with events' });
      await rail.locator('button[data-marked]').first().waitFor();
      await settle(page);
      const marked = await readTimelineColours(page, 'rail');
      expect(marked.some((r) => r.what.endsWith('(marked)')), 'marked rows were measured').toBe(true);
      await rail.locator(`button[data-event-id="${SELECTED.id}"]`).click();
      await page.getByRole('dialog', { name: `Event: ${SELECTED.title}` }).getByRole('button', { name: /^Close/ }).first().click();
      await rail.locator(`button[data-event-id="${SELECTED.id}"][aria-current="true"]`).waitFor();
      await settle(page);
      const selected = await readTimelineColours(page, 'rail');
      expect(selected.some((r) => r.what.startsWith('selection ring')), 'the selection ring was measured').toBe(true);
      const results = [...marked, ...selected];
      expect(results.filter((r) => r.what.startsWith('rail glyph')).length, 'glyphs were measured').toBeGreaterThan(3);
      const low = results.filter((r) => !(r.ratio >= 3)).map((r) => `${r.what}: ${r.fg} on ${r.bg} = ${r.ratio}:1`);
      expect(low).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('no action needs a drag (WCAG 2.5.7)', () => {
  const range = (page: Page) => page.evaluate(() => {
    const p = new URLSearchParams(location.search);
    return { from: p.get('from'), to: p.get('to') };
  });
  const span = (r: { from: string | null; to: string | null }) => (r.from && r.to ? (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS + 1 : Infinity);

  it('zooms with buttons and pans to the first and last events with Home and End', async () => {
    const { page, problems, context } = await openApp(browser, '', REDUCED);
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    const fitAll = page.getByRole('button', { name: 'Fit all' });
    for (const b of [zoomIn, zoomOut, fitAll]) expect(await b.isVisible()).toBe(true);

    let last = await range(page);
    for (let i = 0; i < 3; i++) {
      await zoomIn.click();
      const before = last;
      await expect.poll(() => range(page).then((r) => span(r) < span(before)), { timeout: WAIT_MS, message: `Zoom in #${i + 1} narrows the window` }).toBe(true);
      last = await range(page);
    }
    expect(span(last)).toBeLessThan(8);

    // The keys pan a zoomed window to the event they select: no drag needed to reach either end.
    const first = byDate[0]!;
    const final = byDate[byDate.length - 1]!;
    await page.keyboard.press('Home');
    await expect.poll(() => range(page).then((r) => r.from !== null && r.from <= first.date && r.to! >= first.date), { timeout: WAIT_MS, message: `Home shows ${first.date}` }).toBe(true);
    await surfaceOf(page).locator(`[data-event-id="${dataset.events[0]!.id}"][aria-current="true"]`).waitFor();
    await page.keyboard.press('End');
    await expect.poll(() => range(page).then((r) => r.from !== null && r.from <= final.date && r.to! >= final.date), { timeout: WAIT_MS, message: `End shows ${final.date}` }).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('event')), { timeout: WAIT_MS }).toBe(dataset.events[dataset.events.length - 2]!.id);

    const zoomed = await range(page);
    await zoomOut.click();
    await expect.poll(() => range(page).then((r) => span(r) > span(zoomed)), { timeout: WAIT_MS }).toBe(true);
    await fitAll.click();
    await expect.poll(() => range(page), { timeout: WAIT_MS }).toEqual({ from: null, to: null });
    expect(problems).toEqual([]);
    await context.close();
  });
});
