/**
 * One measured run of the viewer in a fresh headless Chromium: load to ready,
 * total blocking time up to a quiet main thread, heap and DOM size, then frame
 * times during three scripted interactions (wheel zoom, drag pan, keyboard
 * stepping). Used by bench/run.mjs; the in-page half is bench/pageProbe.mjs.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { pageProbe } from './pageProbe.mjs';

export const VIEWPORT = { width: 1280, height: 800 };
export const SETTINGS = {
  quietMs: 1000, // quiet window after ready before TBT, heap and DOM are read (as in the peers harness)
  settleCapMs: 15000,
  readyTimeoutMs: 60000,
  interactionCapMs: 60000,
  afterInteractionMs: 500, // frames still recorded after the last step
  wheel: { steps: 30, pauseMs: 100, delta: 100 }, // 5 in, 5 out, ×3, over the zoom surface
  pan: { zoomInKeys: 3, moves: 60, pauseMs: 16, stepPx: 10 }, // after 3 × zoom in ('='), drag 30 moves left then 30 right
  keys: { steps: 50, pauseMs: 100 }, // ArrowRight × 50
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const tbt = (tasks, from, to) => tasks.filter(([s]) => s >= from && s <= to).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);

/** p50, p95 (nearest rank), max, frames that missed a 60 Hz vsync (over 20 ms) and frames over 50 ms of a list of frame deltas. */
export function frameStats(deltas) {
  const s = [...deltas].sort((a, b) => a - b);
  const rank = (p) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : null);
  return { frames: s.length, p50: median(s), p95: rank(0.95), max: s.at(-1) ?? null, missed: s.filter((d) => d > 20).length, over50: s.filter((d) => d > 50).length };
}

/**
 * Runs `steps(stepDone)` while recording frames; stops issuing steps at the cap. Notes whether
 * the view changed between the start and step `checkAt` (so a step that does nothing shows).
 */
async function recordInteraction(page, steps, checkAt) {
  const before = await page.evaluate(() => window.__bench.fingerprint());
  await page.evaluate(() => window.__bench.startFrames());
  const started = Date.now();
  const state = { done: 0, capped: false, changed: null };
  const stepDone = async () => {
    state.done++;
    if (state.done === checkAt) state.changed = (await page.evaluate(() => window.__bench.fingerprint())) !== before;
    if (Date.now() - started > SETTINGS.interactionCapMs) state.capped = true;
    return !state.capped;
  };
  let error = null;
  await steps(stepDone).catch((e) => { error = String(e).slice(0, 300); });
  const wallMs = Date.now() - started;
  await sleep(SETTINGS.afterInteractionMs);
  const fr = await page.evaluate(() => window.__bench.stopFrames());
  return { status: error ? 'error' : state.capped ? 'capped' : 'ok', error, steps: state.done, changedView: state.changed, wallMs, ...frameStats(fr.deltas), tbtMs: tbt(fr.longtasks, fr.t0, fr.t1) };
}

async function settle(page, from) {
  return page.evaluate(({ from, quiet, cap }) => window.__bench.settle(from, quiet, cap), { from, quiet: SETTINGS.quietMs, cap: SETTINGS.settleCapMs });
}

async function surfaceCentre(page) {
  const r = await page.evaluate(() => window.__bench.surfaceRect());
  if (!r) throw new Error('no timeline surface found');
  // Bottom band of the surface (the axis, which lets the pointer through): no mark to click there.
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, axisY: r.y + r.height - 10 };
}

const INTERACTIONS = {
  async zoom(page) {
    // The zoom gestures arrive in their own chunk just after the first view: wait for them (not measured).
    await page.locator('[data-zoom="ready"]').waitFor({ timeout: 30_000 });
    const { x, y } = await surfaceCentre(page);
    await page.mouse.move(x, y);
    const { steps, pauseMs, delta } = SETTINGS.wheel;
    return recordInteraction(page, async (stepDone) => {
      for (let i = 0; i < steps; i++) {
        await page.mouse.wheel(0, Math.floor(i / 5) % 2 === 0 ? -delta : delta);
        if (!(await stepDone())) return;
        await sleep(pauseMs);
      }
    }, 5);
  },
  async pan(page) {
    // At the full extent d3-zoom has nothing to pan: zoom in first (not recorded).
    for (let i = 0; i < SETTINGS.pan.zoomInKeys; i++) await page.keyboard.press('='); // '=' is the unshifted '+'
    await settle(page, await page.evaluate(() => performance.now()));
    const { x, axisY } = await surfaceCentre(page);
    const { moves, pauseMs, stepPx } = SETTINGS.pan;
    await page.mouse.move(x, axisY);
    await page.mouse.down();
    const result = await recordInteraction(page, async (stepDone) => {
      for (let i = 0; i < moves; i++) {
        const dx = i < moves / 2 ? -(i + 1) * stepPx : -(moves - i - 1) * stepPx;
        await page.mouse.move(x + dx, axisY);
        if (!(await stepDone())) return;
        await sleep(pauseMs);
      }
    }, moves / 2);
    await page.mouse.up();
    return result;
  },
  async keys(page) {
    const { steps, pauseMs } = SETTINGS.keys;
    return recordInteraction(page, async (stepDone) => {
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press('ArrowRight');
        if (!(await stepDone())) return;
        await sleep(pauseMs);
      }
    }, 2);
  },
};

/**
 * Loads `url` in a fresh browser and measures it (`gzip`: let the server compress). `hooks.beforeLoad(page, cdp)` and
 * `hooks.afterLoad(...)`, `hooks.beforeInteraction(name, ...)` / `afterInteraction` let the
 * profiler (bench/profile.mjs) wrap phases in a trace.
 */
