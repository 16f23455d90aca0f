/**
 * Finds the Chromium that the browser tests, benchmarks and screenshots drive:
 * CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a Chromium that
 * Playwright installed. Where there is none on a Debian or Ubuntu machine and
 * we are root, installs Debian's `chromium` package and says so; elsewhere
 * stops at once with the command that installs one.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const file = chromium.executablePath();
    return file && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The path of a usable Chromium, or null. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return playwrightChromium();
}

/**
 * The Chromium for the browser tests: CHROMIUM_PATH when set, else Debian's headless shell
 * (`chromium-headless-shell`, the same Blink without the browser's own UI: about half the CPU per
 * page, which is what Playwright itself runs headless tests on), else findChromium().
 */
export function findTestChromium() {
  if (!process.env.CHROMIUM_PATH && fs.existsSync('/usr/bin/chromium-headless-shell')) return '/usr/bin/chromium-headless-shell';
  return findChromium();
}

/** Finds a Chromium, installing Debian's where we can; exits with instructions where we cannot. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const debian = fs.existsSync('/etc/debian_version');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (debian && root) {
    console.log('No Chromium found: installing Debian’s chromium package (apt-get install -y chromium)…');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      : update;
    if (install.status === 0 && fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    console.error('Installing chromium with apt-get failed (see above).');
  }
  console.error([
    'The browser tests need Chromium, and none was found.',
    debian ? 'Install it with:  sudo apt-get install -y chromium' : 'Install Chromium, then point the tests at it:  CHROMIUM_PATH=/path/to/chromium npm test',
  ].join('\n'));
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
