/**
 * Preparing a workshop in a real browser against the real server: details, an agenda built,
 * reordered by keyboard, edited and trimmed (with a confirmation), then copied as a template.
 * Every state is checked with axe-core (WCAG 2.0–2.2 A and AA).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { addAccount } from './helpers/accounts';
import { asc, eq } from 'drizzle-orm';
import { Fixtures } from '../helpers/fixtures';
import { organisation, workshop as workshopTable } from '../../src/lib/server/db/schema';
import { completeSetup, makeAccount, signIn, snapshot, waitForHydration, waitForPath } from './helpers/app';

describe('a facilitator preparing a workshop', () => {
	let server: RunningServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	const pageErrors: string[] = [];

	async function newPage(): Promise<Page> {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		contexts.push(context);
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		return page;
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	});

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	/** The agenda's activity titles, in order. */
	async function agendaTitles(page: Page): Promise<string[]> {
		return page.locator('ol.agenda h3').allTextContents();
	}

	/** Waits until the element matching `selector` has focus (focus moves just after the page updates). */
	async function expectFocusOn(page: Page, selector: string): Promise<void> {
		try {
			await page.waitForFunction((sel) => document.activeElement?.matches(sel) ?? false, selector, { timeout: 5_000 });
		} catch (error) {
			const actual = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
			throw new Error(`focus is not on ${selector} but on ${actual}`, { cause: error });
		}
	}

	async function addActivity(page: Page, activity: { type: string; title: string; minutes: string; anonymity: string }) {
		const form = page.locator('form[action="?/add"]');
		await form.getByLabel('Type').selectOption({ label: activity.type });
		await form.getByLabel('Title', { exact: true }).fill(activity.title);
		await form.getByLabel('Prompt (optional)').fill(`Prompt for ${activity.title}`);
		await form.getByLabel('Planned minutes').fill(activity.minutes);
		await form.getByRole('radio', { name: activity.anonymity, exact: true }).check();
		const count = await page.locator('ol.agenda > li').count();
		await form.getByRole('button', { name: 'Add activity' }).click();
		await page.locator('ol.agenda > li').nth(count).waitFor();
		await page.getByRole('status').filter({ hasText: `“${activity.title}” added as activity ${count + 1}.` }).waitFor();
	}

	it('sets the details, builds, reorders, edits and trims the agenda, and copies it as a template', async () => {
		const account = makeAccount();
		const page = await newPage();
		await page.goto(server.url);
		await waitForPath(page, '/setup');
		await completeSetup(page, account);
		await Promise.all([waitForPath(page, /^\/orgs\//), page.getByRole('link', { name: account.organisation }).click()]);
		await page.getByLabel('Workshop title').fill('Housing rights');
		await Promise.all([waitForPath(page, /^\/workshops\/[a-z2-7]+$/), page.getByRole('button', { name: 'Create workshop' }).click()]);
		const boardPath = new URL(page.url()).pathname;

		// From the board's header to the preparation page: empty agenda, default role groups.
		await Promise.all([waitForPath(page, `${boardPath}/prepare`), page.getByRole('link', { name: 'Prepare workshop' }).click()]);
		await waitForHydration(page);
		await page.getByText('The agenda is empty.').waitFor();
		await expect(page.getByLabel('Role groups', { exact: true }).inputValue()).resolves.toContain('Civil servant: front-line service');
		await expectNoAxeViolations(page, 'prepare (new workshop)');
		await snapshot(page, 'prepare-empty-360');

		// Details: a refused save keeps what was typed and focuses the field to fix.
		await page.getByLabel('Date (optional)').fill('2025-06-30');
		await page.getByLabel('Purpose (optional)').fill('Validate the housing findings with civil society.');
		await page.getByLabel('Role groups', { exact: true }).fill('Civil servant\nCivil society organisation\ncivil servant');
		await page.getByRole('button', { name: 'Save details' }).click();
		await page.getByText('Each role group can be listed only once.').waitFor();
		await expectFocusOn(page, '#details-role-groups');
		await expectNoAxeViolations(page, 'prepare (details refused)');
		await page.getByLabel('Role groups', { exact: true }).fill('Civil servant\nCivil society organisation\nResident');
		// The boxes follow the text as it is typed.
		await page.getByRole('checkbox', { name: 'Resident' }).check();
		// Custom labels start as "Others"; the facilitator says which side they are on.
		await expect(page.getByRole('combobox', { name: 'Civil servant', exact: true }).inputValue()).resolves.toBe('other');
		await page.getByRole('combobox', { name: 'Civil servant', exact: true }).selectOption({ label: 'Civil servants' });
		await page.getByRole('combobox', { name: 'Resident', exact: true }).selectOption({ label: 'Civil society' });
		await page.getByRole('button', { name: 'Save details' }).click();
		await page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
		await page.reload();
		await expect(page.getByLabel('Date (optional)').inputValue()).resolves.toBe('2025-06-30');
		await expect(page.getByRole('checkbox', { name: 'Resident' }).isChecked()).resolves.toBe(true);
		await expect(page.getByRole('checkbox', { name: 'Civil servant' }).isChecked()).resolves.toBe(false);
		await expect(page.getByRole('combobox', { name: 'Civil servant', exact: true }).inputValue()).resolves.toBe('civil_servants');
		await expect(page.getByRole('combobox', { name: 'Resident', exact: true }).inputValue()).resolves.toBe('civil_society');
		await expect(page.getByRole('combobox', { name: 'Civil society organisation', exact: true }).inputValue()).resolves.toBe('civil_society');

		// Three activities; the add form is blank again after each, focus back on its first field.
		await waitForHydration(page);
		await addActivity(page, { type: 'Orientation', title: 'Welcome and ground rules', minutes: '10', anonymity: 'Named' });
		await expectFocusOn(page, '#add-type');
		await expect(page.locator('#add-title').inputValue()).resolves.toBe('');
		await addActivity(page, { type: 'Brainstorm', title: 'Barriers you have seen', minutes: '20', anonymity: 'Anonymous' });
		await addActivity(page, { type: 'Discussion', title: 'What would help', minutes: '30', anonymity: 'Role group only' });
		await expect(agendaTitles(page)).resolves.toEqual(['Welcome and ground rules', 'Barriers you have seen', 'What would help']);
		await page.getByText('Brainstorm · 20 min · Anonymous').waitFor();
		await page.getByText('3 activities, 60 min planned in total.').waitFor();
		await expectNoAxeViolations(page, 'prepare (three activities)');
		await snapshot(page, 'prepare-agenda-360');

		// Keyboard reordering: focus stays on the moved activity's button, until it reaches the top.
		await page.getByRole('button', { name: 'Move up: What would help' }).focus();
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: '“What would help” is now activity 2 of 3.' }).waitFor();
		await expectFocusOn(page, '[aria-label="Move up: What would help"]');
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: '“What would help” is now activity 1 of 3.' }).waitFor();
		await expectFocusOn(page, '[aria-label="Move down: What would help"]');
		await expect(agendaTitles(page)).resolves.toEqual(['What would help', 'Welcome and ground rules', 'Barriers you have seen']);
		await expectNoAxeViolations(page, 'prepare (reordered)');

		// Edit on its own page; saving returns to the agenda with focus on that activity.
		await Promise.all([
			waitForPath(page, /\/prepare\/[a-z2-7]+$/),
			page.getByRole('link', { name: 'Edit: Barriers you have seen' }).click()
		]);
		await waitForHydration(page);
		await expectNoAxeViolations(page, 'edit activity');
		// Only spaces: past the browser's own check, refused by the server's.
		await page.getByLabel('Title', { exact: true }).fill('   ');
		await page.getByRole('button', { name: 'Save activity' }).click();
		await page.getByText('Please give the activity a title.').waitFor();
		await expectFocusOn(page, '#edit-title');
		await expectNoAxeViolations(page, 'edit activity (refused)');
		await page.getByLabel('Title', { exact: true }).fill('Barriers in housing');
		await page.getByLabel('Planned minutes').fill('25');
		await Promise.all([waitForPath(page, `${boardPath}/prepare`), page.getByRole('button', { name: 'Save activity' }).click()]);
		await page.getByRole('status').filter({ hasText: '“Barriers in housing” saved.' }).waitFor();
		await page.getByText('Brainstorm · 25 min · Anonymous').waitFor();
		await expectFocusOn(page, '[aria-label="Edit: Barriers in housing"]');

		// Remove with a confirmation that says what goes; "Keep it" changes nothing.
		await page.getByRole('button', { name: 'Remove: Welcome and ground rules' }).click();
		const dialog = page.getByRole('dialog', { name: 'Remove “Welcome and ground rules”?' });
		await dialog.waitFor();
		await dialog.getByText('Orientation, 10 min').waitFor();
		await expectNoAxeViolations(page, 'prepare (confirm removal)');
		await snapshot(page, 'prepare-remove-360');
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		await expectFocusOn(page, '[aria-label="Remove: Welcome and ground rules"]');
		await page.keyboard.press('Enter');
		await dialog.getByRole('button', { name: 'Remove activity' }).click();
		await page.getByRole('status').filter({ hasText: '“Welcome and ground rules” removed from the agenda.' }).waitFor();
		await expect(agendaTitles(page)).resolves.toEqual(['What would help', 'Barriers in housing']);
		await expectFocusOn(page, '#agenda-heading');
		await expectNoAxeViolations(page, 'prepare (after removal)');

		// Use as a template: the copy has the agenda and details, and its own preparation page.
		await page.getByLabel('Title of the new workshop').fill('Housing rights, second round');
		await Promise.all([
			page.waitForURL((url) => /^\/workshops\/[a-z2-7]+\/prepare$/.test(url.pathname) && !url.pathname.startsWith(boardPath)),
			page.getByRole('button', { name: 'Create copy' }).click()
		]);
		await page.getByRole('heading', { level: 1, name: 'Prepare “Housing rights, second round”' }).waitFor();
		await expect(agendaTitles(page)).resolves.toEqual(['What would help', 'Barriers in housing']);
		await expect(page.getByLabel('Date (optional)').inputValue()).resolves.toBe('');
		await expect(page.getByLabel('Purpose (optional)').inputValue()).resolves.toBe('Validate the housing findings with civil society.');
		await expectNoAxeViolations(page, 'prepare (template copy)');
		await page.setViewportSize({ width: 1280, height: 800 });
		await snapshot(page, 'prepare-copy-1280');

		expect(pageErrors).toEqual([]);
	});

	it('answers 404 to a member of the organisation, who still sees the board without a way to prepare it', async () => {
		const workshop = await firstWorkshop(server.database);
		const member = await addAccount(server.database, { organisation: workshop.organisation, role: 'member' });
		const page = await newPage();
		await page.goto(`${server.url}/signin`);
		await signIn(page, member.email, member.password);
		const response = await page.goto(`${server.url}/workshops/${workshop.id}/prepare`);
		expect(response?.status()).toBe(404);
		await page.goto(`${server.url}/workshops/${workshop.id}`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await page.getByRole('link', { name: 'Prepare workshop' }).count()).toBe(0);
	});
});

/** The oldest workshop in the server's database and its organisation's name. */
async function firstWorkshop(database: string): Promise<{ id: string; organisation: string }> {
	const fx = new Fixtures(database);
	try {
		const [first] = await fx.db
			.select({ id: workshopTable.id, organisation: organisation.name })
			.from(workshopTable)
			.innerJoin(organisation, eq(organisation.id, workshopTable.organisationId))
			.orderBy(asc(workshopTable.createdAt))
			.limit(1);
		return first!;
	} finally {
		await fx.close();
	}
}
