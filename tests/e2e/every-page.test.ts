/**
 * Every page a signed-in facilitator can reach from the demo by following links, at 320 CSS px
 * (the width WCAG 1.4.10 asks for, and what 400% zoom of a 1280 px window gives): no horizontal
 * scrolling, no axe violation. The crawl follows same-site links from the home page, so new pages
 * are covered without listing them here; downloads and sign-out are skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { signIn, waitForPath } from './helpers/app';

const SKIP = /\/(signout|sync)\b|\.(csv|json|docx|svg|png)(\?|$)|\/export\b|\/report\.docx/;
/** Enough for every kind of page in the demo, not every entry of every list. */
const MAX_PAGES = 70;

/** Collapses ids in a path so one page of each kind is visited: /orgs/abc/cycles/def → /orgs/*\/cycles/*. */
const shapeOf = (path: string) => path.replace(/\/[a-z2-7]{24,32}(?=\/|$)/g, '/*');

describe('every page of the demo at 320 px', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ env: { RIGHTSBOARD_DEMO: '1' } }), launchBrowser()]);
		context = await browser.newContext({ viewport: { width: 320, height: 640 } });
		page = await context.newPage();
	});

	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('reflows without horizontal scrolling and passes axe on every reachable page', async () => {
		const [, email, password] = /Demo facilitator: (\S+) \/ (\S+)/.exec(server.output())!;
		await page.goto(server.url);
		await waitForPath(page, '/signin');
		await signIn(page, email!, password!);

		const queue = ['/'];
		const seenShapes = new Set<string>();
		const visited: string[] = [];
		const problems: string[] = [];
		while (queue.length > 0 && visited.length < MAX_PAGES) {
			const path = queue.shift()!;
			if (seenShapes.has(shapeOf(path))) continue;
			seenShapes.add(shapeOf(path));
			const response = await page.goto(server.url + path);
			await page.waitForLoadState('networkidle');
			visited.push(path);
			if (!response || response.status() >= 400) {
				problems.push(`${path}: HTTP ${response?.status()}`);
				continue;
			}
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			if (overflow > 1) problems.push(`${path}: scrolls sideways by ${overflow} px at 320 px`);
			try {
				// The projector theme promises AAA contrast, readable from the back of a room.
				await expectNoAxeViolations(page, path, { aaa: path.endsWith('/projector') });
				if (path.endsWith('/projector')) {
					await page.getByRole('button', { name: 'High contrast' }).click();
					await expectNoAxeViolations(page, `${path} (high contrast)`, { aaa: true });
				}
			} catch (e) {
				problems.push((e as Error).message);
			}
			const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
			for (const href of links) {
				const url = new URL(href);
				if (url.origin !== server.origin || SKIP.test(url.pathname)) continue;
				const next = url.pathname + url.search;
				if (!seenShapes.has(shapeOf(next)) && !queue.includes(next)) queue.push(next);
			}
		}
		expect(problems).toEqual([]);
		// The demo has an organisation, an assessment, a workshop with its console and a register.
		expect(visited.length).toBeGreaterThan(15);
		for (const shape of ['/orgs/*', '/workshops/*', '/workshops/*/console', '/orgs/*/register']) expect([...seenShapes]).toContain(shape);
	});
});
