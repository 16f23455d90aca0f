/**
 * The printed side of `npm run bench`: the results table, the size table and
 * the check of every figure against the targets of the issue.
 */

/** The targets on this 2-core machine; a frame within 0.5 ms of 16.7 ms counts as one 60 Hz frame. */
export const TARGETS = {
  10000: { readyMs: 800, tbtMs: 200, frameP95Ms: 16.7, domElements: 3000, heapBytes: 40 * 1048576 },
  50000: { readyMs: 2500, frameP95Ms: 33.3 },
};
export const SIZE_TARGET = { firstViewGzip: 130 * 1024, aimGzip: 110 * 1024 };
const JITTER_MS = 0.5;

const f0 = (x) => (x == null ? '–' : Math.round(x).toLocaleString('en-US'));
const f1 = (x) => (x == null ? '–' : x.toFixed(1));
const mb = (x) => (x == null ? '–' : (x / 1048576).toFixed(1));
const kb = (x) => (x == null ? '–' : (x / 1024).toFixed(1));

/** The results as a Markdown table, one row per N (medians over the runs). */
export function resultsTable(results, sizes) {
  const frames = (i) => (i
    ? `${f1(i.p50)} / ${f1(i.p95)} / ${f0(i.over50)}${i.status === 'ok' ? '' : ` (${i.status}: ${f0(i.steps)} steps)`}${i.changedView === false ? ' (view unchanged!)' : ''}`
    : '–');
  const lines = [
    '| N | runs | ready ms | timeline drawn ms | TBT ms | heap MB | DOM elements | marks | zoom p50 / p95 / >50 ms | pan p50 / p95 / >50 ms | keys p50 / p95 / >50 ms | keys wall s |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|',
  ];
  for (const n of sizes) {
    const a = results[n];
    if (!a || a.status !== 'ok') {
      lines.push(`| ${f0(n)} | ${a?.runs ?? 0} | ${a?.status ?? 'skipped'}: ${a?.error ?? ''} | | | | | | | | | |`);
      continue;
    }
    const i = a.interactions;
    lines.push(`| ${f0(n)} | ${a.okRuns}/${a.runs} | ${f0(a.readyMs)} | ${f0(a.timelineDrawnMs)} | ${a.settleCapped ? '≥' : ''}${f0(a.tbtMs)} | ${mb(a.heapBytes)} | ${f0(a.domElements)} | ${f0(a.eventMarks)} | ` +
      `${frames(i.zoom)} | ${frames(i.pan)} | ${frames(i.keys)} | ${i.keys?.wallMs == null ? '–' : (i.keys.wallMs / 1000).toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** The JS+CSS sizes as a Markdown table. */
export function sizeTable(size) {
  const rows = [
    '| what | files | raw KB | gzip -9 KB |',
    '|---|---:|---:|---:|',
    `| first view (index.html's scripts, styles and their static imports) | ${size.firstView.files.length} | ${kb(size.firstView.bytes)} | **${kb(size.firstView.gzip)}** |`,
    `| lazy chunks | ${size.lazy.files.length} | ${kb(size.lazy.bytes)} | ${kb(size.lazy.gzip)} |`,
    `| whole app (every JS and CSS file in assets/) | ${size.allAssets.files.length} | ${kb(size.allAssets.bytes)} | ${kb(size.allAssets.gzip)} |`,
  ];
  if (size.dataset) rows.push(`| dataset shipped (data/timeline.json, not counted above) | 1 | ${kb(size.dataset.bytes)} | ${kb(size.dataset.gzip)} |`);
  return rows.join('\n');
}

/** Every target checked against the medians: a line per target, met or missed and by how much. */
export function checkTargets(results, size) {
  const lines = [];
  const check = (label, value, limit, unit, fmt = f0, slack = 0) => {
    if (value == null) { lines.push(`- ${label}: not measured`); return; }
    const met = value <= limit + slack;
    const by = met ? '' : ` — missed by ${fmt(value - limit)} ${unit} (${(value / limit).toFixed(1)}×)`;
    lines.push(`- ${met ? 'met' : '**MISSED**'}: ${label} ${fmt(value)} ${unit} (target ≤ ${fmt(limit)} ${unit})${by}`);
  };
  for (const [n, t] of Object.entries(TARGETS)) {
    const a = results[n];
    if (!a || a.status !== 'ok') { lines.push(`- N=${f0(+n)}: not measured`); continue; }
    const at = `N=${f0(+n)}`;
    check(`${at} ready`, a.readyMs, t.readyMs, 'ms');
    if (t.tbtMs) check(`${at} total blocking time`, a.tbtMs, t.tbtMs, 'ms');
    for (const name of ['zoom', 'pan', 'keys']) check(`${at} ${name} frame p95`, a.interactions[name]?.p95, t.frameP95Ms, 'ms', f1, JITTER_MS);
    if (t.domElements) check(`${at} DOM elements`, a.domElements, t.domElements, '');
    if (t.heapBytes) check(`${at} JS heap`, a.heapBytes / 1048576, t.heapBytes / 1048576, 'MB', f1);
  }
  if (size) {
    check('first-view JS+CSS gzip', size.firstView.gzip / 1024, SIZE_TARGET.firstViewGzip / 1024, 'KB', f1);
    lines.push(`- aim: first-view JS+CSS gzip ≤ ${kb(SIZE_TARGET.aimGzip)} KB: ${size.firstView.gzip <= SIZE_TARGET.aimGzip ? 'reached' : `not yet (${kb(size.firstView.gzip - SIZE_TARGET.aimGzip)} KB over)`}`);
  }
  return lines.join('\n');
}
