/**
 * A coordinator in a real browser: from the organisation page to the assessment page (empty
 * states), copies the RIGHTSCITIES pilot framework, rewords, hides and adds items, creates a
 * cycle, and tries to import a broken file. Every state is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { expectNoAxeViolations } from './helpers/axe';
import { launchBrowser } from './helpers/browser';
import { completeSetup, makeAccount, snapshot, waitForHydration, waitForPath } from './helpers/app';

describe('a coordinator adapting a framework', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	});

	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

	/** Waits until the focused element matches `selector` and has this accessible text. */
	async function expectFocusOn(page: Page, selector: string, text: string): Promise<void> {
		try {
			await page.waitForFunction(([sel, t]) => (document.activeElement?.matches(sel!) && document.activeElement.textContent?.trim() === t) ?? false, [selector, text], { timeout: 5_000 });
		} catch (error) {
			const actual = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
			throw new Error(`focus is not on ${selector} "${text}" but on ${actual}`, { cause: error });
		}
	}

	it('copies the pilot framework, adapts it, creates a cycle and refuses a broken import', async () => {
		const account = makeAccount();
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(server.url);
		await waitForPath(page, '/setup');
		await completeSetup(page, account);
		await Promise.all([waitForPath(page, /^\/orgs\//), page.getByRole('link', { name: account.organisation }).click()]);
		await Promise.all([waitForPath(page, /\/assessment$/), page.getByRole('link', { name: 'Assessment cycles and frameworks' }).click()]);
		await waitForHydration(page);
		await page.getByText('No framework yet: start from the RIGHTSCITIES pilot framework or import one.').waitFor();
		await page.getByText('No assessment cycle yet.').waitFor();
		await expectNoAxeViolations(page, 'assessment (empty)');
		await snapshot(page, 'assessment-empty-360');

		// Copy the built-in framework: the editor opens with the whole tree.
		await Promise.all([waitForPath(page, /\/frameworks\/[a-z2-7]+$/), page.getByRole('button', { name: 'Copy the RIGHTSCITIES pilot framework' }).click()]);
		await waitForHydration(page);
		await status(page, '“RIGHTSCITIES pilot framework” was added.');
		await page.getByRole('heading', { level: 3, name: 'Section P2.H Housing', exact: true }).waitFor();
		await expect(page.locator('ol.items > li').count()).resolves.toBe(27);
		await expectNoAxeViolations(page, 'framework editor');
		await snapshot(page, 'framework-editor-360');

		// Reword an item on its own page: the original stays beside the new wording.
		await Promise.all([waitForPath(page, /\/nodes\/[a-z2-7]+$/), page.getByRole('link', { name: 'Edit P1.T.2' }).click()]);
		await waitForHydration(page);
		await expectNoAxeViolations(page, 'edit item');
		await page.getByLabel('Local wording').fill('Human rights in the city budget');
		await page.getByLabel('Plain-language explanation').fill('Money follows rights.');
		await Promise.all([waitForPath(page, /\/frameworks\/[a-z2-7]+$/), page.getByRole('button', { name: 'Save' }).click()]);
		await status(page, 'P1.T.2 was saved.');
		const item = page.locator('li', { hasText: 'Human rights in the city budget' });
		await item.getByText('Original wording: Human rights in the general budget.').waitFor();

		// Hide one, then add one at the end of its section.
		await waitForHydration(page);
		await page.getByRole('button', { name: 'Hide P2.W.4', exact: true }).focus();
		await page.keyboard.press('Enter');
		await status(page, 'P2.W.4 is hidden.');
		await expectFocusOn(page, 'button[data-action="unhide"]', 'Show again P2.W.4');
		// Reordering by keyboard keeps focus on the moved item's buttons, even at the bottom.
		await page.getByRole('button', { name: 'Move down P1.T.2' }).focus();
		await page.keyboard.press('Enter');
		await status(page, 'P1.T.2 was moved.');
		await expectFocusOn(page, 'button[data-action="up"]', 'Move up P1.T.2');
		await expect(page.locator('li', { hasText: 'P1.T.' }).locator('.code').allTextContents()).resolves.toEqual(['P1.T.1', 'P1.T.3', 'P1.T.2']);
		const add = page.locator('form[action="?/addItem"]');
		await add.getByLabel('Section').selectOption({ label: 'P1.T Tools' });
		await add.getByLabel('Wording').fill('Human rights training for city staff');
		await add.getByRole('button', { name: 'Add item' }).click();
		await status(page, 'P1.T.4 was added.');
		await page.locator('li', { hasText: 'P1.T.4 Human rights training for city staff' }).waitFor();
		await expectNoAxeViolations(page, 'framework editor (adapted)');

		// A cycle on it: a refused period first, then saved.
		await Promise.all([waitForPath(page, /\/assessment$/), page.getByRole('link', { name: 'Assessment cycles and frameworks' }).click()]);
		await Promise.all([waitForPath(page, /\/cycles\/new$/), page.getByRole('link', { name: 'Create a cycle' }).click()]);
		await waitForHydration(page);
		await page.getByLabel('Name').fill('Self-assessment 2025');
		await page.getByLabel('Period start (optional)').fill('2025-06-01');
		await page.getByLabel('Period end (optional)').fill('2025-01-31');
		await page.getByLabel('Purpose (optional)').fill('Find out where we stand, with civil society.');
		await page.getByRole('button', { name: 'Create cycle' }).click();
		await page.getByText('The end must be on or after the start.').waitFor();
		await expectNoAxeViolations(page, 'new cycle (refused)');
		await page.getByLabel('Period end (optional)').fill('2025-12-31');
		await page.getByRole('radio', { name: 'Our own labels' }).check();
		await page.getByLabel('Labels, one per line').fill('In place\nPartly\nNot in place');
		await Promise.all([waitForPath(page, /\/settings$/), page.getByRole('button', { name: 'Create cycle' }).click()]);
		await status(page, 'The cycle “Self-assessment 2025” was created.');
		await expectNoAxeViolations(page, 'cycle settings');

		// A broken file imports nothing and says what is wrong.
		await Promise.all([waitForPath(page, /\/assessment$/), page.getByRole('link', { name: 'Assessment cycles and frameworks' }).click()]);
		await waitForHydration(page);
		await page.getByRole('link', { name: 'Self-assessment 2025' }).waitFor();
		const broken = JSON.stringify({ format: 'rightsboard-framework', version: 1, name: 'Broken', nodes: [{ code: 'A', kind: 'item', parent: null, original: 'x' }] });
		await page.getByLabel('Framework file (JSON)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
		await page.getByRole('button', { name: 'Import' }).click();
		await page.getByText('Nothing was imported: the file has 1 problem.').waitFor();
		await page.getByText('Node 1 (A), field “parent”: A section needs a part, and an item a section, as parent.').waitFor();
		await expect(page.locator('main .link-list a', { hasText: 'Broken' }).count()).resolves.toBe(0);
		await expectNoAxeViolations(page, 'assessment (import refused)');
		await snapshot(page, 'assessment-import-refused-360');
		expect(pageErrors).toEqual([]);
	});
});
