/**
 * Reads a Chromium trace (JSON, from browser.startTracing with the
 * devtools.timeline and v8.cpu_profiler categories) and says what the page's
 * main thread spent its time on: self time per trace event and per group
 * (script, style, layout, paint, GC, …), self time per JavaScript function
 * and module from the sampled CPU profile inside the trace, and the long
 * tasks with the modules that ran in each.
 */

const GROUPS = [
  ['script', /^(FunctionCall|EvaluateScript|v8\.|V8\.(?!GC)|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|FireIdleCallback|XHR|HandlePostMessage|ResourceReceivedData|ResourceFinish)/],
  ['garbage collection', /(GC|gc|Scavenge|Sweep|Mark)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleInvalidator)/],
  ['layout', /^(Layout|UpdateLayout|ComputeIntersections|IntersectionObserver)/],
  ['paint and composite', /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|Decode|Rasterize|HitTest|PaintImage|LocalFrameView::RunPostLifecycleSteps)/],
  ['HTML parsing', /^ParseHTML/],
];

const groupOf = (name) => GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other';

/** The pid/tid of the renderer main thread that did the most work. */
function mainThread(events) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Self time (ms) of every complete event on one thread, by event name. */
function selfTimes(events, thread) {
  const list = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const close = (upTo) => {
    while (stack.length && stack.at(-1).end <= upTo) {
      const top = stack.pop();
      self.set(top.name, (self.get(top.name) ?? 0) + top.self);
    }
  };
  for (const e of list) {
    close(e.ts);
    const node = { name: e.name, end: e.ts + e.dur, self: e.dur };
    if (stack.length) stack.at(-1).self -= Math.min(e.dur, stack.at(-1).end - e.ts);
    stack.push(node);
  }
  close(Infinity);
  return new Map([...self].map(([k, v]) => [k, v / 1000]));
}

/** The JS samples of the trace's CPU profile on `thread`: {t (µs, trace clock), ms, fn, module}. */
function jsSamples(events, thread, moduleOf) {
  // The chunks come from the profiler's own thread; the 'Profile' event on the main thread names their id.
  const starts = new Map(events.filter((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === thread).map((e) => [e.id, e.args?.data?.startTime ?? 0]));
  const pid = thread.split(':')[0];
  const byProfile = new Map();
  for (const c of events.filter((e) => e.name === 'ProfileChunk' && String(e.pid) === pid && starts.has(e.id))) {
    const p = byProfile.get(c.id) ?? { start: starts.get(c.id), nodes: new Map(), samples: [], deltas: [] };
    byProfile.set(c.id, p);
    const cpu = c.args?.data?.cpuProfile ?? {};
    for (const node of cpu.nodes ?? []) p.nodes.set(node.id, node);
    p.samples.push(...(cpu.samples ?? []));
    p.deltas.push(...(c.args?.data?.timeDeltas ?? []));
  }
  const out = [];
  for (const p of byProfile.values()) {
    let t = p.start;
    p.samples.forEach((id, i) => {
      t += p.deltas[i] ?? 0;
      const frame = p.nodes.get(id)?.callFrame ?? {};
      if (frame.functionName === '(idle)' || frame.functionName === '(root)') return;
      const file = (frame.url ?? '').split('/').pop();
      const line = (frame.lineNumber ?? 0) + 1;
      const module = file ? moduleOf?.(file, line) ?? file : frame.functionName?.startsWith('(') ? frame.functionName : '(browser built-in)';
      out.push({ t, ms: (p.deltas[i + 1] ?? p.deltas[i] ?? 0) / 1000, fn: `${frame.functionName || '(anonymous)'}${file ? ` — ${module}:${line}` : ''}`, module: packageOf(module) });
    });
  }
  return out;
}

/** Sums samples' time by a key. */
function sumBy(samples, key) {
  const map = new Map();
  for (const s of samples) map.set(s[key], (map.get(s[key]) ?? 0) + s.ms);
  return map;
}

/** The long tasks (> 50 ms) of the main thread, each with the modules its JS samples fall in. */
function longTasks(events, thread, samples) {
  const origin = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === thread)?.ts
    ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  // Top-level events of the thread (not nested in another): its tasks.
  const tasks = [];
  for (const e of events.filter((x) => `${x.pid}:${x.tid}` === thread && x.ph === 'X' && x.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = tasks.at(-1);
    if (!last || e.ts >= last.ts + last.dur) tasks.push(e);
  }
  return tasks
    .filter((e) => e.dur > 50000)
    .map((e) => {
      const inTask = samples.filter((s) => s.t >= e.ts && s.t <= e.ts + e.dur);
      return { atMs: Math.round((e.ts - origin) / 1000), ms: Math.round(e.dur / 1000), modules: top(sumBy(inTask, 'module'), 5), functions: top(sumBy(inTask, 'fn'), 3) };
    });
}

/** A module path shortened to its package (node_modules) or kept as the project file. */
function packageOf(module) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  return m ? m[1] : module;
}

