/**
 * `--help` for the project's scripts: prints the opening comment of the
 * script that calls it (its usage) and exits, so the help never drifts from
 * the header that documents the script.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of the first block comment of the module at `moduleUrl`, without its stars. */
export function headerOf(moduleUrl) {
  const src = fs.readFileSync(fileURLToPath(moduleUrl), 'utf8');
  const start = src.indexOf('/**');
  return src.slice(start + 3, src.indexOf('*/', start)).replace(/^ \* ?/gm, '').trim();
}

/** Prints the header of `moduleUrl` and exits 0 when the arguments ask for help (-h, --help). */
export function exitWithHelpIfAsked(moduleUrl, argv = process.argv.slice(2)) {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  console.log(headerOf(moduleUrl));
  process.exit(0);
}

/** Stops with one line naming an argument the script does not take. */
export function refuseUnknownArguments(known, argv = process.argv.slice(2)) {
  const unknown = argv.find((a) => !known.includes(a));
  if (unknown === undefined) return;
  console.error(`unknown argument ${unknown} (see --help)`);
  process.exit(2);
}
