/**
 * The page's side of an archive: which chunks are loaded, loading, or failed,
 * and the index of the loaded events that the viewer shows. The viewer asks
 * for the days it looks at (`ensure`); the store loads the chunks of those
 * days and their neighbours (ahead of panning) while they hold few enough
 * events to draw, and lets go of the chunks farthest away once too many are
 * held, so memory stays flat at any size. Read with useSyncExternalStore.
 */
import type { ArchiveChunkInfo, ArchiveIndex, DensityRow } from './archiveSchema.ts';
import { indexDataset, type DatasetIndex } from './indexDataset.ts';
import { MergedMap } from './mergedMap.ts';
import { loadChunk, type LoadedChunk } from './loadChunk.ts';
import type { LoadProblem } from './loadDataset.ts';
import type { ArchiveSearch } from './archiveSearch.ts';
import type { Article, Dataset, TimelineEvent } from './schema.ts';
import type { CalendarDay } from '../lib/time/calendarDay.ts';

/** At most this many events are loaded for one window: more are drawn as density only. */
export const WINDOW_BUDGET = 8_000;
/** At most this many events are held at once; the chunks farthest from the window go first. */
export const HELD_BUDGET = 20_000;

export type ArchiveSnapshot = {
  /** The loaded events, indexed as a small edition's are; `first`/`last` are the archive's. */
  index: DatasetIndex;
  loaded: ReadonlySet<number>;
  pending: ReadonlySet<number>;
  failed: ReadonlyMap<number, string>;
  /** The window holds more events than are drawn one by one: the timeline shows their density. */
  overBudget: boolean;
  /** The chunks of the window the viewer last asked for, `[first, last]`. */
  window: readonly [number, number] | null;
};

/** What the viewer gets with an archive's index: the archive's facts and the store to ask for chunks. */
export type ArchiveView = { info: ArchiveIndex; store: ArchiveStore; snapshot: ArchiveSnapshot };

type Loader = (n: number, info: ArchiveChunkInfo, lanes: readonly string[], signal?: AbortSignal) => Promise<LoadedChunk | LoadProblem>;
/** Finds which chunk holds an event (the search worker knows every id); null when none does. */
export type Locator = (id: string) => Promise<{ chunk: number } | null>;

export class ArchiveStore {
  private readonly ready = new Map<number, LoadedChunk>();
  private readonly pending = new Map<number, AbortController>();
  private readonly failed = new Map<number, string>();
  private readonly listeners = new Set<() => void>();
  private wanted: readonly [number, number] | null = null;
  private overBudget = false;
  private snapshot: ArchiveSnapshot;
  private indexed: { key: string; index: DatasetIndex } | null = null;
  /** Events asked for by id: their chunk once found, 'locating' meanwhile, 'missing' when none holds them. */
  private readonly located = new Map<string, number | 'locating' | 'missing'>();

  private readonly locator: Locator | null;
  private search: Promise<ArchiveSearch> | null = null;

  /** `locator`: how to find an event's chunk by id; by default the search worker (null: nothing can). */
  constructor(readonly info: ArchiveIndex, private readonly loader: Loader = loadChunk, locator?: Locator | null) {
    this.locator = locator !== undefined ? locator : (id) => this.searchClient().then((s) => s.locate(id));
    this.snapshot = this.build();
  }

  /** The archive's search (its code and the worker start on the first call). */
  searchClient(): Promise<ArchiveSearch> {
    this.search ??= import('./archiveSearch.ts').then((m) => m.createArchiveSearch(this.info.search.file));
    return this.search;
  }

  /** Whether the archive has been found to hold no event `id`. */
  isMissing(id: string): boolean {
    return this.located.get(id) === 'missing';
  }

