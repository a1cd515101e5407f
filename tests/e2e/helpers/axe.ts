/**
 * Accessibility check with axe-core injected into the page (the @axe-core/playwright release that
 * matches axe-core 4.14 needs Node 22). Fails listing every violation with its nodes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe on the page as it is now and throws when it finds WCAG 2.0–2.2 A/AA violations.
 * `aaa: true` adds the AAA rules (7:1 contrast among them), as promised for the projector theme.
 */
export async function expectNoAxeViolations(page: Page, label = page.url(), options: { aaa?: boolean } = {}): Promise<void> {
	const injected = await page.evaluate(() => 'axe' in window);
	if (!injected) await page.addScriptTag({ content: AXE_SOURCE });
	const tags = options.aaa ? [...WCAG_TAGS, 'wcag2aaa'] : WCAG_TAGS;
	const violations = (await page.evaluate(async (values) => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
		return result.violations;
	}, tags)) as AxeViolation[];
	if (violations.length === 0) return;
	const report = violations
		.map((v) => {
			const nodes = v.nodes.map((n) => `      ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n');
			return `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
		})
		.join('\n');
	throw new Error(`axe found ${violations.length} accessibility violation(s) on ${label}:\n${report}`);
}
