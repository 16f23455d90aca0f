/**
 * date-fns `format` of a UTC instant, remembered: the axis labels the same few days on every
 * frame of a zoom or a pan, and each `format` call builds a date and parses its pattern again.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';

const MAX_KEPT = 4096;
const kept = new Map<string, string>();

/** `format(new UTCDate(ms), pattern)`, from a bounded cache. */
export function formatUtc(ms: number, pattern: string): string {
  const key = `${pattern}\u0000${ms}`;
  let text = kept.get(key);
  if (text === undefined) {
    text = format(new UTCDate(ms), pattern);
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, text);
  }
  return text;
}
