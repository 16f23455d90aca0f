/**
 * The in-page half of the benchmark, installed by `page.addInitScript` before
 * any page script runs: it records long tasks from navigation start, finds the
 * first animation frame in which an event mark is drawn and can take a click,
 * and records frame times while an interaction runs. Serialised into the page,
 * so it must not close over anything.
 */
export function pageProbe() {
  if (window.__bench) return;
  const B = (window.__bench = { longtasks: [], readyAt: null, readyInfo: null, failed: null });
  B.ready = new Promise((resolve) => { B.resolve = resolve; });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    B.longtaskError = String(e);
  }
  // Drawn and interactive: a non-empty box inside the viewport, visible, and the topmost element
  // at its centre (so a click there reaches it; React listens at the root from the first commit).
  const interactive = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit)) && !el.disabled;
  };
  // Also noted: the first frame in which the timeline itself shows a mark or a count badge (at a
  // large N the first event mark that is ready can be an entry of the list).
  const timelineDrawn = () => {
    const surface = document.querySelector('section [role="group"][aria-describedby]');
    return surface !== null && [...surface.querySelectorAll('button')].slice(0, 50).some(interactive);
  };
  const tick = () => {
    if (B.timelineAt === undefined && timelineDrawn()) B.timelineAt = performance.now();
    if (B.readyAt === null) {
      const marks = document.querySelectorAll('[data-event-id]');
      for (let i = 0; i < Math.min(marks.length, 500); i++) {
        if (interactive(marks[i])) {
          B.readyAt = performance.now();
          B.readyInfo = { id: marks[i].getAttribute('data-event-id'), inNav: marks[i].closest('nav') !== null, marks: marks.length };
          B.resolve(B.readyAt);
          break;
        }
      }
    }
    const alert = B.readyAt === null && document.querySelector('[role="alert"]');
    if (alert) {
      B.failed = alert.textContent;
      B.resolve(null);
      return;
    }
    if (B.readyAt === null || (B.timelineAt === undefined && performance.now() - B.readyAt < 10000)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  /** Resolves once no long task has ended for `quiet` ms (at least `quiet` after `from`), or at `cap`. */
  B.settle = async (from, quiet, cap) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const now = performance.now();
      const lastEnd = B.longtasks.reduce((m, [s, d]) => Math.max(m, s + d), from);
      if (now - lastEnd >= quiet) return { at: Math.max(lastEnd, from), capped: false };
      if (now - from >= cap) return { at: now, capped: true };
    }
  };
  B.startFrames = () => {
    const rec = (B.rec = { deltas: [], t0: performance.now(), stop: false });
    let last = null;
    const loop = (t) => {
      if (rec.stop) return;
      if (last !== null) rec.deltas.push(t - last);
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  B.stopFrames = () => {
    const rec = B.rec;
    rec.stop = true;
    const t1 = performance.now();
    return { deltas: rec.deltas, t0: rec.t0, t1, longtasks: B.longtasks.filter(([s]) => s >= rec.t0 && s <= t1) };
  };
  // What the viewer shows, to check that an interaction changed it: the URL, the selection, the
  // surface's text (marks, badges, axis) and where its first buttons are on screen. The positions
  // matter mid-drag: the URL is written when a gesture ends, and with every event in the DOM (small
  // N, zoomed in to day cells) a pan moves them without changing any text.
  B.fingerprint = () => {
    const surface = document.querySelector('section [role="group"][aria-describedby]');
    const selected = document.querySelector('[aria-current="true"][data-event-id]')?.getAttribute('data-event-id') ?? '';
    const placed = [...(surface?.querySelectorAll('button') ?? [])].slice(0, 5).map((b) => Math.round(b.getBoundingClientRect().x)).join(',');
    return `${location.href}|${selected}|${placed}|${surface?.textContent.slice(0, 300) ?? ''}`;
  };
  // The zoom surface: the described group in the timeline's section, or else the parent of an
  // event mark outside the list (at the full extent of a large N every mark can be a count badge).
  B.surfaceRect = () => {
    const mark = [...document.querySelectorAll('button[data-event-id]')].find((b) => !b.closest('nav'));
    const surface = document.querySelector('section [role="group"][aria-describedby]') ?? mark?.parentElement;
    if (!surface) return null;
    const r = surface.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
}
