import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices: every rule axe enables by default) on the page
 * as it is now, once its animations have settled (a fading dialog would fail contrast halfway).
 * Returns the violations, each with the elements it found, readable in an assertion message.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: { getAnimations(): { playState: string }[] } };
    return document.getAnimations().every((animation) => animation.playState !== 'running');
  });
  // CDP evaluation, which the page's CSP does not govern; axe itself runs no eval.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
    };
    const { document } = globalThis as unknown as { document: unknown };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? '?'}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 6)
        .map(
          (node) => `    ${JSON.stringify(node.target)} ${node.html.slice(0, 160)}\n      ${node.failureSummary ?? ''}`,
        )
        .join('\n'),
  );
}
