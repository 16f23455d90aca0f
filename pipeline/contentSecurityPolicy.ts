/** The page's Content-Security-Policy, set by the build in index.html's <meta> (vite.config.ts). */
/** Only our own scripts and styles, no eval, Trusted Types. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');
