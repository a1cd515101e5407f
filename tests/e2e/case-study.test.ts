/**
 * A case-study activity end to end in real browsers against the real server: the facilitator
 * prepares the case, starts the activity; a phone (375×812) types into a section and marks a
 * passage as disputed; the console and the projector show the text, the disputed passage and
 * the contributing role group. Every view is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { snapshot, waitForHydration } from './helpers/app';
import { createLiveWorkshop, Devices, fillJoinForm, LAPTOP, PROJECTOR, sharedJoinWays, type LiveWorkshop } from './helpers/live';

const PHONE_375 = { width: 375, height: 812 };
const ORIENTATION = 'Welcome';
const CASE_ACTIVITY = 'Case: Maria’s flat';
const CASE_TITLE = 'Housing for a wheelchair user';
const STAFF_TEXT = 'Maria, 34, uses a wheelchair and lives on the fourth floor.';
const PHONE_TEXT = 'A ground-floor flat near her work';
const REASON = 'Her employer may move';
const OWN_RIGHT = 'Local housing act, section 4';
const NOT_READY = 'Case: not prepared';

describe('a case-study activity across facilitator, projector and phone', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let caseActivity: string;
	let facilitator: Page;
	let projector: Page;
	let phone: Page;

	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));
	const section = (page: Page, name: string) => page.locator('section.case-section').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
	const editor = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Rights in housing', [{ title: ORIENTATION, type: 'orientation' }]);
		const fx = new Fixtures(server.database);
		try {
			caseActivity = await fx.activity(live.workshopId, CASE_ACTIVITY, 'case_study', 1, 'role_group');
			await fx.activity(live.workshopId, NOT_READY, 'case_study', 2, 'anonymous');
		} finally {
			await fx.close();
		}
		[facilitator, projector, phone] = await Promise.all([
			devices.open(LAPTOP, live.facilitatorToken),
			devices.open(PROJECTOR, live.facilitatorToken),
			devices.open(PHONE_375)
		]);
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('the facilitator prepares the case: a title, then text in a section and rights at stake', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/prepare/${caseActivity}/case-study`);
		await waitForHydration(facilitator);
		await axe(facilitator, 'prepare: no case yet');
		await facilitator.getByLabel('Case title').fill(CASE_TITLE);
		await facilitator.getByRole('button', { name: 'Create the case' }).click();
		await facilitator.getByRole('heading', { level: 2, name: CASE_TITLE }).waitFor();
		const situation = editor(facilitator, "The person's situation (anonymised)");
		await situation.click();
		await facilitator.keyboard.type(STAFF_TEXT);
		await facilitator.getByLabel('Filter rights').fill('independently');
		await facilitator.getByLabel('CRPD Art. 19 — Living independently and being included in the community').check();
		await facilitator.getByRole('list', { name: 'Chosen rights' }).getByText('CRPD Art. 19', { exact: false }).waitFor();
		// The organisation adds its own right; the chooser offers it at once.
		await facilitator.getByLabel('Right (e.g. “Local housing act, section 4”)').fill(OWN_RIGHT);
		await facilitator.getByRole('button', { name: 'Add right' }).click();
		await facilitator.getByText('Right added to your organisation\'s list.').waitFor();
		await facilitator.getByLabel('Filter rights').fill('housing act');
		await facilitator.getByLabel(`Own list: ${OWN_RIGHT}`).check();
		await facilitator.getByRole('list', { name: 'Chosen rights' }).getByText(OWN_RIGHT).waitFor();
		await axe(facilitator, 'prepare: case with text');
	});

	it('a phone joins; the facilitator starts the case activity on every screen', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/people`);
		const { link } = await sharedJoinWays(facilitator);
		await phone.goto(link);
		await fillJoinForm(phone, live.workshopId, { name: 'Cas', group: 'Civil servant' });

		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('button', { name: 'Next activity' }).click();
		for (const page of [facilitator, projector, phone]) {
			await page.getByRole('heading', { level: 2, name: CASE_TITLE }).waitFor();
			await page.getByText(STAFF_TEXT).waitFor();
		}
		await phone.getByText('Everyone sees your role group beside your cursor and on the sections you edit, never your name.').waitFor();
		await axe(phone, 'phone: case on');
	});

	it('the phone types into a section and marks a passage as disputed, with a reason', async () => {
		const wants = editor(phone, 'What the person wants and needs');
		await wants.click();
		await phone.keyboard.type(PHONE_TEXT);
		await phone.keyboard.press('ControlOrMeta+a');
		const part = section(phone, 'What the person wants and needs');
		await part.getByRole('button', { name: 'Mark as disputed' }).click();
		// A reason is required.
		await part.getByRole('button', { name: 'Mark as disputed' }).last().click();
		await part.getByText('Give a reason, so others know what to discuss.').waitFor();
		await axe(phone, 'phone: dispute reason required');
		await part.getByLabel('Reason (required)').fill(REASON);
		await part.getByRole('button', { name: 'Mark as disputed' }).last().click();
		await part.getByRole('listitem').filter({ hasText: `Disputed: “${PHONE_TEXT}” — ${REASON}` }).waitFor();
		await expect.poll(() => part.locator('mark.disputed').textContent()).toBe(PHONE_TEXT);
		await axe(phone, 'phone: passage disputed');
		await snapshot(phone, 'case-phone-375');
	});

	it('the console and the projector show the text, the disputed passage and the contributing role group', async () => {
		for (const page of [facilitator, projector]) {
			const part = section(page, 'What the person wants and needs');
			await part.getByText(PHONE_TEXT).first().waitFor();
			await part.getByRole('listitem').filter({ hasText: `Disputed: “${PHONE_TEXT}” — ${REASON}` }).waitFor();
			await part.locator('.contributors').getByText('Civil servant', { exact: true }).waitFor();
			await section(page, "The person's situation (anonymised)").locator('.contributors').getByText('Facilitators', { exact: true }).waitFor();
			// The role group is shown, never the participant's name.
			expect(await part.innerText()).not.toContain('Cas ');
		}
		expect(await projector.getByRole('button', { name: /Resolve/ }).count()).toBe(0);
		await axe(facilitator, 'console: case with dispute');
		await axe(projector, 'projector: case with dispute');
		await snapshot(projector, 'case-projector-1920');
	});

	it('the facilitator resolves the dispute and the mark goes everywhere', async () => {
		const part = section(facilitator, 'What the person wants and needs');
		await part.getByRole('button', { name: `Resolve dispute about “${PHONE_TEXT}”` }).click();
		for (const page of [facilitator, projector, phone]) {
			await expect.poll(() => section(page, 'What the person wants and needs').locator('mark.disputed').count()).toBe(0);
			await section(page, 'What the person wants and needs').getByText(PHONE_TEXT).waitFor();
		}
	});

	it('a remote cursor is labelled with the role group the server gave it, never the name', async () => {
		// y-prosemirror draws cursors only in sections with content.
		await editor(phone, 'What the person wants and needs').click();
		const label = section(facilitator, 'What the person wants and needs').locator('.remote-cursor-label');
		await expect.poll(() => label.allTextContents()).toEqual(['Civil servant']);
		await axe(facilitator, 'console: remote cursor');
	});

	it('a case activity whose case was not prepared says so on every screen', async () => {
		await facilitator.getByRole('button', { name: 'Next activity' }).click();
		for (const page of [facilitator, projector, phone]) await page.getByText('The facilitator has not prepared this case yet.').waitFor();
		await axe(phone, 'phone: case not prepared');
		await axe(projector, 'projector: case not prepared');
		expect(devices.pageErrors).toEqual([]);
		expect(axeFindings, axeFindings.join('\n\n')).toEqual([]);
	});
});
