/**
 * The page's Content-Security-Policy, set by the build in index.html's <meta> (vite.config.ts).
 * Only our own scripts, styles and workers, no eval, Trusted Types. The page creates one Trusted
 * Types policy, `timeline-worker` (src/features/search/startSearchWorker.ts), which lets through
 * one script URL, our own search worker's, and throws for any other: every other sink stays shut.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types timeline-worker',
].join('; ');