const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));

/** The summary of one trace: busy time, time per group, the top events and the top JS functions. */
export function summariseTrace(traceJson, { topEvents = 12, topFunctions = 20, moduleOf } = {}) {
  const events = traceJson.traceEvents ?? traceJson;
  const thread = mainThread(events);
  if (!thread) return { error: 'no renderer main thread in the trace' };
  const self = selfTimes(events, thread);
  const groups = new Map();
  for (const [name, ms] of self) {
    if (/^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask|SequenceManager|CpuProfiler::)/.test(name)) continue; // task wrappers, the profiler
    groups.set(groupOf(name), (groups.get(groupOf(name)) ?? 0) + ms);
  }
  const busy = [...groups.values()].reduce((s, v) => s + v, 0);
  const samples = jsSamples(events, thread, moduleOf);
  return {
    thread, busyMs: Math.round(busy), groups: top(groups, 10), events: top(self, topEvents),
    modules: top(sumBy(samples, 'module'), 12), functions: top(sumBy(samples, 'fn'), topFunctions),
    longTasks: longTasks(events, thread, samples),
  };
}

/** The summary as Markdown lines. */
export function formatSummary(title, s) {
  if (s.error) return `### ${title}\n\n${s.error}\n`;
  const pct = (ms) => `${Math.round((ms / Math.max(1, s.busyMs)) * 100)} %`;
  return [
    `### ${title}: main thread busy ${s.busyMs.toLocaleString('en-US')} ms`, '',
    `By group: ${s.groups.map((g) => `${g.name} ${Math.round(g.ms)} ms (${pct(g.ms)})`).join(', ')}.`, '',
    `Top trace events (self): ${s.events.map((e) => `${e.name} ${Math.round(e.ms)}`).join(', ')}.`, '',
    `Sampled JS self time by module: ${s.modules.map((m) => `${m.name} ${Math.round(m.ms)}`).join(', ')} ms ` +
      '("(program)" is native work outside JS, e.g. style, layout, paint; forced layouts count in the JS function that asked).', '',
    `Long tasks (> 50 ms): ${s.longTasks.length || 'none'}${s.longTasks.length > 10 ? ' (the first 10)' : ''}.`, '',
    ...s.longTasks.slice(0, 10).map((t) => `- at ${t.atMs} ms, ${t.ms} ms: ${t.modules.slice(0, 4).map((m) => `${m.name} ${Math.round(m.ms)}`).join(', ')}; top functions ${t.functions.map((f) => `\`${f.name}\` ${Math.round(f.ms)}`).join(', ')}`),
    '',
    '| JS function (self time, sampled) | ms |', '|---|---:|',
    ...s.functions.map((f) => `| \`${f.name}\` | ${f.ms} |`), '',
  ].join('\n');
}
