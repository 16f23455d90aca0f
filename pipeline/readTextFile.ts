/**
 * Reading one content file safely, for readInputs and readArticle: only a
 * regular file (no symbolic link) inside the content folder, within a size
 * limit, as UTF-8; a problem is one message that names the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZodError } from 'zod';
import { valueAt } from './eventsSource.ts';

/** Size limits: far above any real article or events file, far below what would exhaust memory. */
export const LIMITS = { articleBytes: 2 * 1024 * 1024, htmlBytes: 8 * 1024 * 1024, metaBytes: 256 * 1024, eventsBytes: 8 * 1024 * 1024, yamlAliases: 100 };

/** Formats a zod error as one message per issue: `file: item → field: message (got …)`. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'a mapping of fields', array: 'a list', null: 'null',
};

export function describeIssues(file: string, item: string, error: ZodError, value: unknown): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(whole item)';
    const got = valueAt(value, issue.path);
    const shown = got === undefined ? 'nothing' : JSON.stringify(got);
    // zod's own words for a missing or mistyped field ("Invalid input: expected string, received
    // undefined") become plain ones: "required", "expected a string".
    const message = issue.code === 'invalid_type' ? (got === undefined ? 'required' : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`) : issue.message;
    return `${file}: ${item} → ${field}: ${message}, got ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
  });
}



/**
 * Reads `file` as UTF-8 text: only a regular file (no symbolic link) inside `within`, at most `limit`
 * bytes, valid UTF-8 (a byte-order mark is kept, so byte offsets stay those of the file).
 * Returns null after pushing one error that names the file.
 */
export function readText(file: string, errors: string[], root: string, within: string | null, limit: number): string | null {
  const name = path.relative(root, file) || file;
  const fail = (why: string) => (errors.push(`${name}: ${why}`), null);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (stat.isSymbolicLink()) return fail('is a symbolic link; the pipeline reads only regular files inside the content folder');
  if (!stat.isFile()) return fail('is not a regular file');
  if (within !== null) {
    const inside = path.relative(fs.realpathSync(within), fs.realpathSync(file));
    if (inside.startsWith('..') || path.isAbsolute(inside)) return fail(`is outside the content folder ${path.relative(root, within) || within}`);
  }
  if (stat.size > limit) return fail(`is ${stat.size} bytes, over the limit of ${limit} bytes`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    return fail(`line ${lineOf(bytes, bad)}: not UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save the file as UTF-8`);
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i += 1; continue; }
    // Lengths and the allowed range of the second byte (no overlongs, no surrogates, nothing past U+10FFFF).
    const [n, lo, hi] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
        : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (n === 0) return i;
    if (i + 1 >= bytes.length || bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** The 1-based line of byte `offset`, counting LF, CRLF and lone CR as line ends. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** Any line ending as LF, for the parsers (article text keeps its own, for byte offsets). */
export const toLf = (text: string) => text.replace(/\r\n?/g, '\n');

/** Parses JSON; a syntax error is pushed as one message naming the file. */
export function parseJson(text: string, file: string, errors: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push(`${file}: not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}
