// axe-core in the page, for the accessibility checks of issue 11 (layout, cookies and SSO dialogs). The page's CSP
// (script-src 'self') refuses an injected <script> (addScriptTag), so the library's source is evaluated through
// the DevTools protocol instead, which CSP does not govern.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

let axeSource: string | undefined;

/** The violations axe-core finds in the whole page, or only inside the element `selector` matches, one line each. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  axeSource ??= await readFile(require.resolve('axe-core'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    type Result = { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> };
    const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<Result> } }).axe;
    const context = sel ? document.querySelector(sel) : document;
    if (!context) return [`no element matches ${sel}`];
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
  }, selector);
}
