/**
 * Acceptance of "case studies and findings", walked through the UI as people would: a coordinator
 * imports 40 findings from CSV and prepares a workshop (a case study, then a vote on findings);
 * civil servants, civil society and one expert join from phones; two sides co-edit a section of
 * the case; the vote shows a paper-versus-practice gap, results split by side, the expert's group
 * hidden. axe-core checks the import result, the console, the projector and a phone.
 *
 * The expert stays on the "others" side, as the defaults have it: their lone vote hides the
 * "everyone" total (it would give them away), never one of the two sides (see docs/votes.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, snapshot, waitForHydration, waitForPath } from './helpers/app';
import { Devices, everythingOn, fillJoinForm, LAPTOP, PROJECTOR, sharedJoinWays } from './helpers/live';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../docs/examples/findings.csv'));
const PHONE_375 = { width: 375, height: 812 };
const SERVANT = 'Civil servant: policy';
const SOCIETY = 'Civil society organisation';
const EXPERT = 'Expert';
const CASE_ACTIVITY = 'Case: a flat without steps';
const VOTE_ACTIVITY = 'Do these findings hold?';
const CASE_TITLE = 'Housing for a wheelchair user';
const SECTION = 'What the person wants and needs';
const SERVANT_TEXT = 'The housing office has two adapted flats free next spring.';
const SOCIETY_TEXT = 'She needs a ground-floor flat before winter.';
const GAP = 'Departments rarely refer to the Charter when they prepare decisions.';
const FINDINGS = [GAP, 'The city has never sent information to an international monitoring body.', 'A public declaration of the city\'s human rights commitment was adopted in 2019.'];
const PEOPLE = [
	{ name: 'Sam Servant', group: SERVANT, choice: 'Agree' },
	{ name: 'Sia Servant', group: SERVANT, choice: 'Agree' },
	{ name: 'Sol Servant', group: SERVANT, choice: 'Unsure' },
	{ name: 'Cleo Society', group: SOCIETY, choice: 'Disagree' },
	{ name: 'Cato Society', group: SOCIETY, choice: 'Disagree' },
	{ name: 'Cora Society', group: SOCIETY, choice: 'Unsure' },
	{ name: 'Edda Expert', group: EXPERT, choice: 'Agree' }
];
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('acceptance: findings from CSV to a workshop with a case study and a split vote', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let coordinator: Page;
	let projector: Page;
	let phones: Page[];
	let workshopPath: string;
	let orgPath: string;
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));
	const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
	const section = (page: Page) => page.locator('section.case-section').filter({ has: page.getByRole('heading', { level: 3, name: SECTION, exact: true }) });

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		coordinator = await devices.open(LAPTOP);
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('a coordinator copies the built-in framework, creates a cycle and imports 40 findings', async () => {
		const account = makeAccount();
		await coordinator.goto(server.url);
		await waitForPath(coordinator, '/setup');
		await completeSetup(coordinator, account);
		await Promise.all([waitForPath(coordinator, /^\/orgs\//), coordinator.getByRole('link', { name: account.organisation }).click()]);
		orgPath = new URL(coordinator.url()).pathname;
		await Promise.all([waitForPath(coordinator, /\/assessment$/), coordinator.getByRole('link', { name: 'Assessment cycles and frameworks' }).click()]);
		await waitForHydration(coordinator);
		await Promise.all([waitForPath(coordinator, /\/frameworks\/[a-z2-7]+$/), coordinator.getByRole('button', { name: 'Copy the RIGHTSCITIES pilot framework' }).click()]);
		await status(coordinator, '“RIGHTSCITIES pilot framework” was added.');
		await Promise.all([waitForPath(coordinator, /\/assessment$/), coordinator.getByRole('link', { name: 'Assessment cycles and frameworks' }).click()]);
		await Promise.all([waitForPath(coordinator, /\/cycles\/new$/), coordinator.getByRole('link', { name: 'Create a cycle' }).click()]);
		await waitForHydration(coordinator);
		await coordinator.getByLabel('Name').fill('Self-assessment 2026');
		await Promise.all([waitForPath(coordinator, /\/settings$/), coordinator.getByRole('button', { name: 'Create cycle' }).click()]);
		const cyclePath = new URL(coordinator.url()).pathname.replace(/\/settings$/, '');
		await coordinator.goto(`${server.url}${cyclePath}/import`);
		await waitForHydration(coordinator);
		await coordinator.getByLabel('CSV file').setInputFiles({ name: 'findings.csv', mimeType: 'text/csv', buffer: EXAMPLE });
		await coordinator.getByRole('button', { name: 'Check and import' }).click();
		await status(coordinator, '40 findings imported.');
		await axe(coordinator, 'coordinator: import result');
		await coordinator.goto(`${server.url}${cyclePath}`);
		expect(await coordinator.getByRole('status').filter({ hasText: '40 findings' }).count()).toBe(1);
	});

	it('prepares a workshop: a case study and a vote on three findings', async () => {
		await coordinator.goto(`${server.url}${orgPath}`);
		await waitForHydration(coordinator);
		await coordinator.getByLabel('Workshop title').fill('Housing rights check');
		await Promise.all([waitForPath(coordinator, /^\/workshops\/[a-z2-7]+$/), coordinator.getByRole('button', { name: 'Create workshop' }).click()]);
		workshopPath = new URL(coordinator.url()).pathname;
		await coordinator.goto(`${server.url}${workshopPath}/prepare`);
		await waitForHydration(coordinator);
		await expect(coordinator.getByRole('combobox', { name: EXPERT, exact: true }).inputValue()).resolves.toBe('other');
		for (const [type, title] of [['Case study', CASE_ACTIVITY], ['Vote', VOTE_ACTIVITY]] as const) {
			const form = coordinator.locator('form[action="?/add"]');
			await form.getByLabel('Type').selectOption({ label: type });
			await form.getByLabel('Title', { exact: true }).fill(title);
			await form.getByLabel('Planned minutes').fill('20');
			await form.getByRole('radio', { name: 'Role group only', exact: true }).check();
			await form.getByRole('button', { name: 'Add activity' }).click();
			await status(coordinator, `“${title}” added as activity`);
		}
		// The case: created on its preparation page, reached from the activity.
		await openSetup(CASE_ACTIVITY, 'Prepare the case study');
		await coordinator.getByLabel('Case title').fill(CASE_TITLE);
		await coordinator.getByRole('button', { name: 'Create the case' }).click();
		await coordinator.getByRole('heading', { level: 2, name: CASE_TITLE }).waitFor();
		// The vote: agree / disagree on three imported findings, the three role groups shown on their own.
		await coordinator.goto(`${server.url}${workshopPath}/prepare`);
		await openSetup(VOTE_ACTIVITY, 'Set up the vote: what is voted on and how');
		await coordinator.getByRole('radio', { name: 'Agree / disagree' }).check();
		await coordinator.getByLabel('Assessment cycle (for votes on findings)').selectOption({ label: 'Self-assessment 2026' });
		for (const group of [SERVANT, SOCIETY, EXPERT]) await coordinator.getByRole('checkbox', { name: group, exact: true }).check();
		await coordinator.getByRole('button', { name: 'Save settings' }).click();
		for (const statement of FINDINGS) await coordinator.getByRole('checkbox', { name: statement }).check();
		await coordinator.getByRole('button', { name: 'Add selected findings' }).click();
		await expect.poll(() => coordinator.locator('ol.items > li').count()).toBe(3);
		await expect(coordinator.getByRole('checkbox', { name: EXPERT, exact: true }).isChecked()).resolves.toBe(true);
	});

	async function openSetup(activity: string, link: string): Promise<void> {
		await Promise.all([waitForPath(coordinator, /\/prepare\/[a-z2-7]+$/), coordinator.getByRole('link', { name: `Edit: ${activity}` }).click()]);
		await Promise.all([waitForPath(coordinator, /\/prepare\/[a-z2-7]+\/(case-study|vote)$/), coordinator.getByRole('link', { name: link }).click()]);
		await waitForHydration(coordinator);
	}

	it('seven people join by link on phones; the facilitator starts the case study', async () => {
		await coordinator.goto(`${server.url}${workshopPath}/people`);
		const { link } = await sharedJoinWays(coordinator);
		const workshopId = workshopPath.split('/').pop()!;
		phones = await Promise.all(
			PEOPLE.map(async (who) => {
				const phone = await devices.open(PHONE_375);
				await phone.goto(link);
				await fillJoinForm(phone, workshopId, who);
				return phone;
			})
		);
		const session = (await coordinator.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
		projector = await devices.open(PROJECTOR, session);
		await projector.goto(`${server.url}${workshopPath}/projector`);
		await coordinator.goto(`${server.url}${workshopPath}/console`);
		await waitForHydration(coordinator);
		await coordinator.getByRole('button', { name: 'Start the workshop' }).click();
		for (const page of [coordinator, projector, phones[0]!, phones[3]!]) await page.getByRole('heading', { level: 2, name: CASE_TITLE }).waitFor();
	});

	it('a civil servant and a civil-society member write in the same section; every screen shows both sides', async () => {
		const [servant, society] = [phones[0]!, phones[3]!];
		await typeInSection(servant, SERVANT_TEXT);
		await section(society).getByText(SERVANT_TEXT).waitFor();
		await typeInSection(society, SOCIETY_TEXT);
		for (const page of [coordinator, projector, servant]) {
			const part = section(page);
			for (const text of [SERVANT_TEXT, SOCIETY_TEXT]) await part.getByText(text).first().waitFor();
			for (const group of [SERVANT, SOCIETY]) await part.locator('.contributors').getByText(group, { exact: true }).waitFor();
			expect(await part.innerText()).not.toMatch(/Sam Servant|Cleo Society/);
		}
		await axe(society, 'phone: case study');
		await axe(coordinator, 'console: case study');
		await axe(projector, 'projector: case study');
	});

	async function typeInSection(phone: Page, text: string): Promise<void> {
		await phone.getByRole('textbox', { name: SECTION, exact: true }).click();
		await phone.keyboard.press('ControlOrMeta+End');
		if ((await section(phone).locator('.ProseMirror').innerText()).trim()) await phone.keyboard.press('Enter');
		await phone.keyboard.type(text);
	}

	it('the facilitator opens the vote; each phone votes once on the contested finding', async () => {
		await coordinator.getByRole('button', { name: 'Next activity' }).click();
		const consoleVote = coordinator.getByRole('region', { name: 'Vote: Agree / disagree' });
		await consoleVote.getByRole('button', { name: 'Open the vote' }).click();
		await Promise.all(PEOPLE.map((who, i) => vote(phones[i]!, who.choice)));
		await consoleVote.getByText('7 people have voted').first().waitFor();
		// Before reveal, neither the projector nor a phone sees any split.
		await projector.getByText('Results will be shown when the facilitator reveals them.').waitFor();
		for (const page of [projector, phones[6]!]) expect(await page.locator('body').innerText()).not.toMatch(/% agree|fewer than 3/);
		await axe(phones[6]!, 'phone: voted');
		await snapshot(phones[6]!, 'acceptance-phone-voted-375');
	});

	async function vote(phone: Page, choice: string): Promise<void> {
		await phone.getByRole('group', { name: GAP }).getByLabel(choice, { exact: true }).check();
		await phone.getByRole('button', { name: new RegExp(`^Save my vote\\W+${escaped(GAP)}$`) }).click();
		await phone.getByText('Your vote is saved — you can change it until the vote closes.').first().waitFor();
	}

	it('the facilitator closes and reveals: sides next to each other, the gap marked, the expert hidden', async () => {
		const consoleVote = coordinator.getByRole('region', { name: 'Vote: Agree / disagree' });
		await consoleVote.getByRole('button', { name: 'Close the vote' }).click();
		await consoleVote.getByRole('button', { name: 'Reveal results' }).click();
		const table = projector.getByRole('table', { name: `Results by group: ${GAP}` });
		await table.waitFor();
		const rows = await tableRows(table);
		expect(rows).toEqual({
			// 7 - 3 - 3 would be the expert's own vote: the total is hidden, both sides stay.
			Everyone: ['hidden to protect fewer than 3 people'],
			'Civil servants': ['3', '2', '0', '1', '67%'],
			'Civil society': ['3', '0', '2', '1', '0%'],
			Others: ['hidden to protect fewer than 3 people'],
			[SERVANT]: ['3', '2', '0', '1', '67%'],
			[SOCIETY]: ['3', '0', '2', '1', '0%'],
			[EXPERT]: ['hidden to protect fewer than 3 people']
		});
		const item = projector.locator('li.item', { hasText: GAP });
		await item.getByText('Paper-versus-practice gap').waitFor();
		expect(await projector.getByText('Paper-versus-practice gap').count()).toBe(1);
		// The chart says the same as its table, group by group.
		const bars = item.getByRole('img', { name: /Bar chart/ }).locator('.row');
		for (const [group, cells] of Object.entries(rows)) {
			const bar = bars.filter({ has: projector.getByText(group, { exact: true }) });
			const expected = cells.length === 5 ? `${cells[4]} agree (${cells[1]} agree, ${cells[2]} disagree, ${cells[3]} unsure)` : (cells[0] ?? '');
			expect(await bar.locator('.value, .hidden-note').innerText(), group).toBe(expected);
		}
		expect(await everythingOn(projector)).not.toMatch(new RegExp(PEOPLE.map((p) => p.name).join('|')));
		await axe(projector, 'projector: results revealed');
		await axe(coordinator, 'console: results revealed');
		await snapshot(projector, 'acceptance-projector-results-1920');
		// A phone sees the same figures once revealed, the table one tap away.
		const phone = phones[3]!;
		await phone.getByRole('heading', { name: 'Results' }).waitFor();
		await phone.locator('li.item', { hasText: GAP }).getByText('Show as table').click();
		expect(await tableRows(phone.getByRole('table', { name: `Results by group: ${GAP}` }))).toEqual(rows);
		await axe(phone, 'phone: results revealed');
		await snapshot(phone, 'acceptance-phone-results-375');
	});

	/** The table alternative as { row heading: cells }. */
	async function tableRows(table: Locator): Promise<Record<string, string[]>> {
		await table.locator('tbody tr').first().waitFor();
		return table.locator('tbody tr').evaluateAll((trs) =>
			Object.fromEntries(trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())]))
		);
	}

	it('has no accessibility violations and no page errors', () => {
		expect(axeFindings, axeFindings.join('\n\n')).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
