/**
 * Live changes for screen-reader users, in real browsers against the real server: on a phone
 * (375×812) and on the console, notes arriving in the room are said in the page's one polite
 * status region (a count, never who wrote them); "Pause live updates" holds the growing list and
 * says how many updates wait, while the participant's own note still goes through; resuming shows
 * everything and says one summary. Focus never moves, and axe checks the paused and resumed states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { postAction } from '../helpers/actions';
import { Fixtures } from '../helpers/fixtures';
import { voteActivity } from '../helpers/vote-fixtures';
import { voteCommand } from '../helpers/vote-http';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { addNoteOnPhone, createLiveWorkshop, Devices, LAPTOP, ROLE_GROUPS, type LiveWorkshop } from './helpers/live';

const PHONE_375 = { width: 375, height: 812 };
const BRAINSTORM = 'Where do you meet barriers?';
const NEXT = 'What would help?';
const VOTE = 'Do you agree?';
/** How long to wait for a live change to arrive (the announcer speaks at most every 2.5 s). */
const SOON = { timeout: 15_000 };

describe('live updates said politely, and paused on request', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let phone: Page;
	let facilitator: Page;
	let written = 0;
	let voteId = '';
	const command = (fields: Record<string, string>) =>
		postAction(server.url, `/workshops/${live.workshopId}/console`, fields, { cookie: `rb_session=${live.facilitatorToken}` });

	/** A note added by the facilitator on someone's behalf, over HTTP: it reaches the room live. */
	async function noteFromTheRoom(): Promise<string> {
		const text = `Barrier number ${++written}`;
		const result = await postAction(
			server.url,
			`/workshops/${live.workshopId}/console/notes`,
			{ op: 'add', text, roleGroup: ROLE_GROUPS[1]! },
			{ cookie: `rb_session=${live.facilitatorToken}` }
		);
		expect(result.type, JSON.stringify(result)).toBe('success');
		return text;
	}

	/** The page's announcer: the one status region that says live changes. */
	const announcer = (page: Page) => page.locator('[data-live-announcer]');
	const says = async (page: Page, text: string | RegExp) => {
		await expect.poll(() => announcer(page).innerText(), SOON).toMatch(text);
		expect(await announcer(page).getAttribute('role')).toBe('status');
	};
	const pauseButton = (page: Page) => page.getByRole('button', { name: 'Pause live updates' });
	const focusedIs = async (locator: Locator) => expect(await locator.evaluate((el) => el === document.activeElement)).toBe(true);
	const roomNotes = (page: Page) => page.getByRole('region', { name: "Everyone's notes" }).getByRole('listitem');
	const boardNotes = (page: Page) => page.getByRole('region', { name: 'Notes in this activity' }).getByRole('list').first().getByRole('listitem');
	const connected = (page: Page) => page.locator('.conn[data-state="connected"]').waitFor();

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Access to services', [
			{ title: BRAINSTORM, type: 'brainstorm', anonymity: 'anonymous' },
			{ title: NEXT, type: 'brainstorm', anonymity: 'anonymous' }
		]);
		const started = await postAction(server.url, `/workshops/${live.workshopId}/console`, { command: 'next' }, { cookie: `rb_session=${live.facilitatorToken}` });
		expect(started.type, JSON.stringify(started)).toBe('success');
		const fx = new Fixtures(server.database);
		const { cookie } = await fx.participant(live.workshopId, null, ROLE_GROUPS[0]);
		voteId = (await voteActivity(fx.db, live.workshopId, VOTE, { position: 2, statements: ['Ramps are everywhere'], status: 'open' })).activityId;
		await fx.close();
		phone = await devices.openAsParticipant(PHONE_375, cookie);
		facilitator = await devices.open(LAPTOP, live.facilitatorToken);
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('on a phone: says new notes, holds them while paused, shows them on resume, and never moves focus', async () => {
		await phone.goto(`${server.url}/w/${live.workshopId}`);
		await phone.getByRole('heading', { name: BRAINSTORM }).waitFor();
		await connected(phone);
		const textarea = phone.getByLabel('Your note', { exact: true });
		await textarea.focus();

		const first = [await noteFromTheRoom(), await noteFromTheRoom(), await noteFromTheRoom()];
		await expect.poll(() => roomNotes(phone).count(), SOON).toBe(3);
		await says(phone, /\bnew notes?\./);
		await focusedIs(textarea);
		for (const text of first) expect(await announcer(phone).innerText()).not.toContain(text);

		// Pause by keyboard: the button says it is pressed, and focus stays on it.
		const pause = pauseButton(phone);
		await pause.focus();
		await phone.keyboard.press('Enter');
		await expect.poll(() => pause.getAttribute('aria-pressed')).toBe('true');
		await phone.getByRole('status').filter({ hasText: 'Live updates are paused. Nothing new yet.' }).waitFor();
		const spokenWhenPaused = await announcer(phone).innerText();

		await noteFromTheRoom();
		await noteFromTheRoom();
		await phone.getByRole('status').filter({ hasText: 'Live updates are paused. 2 new updates – resume to see them.' }).waitFor();
		expect(await roomNotes(phone).count()).toBe(3);
		expect(await announcer(phone).innerText()).toBe(spokenWhenPaused);
		await focusedIs(pause);
		await expectNoAxeViolations(phone, 'phone: live updates paused');

		// The participant's own note still goes through and reports its own result.
		await addNoteOnPhone(phone, 'My own barrier');
		const mine = phone.getByRole('region', { name: 'Your notes' }).getByRole('listitem').filter({ hasText: 'My own barrier' });
		await expect.poll(() => mine.innerText(), SOON).not.toContain('Not yet sent');
		await phone.getByRole('status').filter({ hasText: 'Live updates are paused. 3 new updates – resume to see them.' }).waitFor();
		expect(await roomNotes(phone).count()).toBe(3);

		await pause.focus();
		await phone.keyboard.press('Enter');
		await expect.poll(() => pause.getAttribute('aria-pressed')).toBe('false');
		await expect.poll(() => roomNotes(phone).count(), SOON).toBe(6);
		await says(phone, 'Live updates are on again. 3 new notes.');
		await focusedIs(pause);
		await expectNoAxeViolations(phone, 'phone: live updates resumed');
	});

	it('on the console: says new notes, holds the board notes while paused, shows them on resume', async () => {
		await facilitator.goto(`${server.url}/workshops/${live.workshopId}/console`);
		await boardNotes(facilitator).first().waitFor();
		await connected(facilitator);
		await expect.poll(() => boardNotes(facilitator).count(), SOON).toBe(6);

		await noteFromTheRoom();
		await expect.poll(() => boardNotes(facilitator).count(), SOON).toBe(7);
		await says(facilitator, '1 new note.');

		const pause = pauseButton(facilitator);
		await pause.focus();
		await facilitator.keyboard.press('Enter');
		await expect.poll(() => pause.getAttribute('aria-pressed')).toBe('true');
		for (let i = 0; i < 4; i++) await noteFromTheRoom();
		await facilitator.getByRole('status').filter({ hasText: 'Live updates are paused. 4 new updates – resume to see them.' }).waitFor();
		expect(await boardNotes(facilitator).count()).toBe(7);
		await focusedIs(pause);
		await expectNoAxeViolations(facilitator, 'console: live updates paused');

		await facilitator.keyboard.press('Enter');
		await expect.poll(() => boardNotes(facilitator).count(), SOON).toBe(11);
		await says(facilitator, 'Live updates are on again. 4 new notes.');
		await focusedIs(pause);
		await expectNoAxeViolations(facilitator, 'console: live updates resumed');
	});

	it('says the new activity, a lock and revealed results on the phone and the console without moving focus', async () => {
		const pause = pauseButton(phone);
		await pause.focus();
		const changed = async (fields: Record<string, string>, text: string) => {
			const result = await command(fields);
			expect(result.type, JSON.stringify(result)).toBe('success');
			await says(phone, text);
			await says(facilitator, text);
			await focusedIs(pause);
		};
		await changed({ command: 'next' }, `Now: ${NEXT}.`);
		await changed({ command: 'lock', on: 'true' }, 'Contributions are locked.');
		await changed({ command: 'lock', on: 'false' }, 'Contributions are open again.');
		await changed({ command: 'next' }, `Now: ${VOTE}.`);
		const revealed = await voteCommand(server, `rb_session=${live.facilitatorToken}`, live.workshopId, voteId, 'reveal');
		expect(revealed.status, JSON.stringify(revealed)).toBeLessThan(400);
		await says(phone, 'The results are shown.');
		await says(facilitator, 'The results are shown.');
		await focusedIs(pause);
		expect(devices.pageErrors).toEqual([]);
	});
});
