/**
 * Writes a file all at once: to a temporary file beside it, then a rename,
 * so that a reader (or a failed run) never sees half of it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes `content` to `file` atomically, creating its folder if needed. */
export function writeAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
