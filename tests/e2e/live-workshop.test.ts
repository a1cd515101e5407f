/**
 * One live workshop in real browsers against the real server: a facilitator's console (laptop),
 * a projector (signed in, 1920×1080) and two phones that join through the real join pages, one
 * named and one anonymous. Orientation, then a named brainstorm under hidden writing, then an
 * anonymous brainstorm, then a timer. Every view is checked with axe-core in every state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { snapshot } from './helpers/app';
import {
	addNoteOnPhone,
	createLiveWorkshop,
	Devices,
	enterCode,
	everythingOn,
	fillJoinForm,
	LAPTOP,
	PHONE,
	PROJECTOR,
	sharedJoinWays,
	toggle,
	type LiveWorkshop
} from './helpers/live';

const ORIENTATION = 'Welcome and ground rules';
const NAMED = 'Barriers you have met';
const ANONYMOUS = 'What would change it';
const ANA = 'Ana Named';

describe('running a live workshop across facilitator, projector and phones', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let facilitator: Page;
	let projector: Page;
	let ana: Page; // joins by code, with a name
	let anon: Page; // joins by link, anonymously

	// Accessibility findings are collected so one violation does not hide how the rest of the
	// workshop behaves; the last test fails listing all of them.
	const axeFindings: string[] = [];
	const axe = (page: Page, label: string) => expectNoAxeViolations(page, label).catch((e: Error) => void axeFindings.push(e.message));

	const phones = () => [ana, anon];
	/** The room's notes as a page shows them: the projector's list, or a phone's "Everyone's notes". */
	const roomNotes = (page: Page) =>
		(page === projector ? page.locator('main') : page.getByRole('region', { name: "Everyone's notes" })).getByRole('list');
	const everyone = () => [projector, ana, anon];

	/** Waits until `page` shows `text` somewhere in its main content. */
	const shows = (page: Page, text: string) => page.locator('main').getByText(text, { exact: true }).first().waitFor();

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Housing rights in Testville', [
			{ title: ORIENTATION, type: 'orientation' },
			{ title: NAMED, type: 'brainstorm', anonymity: 'named' },
			{ title: ANONYMOUS, type: 'brainstorm', anonymity: 'anonymous' }
		]);
		[facilitator, projector] = await Promise.all([devices.open(LAPTOP, live.facilitatorToken), devices.open(PROJECTOR, live.facilitatorToken)]);
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('lets two phones join through the code and the link the People page shows', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/people`);
		await facilitator.getByText('Nobody has joined yet.').waitFor();
		await axe(facilitator, 'people (nobody yet)');
		const { link, code } = await sharedJoinWays(facilitator);

		ana = await devices.open(PHONE);
		await enterCode(ana, server.url, code);
		await axe(ana, 'phone: join form');
		await fillJoinForm(ana, live.workshopId, { name: ANA, group: 'Resident' });
		await ana.getByText(`You have joined ${live.title} as ${ANA} (Resident).`).waitFor();

		anon = await devices.open(PHONE);
		await anon.goto(link);
		await fillJoinForm(anon, live.workshopId, { name: null, group: 'Civil society' });
		await anon.getByText(`You have joined ${live.title} anonymously (Civil society).`).waitFor();
		for (const phone of phones()) await phone.getByText('The activities appear here when the facilitator starts them.', { exact: false }).waitFor();
		await axe(anon, 'phone: waiting for the start');

		await facilitator.reload();
		const list = facilitator.getByRole('region', { name: /^Participants \(2\)$/ });
		await list.getByText(ANA, { exact: false }).waitFor();
		await list.getByText('Anonymous', { exact: false }).waitFor();
		await axe(facilitator, 'people (two participants)');
	});

	it('starts with orientation on every screen', async () => {
		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await projector.getByRole('heading', { level: 1, name: live.title }).waitFor();
		await axe(projector, 'projector before the start');

		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await facilitator.getByText('The workshop has not started.', { exact: false }).waitFor();
		await axe(facilitator, 'console before the start');
		await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
		await facilitator.getByRole('button', { name: 'Next activity' }).waitFor();
		await expect.poll(() => facilitator.locator('li[aria-current="step"]').textContent()).toContain(ORIENTATION);
		await axe(facilitator, 'console after the start');

		await projector.getByRole('heading', { level: 1, name: ORIENTATION }).waitFor();
		await shows(projector, `Prompt for ${ORIENTATION}`);
		for (const phone of phones()) {
			await phone.getByRole('heading', { level: 2, name: ORIENTATION }).waitFor();
			await shows(phone, `Prompt for ${ORIENTATION}`);
			// Orientation takes no notes.
			expect(await phone.getByLabel('Your note', { exact: true }).count()).toBe(0);
		}
		await axe(projector, 'projector: orientation');
		await axe(ana, 'phone: orientation');
	});

	it('hidden writing shows only a count until the facilitator reveals; a named activity shows names', async () => {
		await facilitator.getByRole('button', { name: 'Next activity' }).click();
		for (const page of everyone()) await page.getByRole('heading', { name: NAMED }).waitFor();
		await toggle(facilitator, 'Hidden writing', true);
		await axe(facilitator, 'console: hidden writing on');
		await ana.getByText('Named: your name and role group are shown with your notes.').waitFor();
		await axe(ana, 'phone: named brainstorm');

		await addNoteOnPhone(ana, 'The housing office has no ramp');
		await addNoteOnPhone(anon, 'Forms only come in one language');
		await projector.getByText('2 notes written. They will be shown together.').waitFor();
		for (const phone of phones()) {
			await phone.getByText('2 notes so far. They stay hidden until the facilitator reveals them.').waitFor();
		}
		expect(await everythingOn(projector)).not.toContain('The housing office has no ramp');
		expect(await everythingOn(projector)).not.toContain('Forms only come in one language');
		expect(await everythingOn(anon)).not.toContain('The housing office has no ramp');
		expect(await everythingOn(anon)).not.toContain(ANA);
		expect(await everythingOn(ana)).not.toContain('Forms only come in one language');
		await axe(projector, 'projector: hidden');
		await axe(anon, 'phone: hidden');
		await snapshot(projector, 'projector-hidden-1920');

		await toggle(facilitator, 'Reveal notes', true);
		for (const page of everyone()) {
			const notes = roomNotes(page);
			await notes.getByText(`${ANA} · Resident`).waitFor();
			// The anonymous participant gave no name: only their role group is shown.
			const theirs = notes.getByRole('listitem').filter({ hasText: 'Forms only come in one language' });
			await expect.poll(() => theirs.innerText()).toMatch(/Forms only come in one language\s+Civil society$/);
		}
		await axe(projector, 'projector: revealed');
		await axe(anon, 'phone: revealed');
		await snapshot(projector, 'projector-revealed-1920');
		await snapshot(anon, 'phone-revealed-360');
	});

	it('an anonymous activity shows the notes without names or role groups', async () => {
		await facilitator.getByRole('button', { name: 'Next activity' }).click();
		for (const page of everyone()) await page.getByRole('heading', { name: ANONYMOUS }).waitFor();
		await anon.getByText('Anonymous: nothing about you is shown with your notes', { exact: false }).waitFor();
		await addNoteOnPhone(ana, 'Plain-language letters');
		await addNoteOnPhone(anon, 'A named contact person');
		// Hidden writing stays on from the last activity, so this one starts hidden too.
		await projector.getByText('2 notes written. They will be shown together.').waitFor();
		expect(await everythingOn(projector)).not.toContain('Plain-language letters');
		await toggle(facilitator, 'Reveal notes', true);
		for (const page of everyone()) {
			const notes = roomNotes(page);
			await notes.getByText('Plain-language letters').waitFor();
			await notes.getByText('A named contact person').waitFor();
			const shown = await notes.innerText();
			for (const who of [ANA, 'Resident', 'Civil society', '·']) expect(shown, `${page.url()} shows "${who}"`).not.toContain(who);
		}
		// The earlier, named activity's notes are not shown here.
		expect(await everythingOn(projector)).not.toContain('The housing office has no ramp');
		await axe(projector, 'projector: anonymous revealed');
		await axe(ana, 'phone: anonymous revealed');
	});

	it('the facilitator groups and merges notes, and every screen follows', async () => {
		const notesPanel = facilitator.getByRole('region', { name: 'Notes in this activity' });
		// By the note's own paragraph: the other note's "Merge into" list names this one too.
		const noteItem = (text: string) => notesPanel.getByRole('listitem').filter({ has: facilitator.getByRole('paragraph').filter({ hasText: text }) });
		const letters = noteItem('Plain-language letters');
		await letters.getByLabel('Group', { exact: true }).fill('Communication');
		await letters.getByRole('button', { name: 'Set group: Plain-language letters' }).click();
		await expect.poll(() => projector.locator('main').textContent()).toContain('Communication');
		for (const phone of phones()) await roomNotes(phone).getByText('Communication').waitFor();

		const contact = noteItem('A named contact person');
		await contact.getByLabel('Merge into', { exact: true }).selectOption({ label: 'Plain-language letters' });
		await contact.getByRole('button', { name: 'Merge: A named contact person' }).click();
		for (const page of [projector, ...phones()]) {
			await expect.poll(() => roomNotes(page).getByText('A named contact person').count()).toBe(0);
		}
		await notesPanel.getByText('1 merged').waitFor();
		await axe(facilitator, 'console: notes grouped and merged');
		await axe(projector, 'projector: grouped');
	});

	it('a timer started in the console runs on the projector and the phones', async () => {
		const minutes = facilitator.getByLabel('Minutes');
		await minutes.fill('3');
		await facilitator.getByRole('button', { name: 'Start timer' }).click();
		await facilitator.getByRole('button', { name: 'Pause the timer' }).waitFor();
		for (const page of [facilitator, ...everyone()]) {
			await expect.poll(() => page.getByRole('timer').first().textContent(), { timeout: 10_000 }).toMatch(/^\s*(3:00|2:[0-5]\d)\s*$/);
		}
		await axe(facilitator, 'console: timer running');
		await axe(projector, 'projector: timer running');
		await axe(anon, 'phone: timer running');
		expect(devices.pageErrors).toEqual([]);
	});

	it('passes axe-core (WCAG 2.2 A/AA) on every view in every state visited', () => {
		expect(axeFindings.join('\n\n')).toBe('');
	});

});