  /**
   * Finds the chunk of event `id` and loads it (a link to an event whose period is not loaded).
   * When nothing can say where it is, or nothing holds it, the event is missing.
   */
  locate(id: string): void {
    // A key event's chunk is in the index.
    const stub = this.info.key.find((k) => k.id === id);
    if (stub && !this.located.has(id)) this.located.set(id, stub.chunk);
    if (this.located.has(id)) {
      const n = this.located.get(id);
      if (typeof n === 'number') this.ensureChunk(n);
      return;
    }
    if (!this.locator) {
      this.located.set(id, 'missing');
      this.publish();
      return;
    }
    this.located.set(id, 'locating');
    this.locator(id).then(
      (found) => {
        this.located.set(id, found ? found.chunk : 'missing');
        if (found) this.ensureChunk(found.chunk);
        this.publish();
      },
      () => {
        this.located.set(id, 'missing');
        this.publish();
      },
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ArchiveSnapshot => this.snapshot;

  /** The chunk that holds `day`'s events (or the first after it; the last when none is after). */
  chunkOf(day: CalendarDay): number {
    const { chunks } = this.info;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (chunks[mid]!.to < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Loads what the days `from`–`to` need: all their chunks and one more on each side when they
   * hold at most WINDOW_BUDGET events; otherwise only the chunk where the window starts (the list
   * reads from there; none when a chunk of the window is in already), and the timeline draws the
   * rest as density. While the view is still moving (`moving`), a window of too many events loads
   * nothing: a pan over density would otherwise fetch a chunk for every few days it passes.
   */
  ensure(from: CalendarDay, to: CalendarDay, moving = false): void {
    const first = this.chunkOf(from);
    let last = this.chunkOf(to);
    if (this.info.chunks[last]!.from > to && last > first) last -= 1;
    let count = 0;
    for (let n = first; n <= last; n++) count += this.info.chunks[n]!.count;
    const over = count > WINDOW_BUDGET;
    const want: number[] = [];
    if (over) {
      // One chunk of the window for the list to read, where it starts, unless one is in already.
      let held = false;
      for (let n = first; n <= last && !held; n++) held = this.ready.has(n) || this.pending.has(n);
      if (!moving && !held) want.push(first);
    } else {
      for (let n = Math.max(0, first - 1); n <= Math.min(this.info.chunks.length - 1, last + 1); n++) want.push(n);
    }
    const changed = over !== this.overBudget || this.wanted?.[0] !== first || this.wanted?.[1] !== last;
    this.overBudget = over;
    this.wanted = [first, last];
    this.evict(first, last);
    let started = false;
    for (const n of want) started = this.start(n) || started;
    if (changed || started) this.publish();
  }

  /** Loads chunk `n` whatever the window (a link to one of its events, a search hit, "load the next period"). */
  ensureChunk(n: number): void {
    if (this.start(n)) this.publish();
  }

  /** Tries a failed chunk again. */
  retry(n: number): void {
    this.failed.delete(n);
    this.start(n);
    this.publish();
  }

  dispose(): void {
    void this.search?.then((s) => s.dispose());
    for (const c of this.pending.values()) c.abort();
    this.pending.clear();
    this.listeners.clear();
  }

  /** Starts loading chunk `n` unless it is loaded, loading or failed; whether it started. */
  private start(n: number): boolean {
    if (n < 0 || n >= this.info.chunks.length || this.ready.has(n) || this.pending.has(n) || this.failed.has(n)) return false;
    const controller = new AbortController();
    this.pending.set(n, controller);
    const lanes = this.info.density.lanes;
    void this.loader(n, this.info.chunks[n]!, lanes, controller.signal).then((result) => {
      if (controller.signal.aborted || this.pending.get(n) !== controller) return;
      this.pending.delete(n);
      if ('events' in result) this.ready.set(n, result);
      else {
        this.failed.set(n, result.problem);
        console.error(`Timeline: ${result.problem}`);
      }
      this.publish();
    });
    return true;
  }

  /** Lets go of the loaded chunks farthest from `first`–`last` while more than HELD_BUDGET events are held. */
  private evict(first: number, last: number): void {
    const distance = (n: number) => (n < first ? first - n : n > last ? n - last : 0);
    let held = 0;
    for (const n of this.ready.keys()) held += this.info.chunks[n]!.count;
    const farthest = [...this.ready.keys()].filter((n) => distance(n) > 1).sort((a, b) => distance(b) - distance(a));
    for (const n of farthest) {
      if (held <= HELD_BUDGET) break;
      this.ready.delete(n);
      held -= this.info.chunks[n]!.count;
    }
    // A chunk still loading for a window left far behind is not needed any more.
    for (const [n, controller] of this.pending) {
      if (distance(n) > 2) {
        controller.abort();
        this.pending.delete(n);
      }
    }
  }

  private publish(): void {
    this.snapshot = this.build();
    for (const listener of this.listeners) listener();
  }

  private build(): ArchiveSnapshot {
    const loaded = [...this.ready.keys()].sort((a, b) => a - b);
    const key = loaded.join(',');
    if (this.indexed?.key !== key) this.indexed = { key, index: this.indexLoaded(loaded) };
    return {
      index: this.indexed.index,
      loaded: new Set(loaded),
      pending: new Set(this.pending.keys()),
      failed: new Map(this.failed),
      overBudget: this.overBudget,
      window: this.wanted,
    };
  }

  /** Each loaded chunk indexed once, when it arrives (its days are whole, so its own index is exact). */
  private readonly chunkIndexes = new Map<number, DatasetIndex>();

  private indexOf(n: number): DatasetIndex {
    let index = this.chunkIndexes.get(n);
    if (!index) {
      const chunk = this.ready.get(n)!;
      const { info } = this;
      index = indexDataset({
        version: 1, title: info.title, licence: info.licence, dek: info.dek, categories: info.categories,
        articles: chunk.articles, events: chunk.events,
      } as Dataset);
      this.chunkIndexes.set(n, index);
    }
    return index;
  }

  /**
   * The index of the loaded chunks' events: the chunks' own indexes read as one (chunks are in
   * date order, so their events are too), never the held events indexed again on each arrival.
   */
  private indexLoaded(loaded: readonly number[]): DatasetIndex {
    for (const n of this.chunkIndexes.keys()) if (!this.ready.has(n)) this.chunkIndexes.delete(n);
    const parts = loaded.map((n) => this.indexOf(n));
    const { info } = this;
    const events = parts.length === 1 ? parts[0]!.events : parts.flatMap((p) => p.events);
    const articles = new Map<string, Article>();
    for (const p of parts) for (const a of p.articles) if (!articles.has(a.id)) articles.set(a.id, a);
    // The lanes, and the days the axis spans, are the whole archive's, not the loaded part's.
    const lanes = info.density.lanes;
    const used = new Set<string>();
    for (const row of info.density.byMonth) lanes.forEach((c, i) => { if (Number(row[i + 1]) > 0) used.add(c); });
    return {
      title: info.title, licence: info.licence, dek: info.dek,
      events,
      byId: new MergedMap(parts.map((p) => p.byId)),
      articles: [...articles.values()],
      articleById: new MergedMap(parts.map((p) => p.articleById)),
      // An article quoted in two chunks: its passages from both, in reading order.
      passagesByArticle: new MergedMap(parts.map((p) => p.passagesByArticle), (lists) => (lists.length === 1 ? lists[0]! : lists.flat().sort(
        (a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end,
      ))),
      categories: lanes.filter((c) => used.has(c)),
      first: info.first,
      last: info.last,
    };
  }
}

/**
 * The archive's key events as events the timeline can draw before their chunks load: what the
 * index says of them (day, bounds and how the day is known, title, lane). Their sources come with
 * their chunk: selecting one loads it.
 */
export function keyEventsOf(info: ArchiveIndex): TimelineEvent[] {
  return info.key.map(({ chunk: _chunk, ...stub }) => ({
    ...stub, key: true, summary: stub.title, quotes: [],
    dateEvidence: { kind: 'undated', article: '', placement: '', resolved: stub.latest ?? stub.date },
  }) as unknown as TimelineEvent);
}

/** The density rows of an archive as typed rows (the index is checked for shape, not for each cell). */
export function densityRows(rows: ReadonlyArray<readonly unknown[]>): DensityRow[] {
  return rows as unknown as DensityRow[];
}
