/**
 * A screen-reader walkthrough, as a test: a participant joins, reads the current activity, writes
 * a note and votes, finding every control only by its role and accessible name in Chromium's
 * accessibility tree (Playwright's role locators and ARIA snapshots). At every step the phone's
 * tree is checked for controls without a name; one such control fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { voteActivity } from '../helpers/vote-fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration, waitForPath } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP, PHONE, sharedJoinWays, type LiveWorkshop } from './helpers/live';

const CONTROL_ROLES = ['button', 'link', 'textbox', 'searchbox', 'checkbox', 'radio', 'combobox', 'listbox', 'option', 'slider', 'spinbutton', 'switch', 'tab', 'menuitem'];
const STATEMENT = 'Benefit letters are easy to read';

/** Lines of an ARIA snapshot that are controls without a name (`- button` rather than `- button "Save"`). */
export function unnamedControls(snapshot: string): string[] {
	const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(\\s*\\[[^\\]]*\\])*\\s*(:.*)?$`);
	return snapshot.split('\n').filter((line) => unnamed.test(line));
}

describe('a participant using only roles and names', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let facilitator: Page;
	let phone: Page;

	/** Fails when any control on the phone has no accessible name; also runs axe. */
	async function everyControlNamed(step: string): Promise<void> {
		const tree = await phone.locator('body').ariaSnapshot();
		expect(unnamedControls(tree), `${step}:\n${tree}`).toEqual([]);
		await expectNoAxeViolations(phone, step);
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Accessible letters', [{ title: 'Barriers you met', type: 'brainstorm', anonymity: 'anonymous' }]);
		const fx = new Fixtures(server.database);
		try {
			await voteActivity(fx.db, live.workshopId, 'Do you agree?', { position: 1, statements: [STATEMENT], status: 'open' });
		} finally {
			await fx.close();
		}
		facilitator = await devices.open(LAPTOP, live.facilitatorToken);
		phone = await devices.open(PHONE);
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('the check can fail: a control without a name is found', () => {
		expect(unnamedControls('- main:\n  - button\n  - button "Save"\n  - textbox [disabled]\n  - link "Home":\n    - /url: /')).toEqual(['  - button', '  - textbox [disabled]']);
	});

	it('joins by role and name', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/people`);
		const { link } = await sharedJoinWays(facilitator);
		await phone.goto(link);
		await waitForHydration(phone);
		await everyControlNamed('join form');
		await phone.getByRole('checkbox', { name: 'Stay anonymous (give no name)' }).check();
		await phone.getByRole('group', { name: 'Which group are you part of?' }).getByRole('radio', { name: 'Resident' }).check();
		await Promise.all([waitForPath(phone, `/w/${live.workshopId}`), phone.getByRole('button', { name: 'Join the workshop' }).click()]);
		await waitForHydration(phone);
		await everyControlNamed('waiting for the workshop');
	});

	it('reads the current activity and writes a note', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await phone.getByRole('heading', { name: 'Barriers you met' }).waitFor();
		await everyControlNamed('brainstorm');
		await phone.getByRole('textbox', { name: 'Your note', exact: true }).fill('The letters use words nobody knows');
		await phone.getByRole('button', { name: 'Add note' }).click();
		await phone.getByRole('listitem').filter({ hasText: 'The letters use words nobody knows' }).first().waitFor();
		await everyControlNamed('note written');
	});

	it('votes by role and name', async () => {
		await facilitator.getByRole('button', { name: /^Next/ }).first().click();
		await phone.getByRole('heading', { name: 'Do you agree?' }).waitFor();
		await everyControlNamed('vote');
		const card = phone.getByRole('group', { name: STATEMENT });
		await card.getByRole('radio', { name: 'Agree', exact: true }).check();
		await phone.getByRole('button', { name: new RegExp(`^Save my vote\\W+${STATEMENT}$`) }).click();
		await phone.getByText('Your vote is saved — you can change it until the vote closes.').first().waitFor();
		await everyControlNamed('voted');
		expect(devices.pageErrors).toEqual([]);
	});
});
