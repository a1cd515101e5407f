/**
 * Acceptance of "action points", walked through the UI as people would: "From a workshop with
 * drafted action points, a facilitator runs validation with civil society, records the result,
 * and a coordinator updates progress a week later; the report and the public page show it."
 * A phone and the console draft two points; the setup page prepares a validation (civil society
 * answers by default); three civil-society phones answer, a civil servant's is told it is not
 * asked; the endorsed point is recorded by keyboard (twice: one entry), its progress updated now
 * and a week later (through the fixtures DB); the report, its DOCX and the public page show it,
 * the public page without any person's name. axe-core checks every page state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { docxText, plain } from '../helpers/markup-text';
import { PHONE_375, SERVANT, SOCIETY, RESIDENT, CYCLE, LETTERS, DEADLINE, DESK, OBJECTION, CHANGES, DESK_OBJECTION, DESK_OBJECTION_2, COORDINATOR, PEOPLE, WEEK, status, draftOnPhone, answer, seedAcceptance, openVoteSetup } from './helpers/action-points-acceptance';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures, type TestUser } from '../helpers/fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { snapshot, waitForHydration, waitForPath } from './helpers/app';
import { Devices, everythingOn, LAPTOP, PROJECTOR } from './helpers/live';
import { actionRegisterEntry } from '../../src/lib/server/db/schema';
import { updateProgress } from '../../src/lib/server/register/progress';

describe('acceptance: action points from drafting through validation to the register, report and public page', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let fx: Fixtures;
	let coordinator: TestUser;
	let orgId: string;
	let cycleId: string;
	let workshopId: string;
	let voteId: string;
	let facilitator: Page;
	let projector: Page;
	let phones: { resident: Page; cleo: Page; cato: Page; servant: Page };
	let joined: Awaited<ReturnType<typeof seedAcceptance>>['joined'];
	let firstUpdate: number;
	let weekOn: number;
	const axeFindings: string[] = [];
	/** axe on the page as it is; with E2E_SCREENSHOTS set, also a screenshot named after the state. */
	const axe = async (page: Page, label: string) => {
		await snapshot(page, `acceptance-${label.replace(/\W+/g, '-')}`);
		await expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));
	};
	const entries = () => fx.db.select().from(actionRegisterEntry).where(eq(actionRegisterEntry.organisationId, orgId));
	const names = [...Object.values(PEOPLE), COORDINATOR];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		fx = new Fixtures(server.database);
		({ coordinator, orgId, cycleId, workshopId, voteId, joined } = await seedAcceptance(fx));
		[facilitator, projector] = await Promise.all([devices.open(LAPTOP, coordinator.token), devices.open(PROJECTOR, coordinator.token)]);
		const open = (who: keyof typeof joined) => devices.openAsParticipant(PHONE_375, joined[who].cookie);
		phones = { resident: await open('resident'), cleo: await open('cleo'), cato: await open('cato'), servant: await open('servant') };
	});

	afterAll(async () => {
		await fx?.close();
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('the facilitator starts drafting; a resident drafts a point on a phone by keyboard', async () => {
		await facilitator.goto(`${server.url}/workshops/${workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('heading', { name: 'Action points', level: 2 }).waitFor();
		await projector.goto(`${server.url}/workshops/${workshopId}/projector`);
		await waitForHydration(projector);

		const phone = phones.resident;
		await phone.goto(`${server.url}/w/${workshopId}`);
		await waitForHydration(phone);
		await draftOnPhone(phone);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await axe(phone, 'resident phone, drafting');
		const card = facilitator.locator('article', { hasText: LETTERS });
		await card.getByText('Department: Housing office').waitFor();
		await card.getByText('1 indicator').waitFor();
	});

	it('the facilitator drafts a second point on the console; the projector shows both', async () => {
		await facilitator.getByRole('button', { name: 'Add an action point' }).press('Enter');
		await status(facilitator, 'Action point added.');
		await facilitator.keyboard.type(DESK);
		await facilitator.getByRole('group', { name: 'Action point 2' }).getByLabel('Type of action').selectOption({ label: 'Practical measure' });
		await axe(facilitator, 'console, drafting');
		for (const title of [LETTERS, DESK]) await projector.getByRole('heading', { name: title }).waitFor();
		await projector.getByText('2 action points', { exact: true }).waitFor();
		await axe(projector, 'projector, two drafts');
		await phones.resident.getByText(DESK).first().waitFor();
	});

	it('the facilitator prepares the validation: civil society answers by default, both points added', async () => {
		await openVoteSetup(facilitator, `${server.url}/workshops/${workshopId}`, voteId);
		await facilitator.getByLabel('Validation of action points').check();
		const who = facilitator.getByRole('group', { name: 'Who validates' });
		await who.waitFor();
		expect(await who.getByLabel(SOCIETY).isChecked()).toBe(true);
		expect(await who.getByLabel(RESIDENT).isChecked()).toBe(true);
		expect(await who.getByLabel(SERVANT).isChecked()).toBe(false);
		await facilitator.getByRole('button', { name: 'Save settings' }).click();
		const pick = facilitator.getByRole('group', { name: 'Add drafted action points' });
		for (const title of [LETTERS, DESK]) await pick.getByLabel(title).check();
		await axe(facilitator, 'vote setup, validation with both points chosen');
		await facilitator.getByRole('button', { name: 'Add the chosen action points' }).click();
		await expect.poll(() => facilitator.locator('ol.items > li').count()).toBe(2);
		expect(await facilitator.getByRole('group', { name: 'Who validates' }).getByLabel(SOCIETY).isChecked()).toBe(true);
		await axe(facilitator, 'vote setup, both points added');
	});

	it('the facilitator moves the agenda to the validation and opens it', async () => {
		await facilitator.goto(`${server.url}/workshops/${workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: 'Next activity' }).click();
		await facilitator.getByRole('heading', { name: 'Vote: Validation of action points' }).waitFor();
		await facilitator.getByRole('button', { name: 'Open the vote' }).click();
		await facilitator.getByText('Open', { exact: true }).waitFor();
		await axe(facilitator, 'console, validation open');
		await projector.getByText(DESK).first().waitFor();
		await axe(projector, 'projector, validation open');
	});

	it("a civil servant's phone says it is not asked and shows no form", async () => {
		const phone = phones.servant;
		await phone.goto(`${server.url}/w/${workshopId}`);
		await waitForHydration(phone);
		await phone.getByText(`This validation is answered by: ${SOCIETY}, ${RESIDENT}. You can follow the results.`).waitFor();
		expect(await phone.getByRole('radio').count()).toBe(0);
		await axe(phone, 'civil servant phone, not asked');
	});

	it('three civil-society phones answer, each attributing their words as they choose', async () => {
		for (const phone of [phones.cleo, phones.cato]) {
			await phone.goto(`${server.url}/w/${workshopId}`);
			await waitForHydration(phone);
		}
		// The resident's phone follows the agenda on its own.
		for (const phone of [phones.resident, phones.cleo, phones.cato]) await phone.getByRole('group', { name: DESK, exact: true }).waitFor();

		await answer(phones.cleo, LETTERS, 'Object', OBJECTION, 'With my group');
		await answer(phones.cleo, DESK, 'Object', DESK_OBJECTION, 'Without my name or group');
		await axe(phones.cleo, 'phone, objections saved');
		await answer(phones.cato, LETTERS, 'Endorse with changes', CHANGES);
		await answer(phones.cato, DESK, 'Object', DESK_OBJECTION_2, 'With my group');
		await answer(phones.resident, LETTERS, 'Endorse');
		await answer(phones.resident, DESK, 'Endorse');
		await axe(phones.resident, 'resident phone, answers saved');
		await facilitator.getByText('3 people have voted').first().waitFor();
	});

	it('the facilitator closes and reveals; console and projector give the outcome per point', async () => {
		await facilitator.getByRole('button', { name: 'Close the vote' }).click();
		await facilitator.getByText('Closed', { exact: true }).waitFor();
		await facilitator.getByRole('button', { name: 'Reveal results' }).click();
		for (const [page, label] of [
			[projector, 'projector'],
			[facilitator, 'console']
		] as const) {
			const letters = page.locator('li.item', { hasText: LETTERS });
			const desk = page.locator('li.item', { hasText: DESK });
			await letters.getByText('Outcome: Endorsed', { exact: true }).waitFor();
			await desk.getByText('Outcome: Not endorsed', { exact: true }).waitFor();
			expect(await letters.innerText()).toContain(`${OBJECTION} – ${SOCIETY}`);
			expect(await letters.innerText()).toContain(CHANGES);
			expect(await everythingOn(page)).not.toMatch(new RegExp(Object.values(PEOPLE).join('|')));
			await axe(page, `${label}, validation revealed`);
		}
		await phones.servant.locator('li.item', { hasText: LETTERS }).getByText('Outcome: Endorsed', { exact: true }).waitFor();
		await axe(phones.servant, 'civil servant phone, results');
	});

	it('the facilitator records the endorsed point by keyboard; recording again adds nothing', async () => {
		await facilitator.goto(`${server.url}/workshops/${workshopId}`);
		await waitForHydration(facilitator);
		await Promise.all([waitForPath(facilitator, `/workshops/${workshopId}/actions`), facilitator.getByRole('link', { name: 'Record action points in the register' }).click()]);
		await waitForHydration(facilitator);
		const points = facilitator.getByRole('list', { name: 'Drafted action points' });
		const letters = points.getByRole('listitem').filter({ has: facilitator.getByRole('heading', { name: LETTERS, level: 2 }) });
		const desk = points.getByRole('listitem').filter({ has: facilitator.getByRole('heading', { name: DESK, level: 2 }) });
		await letters.getByText('Validation: Endorsed').waitFor();
		await letters.getByRole('table', { name: `Answers by group for “${LETTERS}”` }).waitFor();
		await desk.getByText('Validation: Not endorsed').waitFor();
		await desk.getByText('It cannot be recorded: the room did not endorse it.').waitFor();
		expect(await desk.getByRole('link', { name: /^Record/ }).count()).toBe(0);
		await axe(facilitator, 'recording page');

		// A second tab on the same form, as if a colleague recorded at the same time.
		const recordLink = facilitator.getByRole('link', { name: `Record “${LETTERS}” in the register` });
		const formPath = await recordLink.getAttribute('href');
		const colleague = devices.watch(await facilitator.context().newPage());
		await colleague.goto(`${server.url}${formPath}`);
		await waitForHydration(colleague);

		await recordLink.focus();
		await Promise.all([waitForPath(facilitator, formPath!), facilitator.keyboard.press('Enter')]);
		await facilitator.getByRole('heading', { name: LETTERS, level: 1 }).waitFor();
		await waitForHydration(facilitator);
		expect(await facilitator.getByLabel('Title').inputValue()).toBe(LETTERS);
		expect(await facilitator.getByLabel('Type').inputValue()).toBe('accessibility');
		expect(await facilitator.getByLabel('Horizon').inputValue()).toBe('quick_win');
		expect(await facilitator.getByLabel('Responsible department').inputValue()).toBe('Housing office');
		expect(await facilitator.getByLabel('Deadline').inputValue()).toBe(DEADLINE);
		await axe(facilitator, 'record form');
		// Apply the change the room asked for, and choose the cycle: keyboard only.
		await facilitator.getByLabel('Description').focus();
		await facilitator.keyboard.type(CHANGES + '.');
		await facilitator.getByLabel('Assessment cycle').focus();
		await facilitator.keyboard.press('ArrowDown');
		expect(await facilitator.getByLabel('Assessment cycle').inputValue()).toBe(cycleId);
		await facilitator.getByRole('button', { name: 'Record in the register' }).focus();
		await Promise.all([waitForPath(facilitator, `/workshops/${workshopId}/actions`), facilitator.keyboard.press('Enter')]);
		await status(facilitator, `“${LETTERS}” is now in the register.`);
		await letters.getByText(`by ${COORDINATOR}.`).waitFor();
		await axe(facilitator, 'recording page, recorded');

		await colleague.getByRole('button', { name: 'Record in the register' }).click();
		await status(colleague, `“${LETTERS}” is already in the register.`);
		await colleague.getByRole('link', { name: `Open “${LETTERS}” in the register` }).waitFor();
		await axe(colleague, 'record form, already recorded');
		await colleague.close();
		const recorded = await entries();
		expect(recorded).toHaveLength(1);
		expect(recorded[0]).toMatchObject({ title: LETTERS, cycleId, workshopId, description: `${CHANGES}.`, deadline: DEADLINE });
		expect(JSON.parse(recorded[0]!.validation).outcome).toBe('endorsed');
	});

	it('the coordinator finds it in the register and records progress; a week later, again', async () => {
		await Promise.all([waitForPath(facilitator, `/orgs/${orgId}/register`), facilitator.getByRole('link', { name: 'Open the action register' }).click()]);
		const table = facilitator.getByRole('table', { name: 'Actions in the register' });
		await table.getByRole('link', { name: LETTERS }).waitFor();
		await axe(facilitator, 'register');
		await Promise.all([waitForPath(facilitator, /\/register\/[a-z2-7]+$/), table.getByRole('link', { name: LETTERS }).click()]);
		await waitForHydration(facilitator);
		const progress = facilitator.locator('form[action="?/progress"]');
		await progress.getByLabel('Status').selectOption({ label: 'In progress' });
		await progress.getByLabel('Progress in percent').fill('40');
		await progress.getByLabel('What happened (note)').fill('The first letters are being rewritten.');
		await progress.getByRole('button', { name: 'Save the update' }).click();
		await status(facilitator, 'Update saved.');
		firstUpdate = Date.now();
		const history = facilitator.getByRole('region', { name: 'History' });
		await history.getByText('Progress: 0 % → 40 %').waitFor();
		await axe(facilitator, 'register entry, progress saved');

		// A week on: the UI records "now", so the dated update goes through the same function.
		weekOn = firstUpdate + WEEK;
		const entry = (await entries())[0]!;
		await updateProgress(fx.db, coordinator.id, orgId, entry.id, { status: 'in_progress', reason: '', progress: '70', note: 'Letters sent to 12 households.' }, weekOn);
		await facilitator.reload();
		await history.getByText('Progress: 40 % → 70 %').waitFor();
		const dates = await history.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!.slice(0, 10)));
		const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
		expect(dates.slice(0, 2)).toEqual([day(weekOn), day(firstUpdate)]);
		const shown = await history.locator('time').allInnerTexts();
		expect(shown[0]).not.toBe(shown[1]);
		await history.getByText('Note: Letters sent to 12 households.').waitFor();
		await axe(facilitator, 'register entry, a week later');
	});

	it('the report page and its DOCX show the point, its outcome, tallies, the objection and the changes', async () => {
		await facilitator.goto(`${server.url}/workshops/${workshopId}/actions`);
		await Promise.all([waitForPath(facilitator, `/workshops/${workshopId}/report`), facilitator.getByRole('link', { name: 'Workshop report' }).click()]);
		await waitForHydration(facilitator);
		const tallies = facilitator.getByRole('table', { name: `Validation by group: ${LETTERS}` });
		await tallies.waitFor();
		expect(await tallies.getByRole('row', { name: /Everyone/ }).innerText()).toMatch(/^Everyone\s+3\s+Endorse: 1, Endorse with changes: 1, Object: 1$/);
		const page = plain(await facilitator.locator('main').innerHTML());
		const docx = docxText(new Uint8Array(await (await facilitator.context().request.get(`${server.url}/workshops/${workshopId}/report.docx`)).body()));
		for (const [text, label] of [
			[page, 'report page'],
			[docx, 'DOCX']
		] as const) {
			expect(text, label).toContain(LETTERS);
			expect(text, label).toContain('Validation outcome: Endorsed');
			expect(text, label).toContain('Objections kept on record');
			expect(text, label).toContain(OBJECTION);
			expect(text, label).toContain(SOCIETY);
			expect(text, label).toContain('Changes asked for');
			expect(text, label).toContain(CHANGES);
			expect(text, label).toContain('Status: In progress');
			// The point the room did not endorse was not recorded.
			expect(text, label).not.toContain(DESK);
			for (const name of Object.values(PEOPLE)) expect(text, label).not.toContain(name);
		}
		expect(docx).toContain('Everyone 3 Endorse: 1, Endorse with changes: 1, Object: 1');
		await axe(facilitator, 'report');
	});

	it('the public page, turned on for the cycle, shows the point and its latest progress to anyone, without names', async () => {
		await facilitator.goto(`${server.url}/orgs/${orgId}/register`);
		await Promise.all([
			waitForPath(facilitator, `/orgs/${orgId}/cycles/${cycleId}/public`),
			facilitator.getByRole('link', { name: `Public page for ${CYCLE}` }).click()
		]);
		await waitForHydration(facilitator);
		await facilitator.getByText('The public page is off.').waitFor();
		await facilitator.getByRole('button', { name: 'Turn the public page on' }).click();
		await facilitator.getByRole('button', { name: 'Turn the public page off' }).waitFor();
		const link = await facilitator.getByTestId('public-link').getAttribute('href');
		await axe(facilitator, 'public page settings, on');

		const visitor = await browser.newContext({ viewport: PHONE_375 });
		expect(await visitor.cookies()).toEqual([]);
		const page = devices.watch(await visitor.newPage());
		await page.goto(link!);
		await page.getByRole('heading', { name: `You said, we did: ${CYCLE}`, level: 1 }).waitFor();
		const group = page.getByRole('region', { name: 'In progress (1)' });
		await group.getByRole('heading', { name: LETTERS, level: 3 }).waitFor();
		expect(await group.innerText()).toContain('70');
		expect(await group.locator('time').getAttribute('datetime')).toBe(new Date(weekOn).toISOString().slice(0, 10));
		expect(await page.getByText(DESK).count()).toBe(0);
		const html = await page.content();
		for (const name of [...names, coordinator.email]) expect(html).not.toContain(name);
		await axe(page, 'public page');
		await visitor.close();
	});

	it('has no accessibility violations and no page errors', () => {
		expect(axeFindings, axeFindings.join('\n\n')).toEqual([]);
		expect(devices.pageErrors).toEqual([]);
	});
});
