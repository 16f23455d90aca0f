/**
 * Starts the search worker under the page's Content-Security-Policy (pipeline/contentSecurityPolicy.ts).
 * The policy requires Trusted Types for script URLs, and `new Worker(url)` is such a sink: the one
 * policy the page may create, `timeline-worker`, turns our own worker's URL into a TrustedScriptURL
 * and throws for any other. Vite bundles the worker as its own file (`?worker&url`), so none of it
 * is in the first view's JavaScript.
 */
import workerUrl from './searchWorker.ts?worker&url';

/** The name the CSP's `trusted-types` directive allows. */
export const WORKER_POLICY = 'timeline-worker';

// Trusted Types are not in TypeScript's DOM library yet: what we use of them.
type TrustedScriptUrlPolicy = { createScriptURL(input: string): unknown };
type TrustedTypesFactory = { createPolicy(name: string, rules: { createScriptURL(input: string): string }): TrustedScriptUrlPolicy };

let policy: TrustedScriptUrlPolicy | null = null;

/** Our worker's URL, absolute: the only script URL the policy lets through. */
export function searchWorkerUrl(): string {
  return new URL(workerUrl, document.baseURI).href;
}

/** `url` as the Worker constructor takes it under the policy: refused unless it is our own worker's. */
export function trustedWorkerUrl(url: string): string {
  const check = (input: string) => {
    if (input !== searchWorkerUrl()) throw new TypeError(`${WORKER_POLICY}: refused to start ${input} (only ${searchWorkerUrl()} may run as a worker)`);
    return input;
  };
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return check(url);
  // A policy name may be created once per page (the CSP has no 'allow-duplicates').
  policy ??= factory.createPolicy(WORKER_POLICY, { createScriptURL: check });
  // A TrustedScriptURL, which the Worker constructor takes where its types say string.
  return policy.createScriptURL(url) as string;
}

/** A new search worker (a module worker: Vite serves it as one in dev, and its bundle runs as one). */
export function startSearchWorker(): Worker {
  return new Worker(trustedWorkerUrl(searchWorkerUrl()), { type: 'module', name: 'timeline-search' });
}
