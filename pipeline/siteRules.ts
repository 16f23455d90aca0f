/**
 * Per-site cleaning rules as data: `content/sites/<site>.json`, named by an
 * article's metadata (`"site": "<site>"`). Read by readInputs, used by
 * cleanArticle before its general rules. A site file says which lines to drop
 * (with the reason a reader is shown), which lines start the blocks after the
 * story (stop), and how its dateline and byline read. No code per site.
 *
 * Each rule matches one trimmed line, ignoring case and runs of white space,
 * by exactly one of: `line` (the whole line), `startsWith`, or `pattern` (a
 * regular expression, Unicode, case-insensitive).
 */
import { z } from 'zod';

const text = z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'expected words in a string') }).trim().min(1, 'must not be empty');
const FIELDS = 'line, startsWith, pattern';
/** A strict object whose unknown fields are named, with the fields it knows. */
const strict = <T extends z.ZodRawShape>(shape: T, known: string) => z.strictObject(shape, {
  error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; expected ${known}` : undefined),
});

/** Whether `source` compiles as a regular expression with the flags cleanArticle uses. */
function compileError(source: string): string | null {
  try {
    new RegExp(source, 'iu');
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

const pattern = z.string({ error: 'expected a regular expression in a string' }).min(1, 'must not be empty').superRefine((source, ctx) => {
  const error = compileError(source);
  if (error) ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${error})` });
});

const matcher = { line: text.optional(), startsWith: text.optional(), pattern: pattern.optional() };
const exactlyOne = (rule: { line?: string; startsWith?: string; pattern?: string }) =>
  [rule.line, rule.startsWith, rule.pattern].filter((m) => m !== undefined).length === 1;
const ONE_OF = { message: 'expected exactly one of line, startsWith or pattern' };

const dropRule = strict({ ...matcher, reason: text }, `${FIELDS}, reason`).refine(exactlyOne, ONE_OF);
const placeRule = strict(matcher, FIELDS).refine(exactlyOne, ONE_OF);

export const siteRulesSchema = strict({
  /** Who the site is, in words (a publisher's name, or how the page is recognised). */
  name: text,
  /** Lines that are furniture wherever they stand. */
  drop: z.array(dropRule).default([]),
  /** Lines that start the blocks after the story: they and every line after them are removed. */
  stop: z.array(dropRule).default([]),
  /** How the site's dateline reads: a matching line is removed as "dateline". */
  dateline: z.array(placeRule).default([]),
  /** How the site's byline reads: a matching line is removed as "byline". */
  byline: z.array(placeRule).default([]),
}, 'name, drop, stop, dateline, byline');

export type SiteRulesInput = z.infer<typeof siteRulesSchema>;
export type LineRule = { reason: string; test: (line: string) => boolean };
/** A site file compiled for cleanArticle: each rule a test on a trimmed line. */
export type SiteRules = { site: string; name: string; drop: LineRule[]; stop: LineRule[] };

const loose = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function compileRule(rule: { line?: string; startsWith?: string; pattern?: string }, reason: string): LineRule {
  if (rule.line !== undefined) {
    const want = loose(rule.line);
    return { reason, test: (line) => loose(line) === want };
  }
  if (rule.startsWith !== undefined) {
    const want = loose(rule.startsWith);
    return { reason, test: (line) => loose(line).startsWith(want) };
  }
  const re = new RegExp(rule.pattern!, 'iu');
  return { reason, test: (line) => re.test(line.replace(/\s+/g, ' ').trim()) };
}

/** Compiles a checked site file: the dateline and byline rules become drops with those reasons. */
export function compileSiteRules(site: string, input: SiteRulesInput): SiteRules {
  return {
    site,
    name: input.name,
    drop: [
      ...input.dateline.map((r) => compileRule(r, 'dateline')),
      ...input.byline.map((r) => compileRule(r, 'byline')),
      ...input.drop.map((r) => compileRule(r, r.reason)),
    ],
    stop: input.stop.map((r) => compileRule(r, r.reason)),
  };
}
