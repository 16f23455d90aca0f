/**
 * axe-core for the browser tests. The page's CSP (script-src 'self', Trusted
 * Types) blocks an inline <script>, so page.addScriptTag({ content }) would be
 * refused and reported as a CSP violation. page.evaluate runs through the
 * DevTools protocol, which CSP does not govern, so axe is evaluated that way:
 * the page under test keeps its real policy.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0–2.2 A/AA rules plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
};

/** Runs axe on the whole page (target-size switched on explicitly) and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'target-size': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** Violations as lines a reader can act on: rule, impact, help, then each target and why it fails. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}