export async function measureRun({ executablePath, url, gzip = false, hooks = {} }) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const r = { status: 'ok', errors: [] };
  try {
    // scripts/serve.mjs gzips every response when asked, synchronously and in this process (about
    // 0.1 s for the 8 MB dataset of 10,000 events, 0.6 s at 50,000), which a static host does ahead of
    // time: unless `gzip`, ask for identity, as the peers harness's server sends.
    const extraHTTPHeaders = gzip ? {} : { 'accept-encoding': 'identity' };
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, extraHTTPHeaders });
    const page = await context.newPage();
    page.on('pageerror', (e) => r.errors.push(String(e).slice(0, 300)));
    page.on('console', (m) => { if (m.type() === 'error') r.errors.push(`console: ${m.text()}`.slice(0, 300)); });
    const cdp = await context.newCDPSession(page);
    await page.addInitScript(pageProbe);
    await hooks.beforeLoad?.(page, cdp, browser);
    await page.goto(url, { waitUntil: 'commit', timeout: SETTINGS.readyTimeoutMs });
    const readyAt = await Promise.race([page.evaluate(() => window.__bench.ready), sleep(SETTINGS.readyTimeoutMs).then(() => undefined)]);
    if (readyAt == null) {
      r.status = readyAt === null ? 'error' : 'timeout';
      r.error = readyAt === null ? await page.evaluate(() => window.__bench.failed) : `no event mark ready within ${SETTINGS.readyTimeoutMs / 1000} s`;
      return r;
    }
    const settled = await settle(page, readyAt);
    const quietEnd = settled.capped ? settled.at : settled.at + SETTINGS.quietMs;
    await hooks.afterLoad?.(page, cdp, browser);
    const m = await page.evaluate(() => ({
      readyAt: window.__bench.readyAt, readyInfo: window.__bench.readyInfo, longtasks: window.__bench.longtasks,
      timelineAt: window.__bench.timelineAt ?? null,
      domElements: document.getElementsByTagName('*').length,
      eventMarks: document.querySelectorAll('[data-event-id]').length,
    }));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    Object.assign(r, {
      readyMs: m.readyAt, readyInfo: m.readyInfo, timelineDrawnMs: m.timelineAt, quietFromMs: settled.at, settleCapped: settled.capped,
      tbtMs: tbt(m.longtasks, 0, quietEnd), tbtToReadyMs: tbt(m.longtasks, 0, m.readyAt),
      longtasks: m.longtasks.filter(([s]) => s <= quietEnd).length,
      heapBytes: heap.usedSize, domElements: m.domElements, eventMarks: m.eventMarks,
      interactions: {},
    });
    for (const name of Object.keys(INTERACTIONS)) {
      await hooks.beforeInteraction?.(name, page, cdp, browser);
      r.interactions[name] = await INTERACTIONS[name](page).catch((e) => ({ status: 'error', error: String(e).slice(0, 300) }));
      await hooks.afterInteraction?.(name, page, cdp, browser);
      await settle(page, await page.evaluate(() => performance.now()));
    }
    r.selectedAfterKeys = await page.evaluate(() => document.querySelector('nav [aria-current="true"]')?.getAttribute('data-event-id') ?? null);
  } catch (e) {
    if (r.status === 'ok') r.status = 'error';
    r.error = String(e).slice(0, 500);
  } finally {
    await browser.close().catch(() => {});
  }
  return r;
}

/** The version string of the Chromium at `executablePath`, e.g. "156.0.8078.79". */
export async function chromiumVersion(executablePath) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try { return browser.version(); } finally { await browser.close(); }
}

/** The median of every figure over the successful runs. */
export function aggregateRuns(runs) {
  const ok = runs.filter((r) => r.status === 'ok');
  const med = (f) => median(ok.map(f).filter((x) => x != null));
  const out = { runs: runs.length, okRuns: ok.length, status: ok.length ? 'ok' : runs[0]?.status ?? 'skipped' };
  if (!ok.length) return { ...out, error: runs.find((r) => r.error)?.error };
  Object.assign(out, {
    readyMs: med((r) => r.readyMs), timelineDrawnMs: med((r) => r.timelineDrawnMs), tbtMs: med((r) => r.tbtMs), tbtToReadyMs: med((r) => r.tbtToReadyMs),
    quietFromMs: med((r) => r.quietFromMs), settleCapped: ok.some((r) => r.settleCapped),
    heapBytes: med((r) => r.heapBytes), domElements: med((r) => r.domElements), eventMarks: med((r) => r.eventMarks),
    interactions: {},
  });
  for (const name of Object.keys(INTERACTIONS)) {
    const xs = ok.map((r) => r.interactions[name]).filter((i) => i && i.frames);
    const imed = (f) => median(xs.map(f).filter((x) => x != null));
    out.interactions[name] = {
      status: xs.every((i) => i.status === 'ok') && xs.length ? 'ok' : xs.find((i) => i.status !== 'ok')?.status ?? 'error',
      p50: imed((i) => i.p50), p95: imed((i) => i.p95), max: imed((i) => i.max), over50: imed((i) => i.over50),
      frames: imed((i) => i.frames), steps: imed((i) => i.steps), changedView: xs.every((i) => i.changedView), wallMs: imed((i) => i.wallMs), tbtMs: imed((i) => i.tbtMs),
    };
  }
  out.errors = [...new Set(ok.flatMap((r) => r.errors))].slice(0, 5);
  return out;
}

export const INTERACTION_NAMES = Object.keys(INTERACTIONS);
