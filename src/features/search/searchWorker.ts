/**
 * The search worker (a module worker, its own chunk: startSearchWorker.ts starts it): answers the
 * page's search requests with searchService.ts, off the page's thread, so that a keystroke never
 * waits for a scan of a million titles.
 */
import { createSearchService, type SearchReply, type SearchRequest } from './searchService.ts';

/** What the worker needs of its global scope (the DOM library types `self` as a Window). */
const scope = self as unknown as {
  postMessage(reply: SearchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
  location: { origin: string };
};

/** Resolves after the messages already queued: a port's message is a task behind them. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const handle = createSearchService({
  fetch: (url) => fetch(url),
  post: (reply) => scope.postMessage(reply),
  yieldToEvents,
  now: () => performance.now(),
  origin: scope.location.origin,
  // Off the page's thread a slice only bounds how late a newer query is noticed.
  sliceMs: 16,
});

scope.addEventListener('message', (event) => handle(event.data));
