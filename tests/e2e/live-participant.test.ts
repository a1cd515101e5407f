/**
 * A participant's phone over time, in a real browser against the real server: coming back on
 * the same device (by the join link) is coming back as the same participant with the same notes,
 * and a note written without a connection is kept, marked "Not yet sent", and arrives once the
 * phone is back online.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { postAction } from '../helpers/actions';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForPath } from './helpers/app';
import { participantCount } from './helpers/join-data';
import { addNoteOnPhone, createLiveWorkshop, Devices, fillJoinForm, PHONE, PROJECTOR, type LiveWorkshop } from './helpers/live';

const BRAINSTORM = 'Where do you meet barriers?';

describe("a participant's phone across visits and offline spells", () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let live: LiveWorkshop;
	let projector: Page;
	let phone: Page;
	let joinLink = '';

	/** The phone's own note, as a list item of "Your notes". */
	const myNote = (page: Page, text: string) =>
		page.getByRole('region', { name: 'Your notes' }).getByRole('listitem').filter({ hasText: text });

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		live = await createLiveWorkshop(server, 'Access to services', [{ title: BRAINSTORM, type: 'brainstorm', anonymity: 'role_group' }]);
		const started = await postAction(server.url, `/workshops/${live.workshopId}/console`, { command: 'next' }, { cookie: `rb_session=${live.facilitatorToken}` });
		expect(started.type, JSON.stringify(started)).toBe('success');
		projector = await devices.open(PROJECTOR, live.facilitatorToken);
		await projector.goto(`${server.url}/workshops/${live.workshopId}/projector`);
		await projector.getByRole('heading', { level: 1, name: BRAINSTORM }).waitFor();
		const qr = await projector.getByRole('img', { name: /^QR code that opens the join link / }).getAttribute('aria-label');
		joinLink = /(https?:\/\/\S+)$/.exec(qr ?? '')![1]!;
	});

	afterAll(async () => {
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('comes back through the join link as the same participant, with the same notes as its own', async () => {
		phone = await devices.open(PHONE);
		await phone.goto(joinLink);
		await fillJoinForm(phone, live.workshopId, { name: 'Mira', group: 'Civil servant' });
		await addNoteOnPhone(phone, 'Opening hours clash with work');
		await expect.poll(() => myNote(phone, 'Opening hours clash with work').innerText()).not.toContain('Not yet sent');
		await projector.getByText('Opening hours clash with work').waitFor();

		// Closing the page and opening the link again on the same device.
		await phone.close();
		phone = devices.watch(await devices.contexts.at(-1)!.newPage());
		await phone.goto(joinLink);
		await waitForPath(phone, `/w/${live.workshopId}`);
		await phone.getByText('You have joined Access to services as Mira (Civil servant).').waitFor();
		await myNote(phone, 'Opening hours clash with work').getByRole('button', { name: /^Edit note: Opening hours/ }).waitFor();
		expect(await participantCount(server.database, live.workshopId)).toBe(1);

		// The notes come from the server, not only from this browser's storage: a fresh profile
		// holding just the participant cookie sees them as its own too.
		const cookies = await phone.context().cookies();
		const bare = await devices.open(PHONE);
		await bare.context().addCookies(cookies.filter((c) => c.name.startsWith('rb_p_')));
		await bare.goto(joinLink);
		await waitForPath(bare, `/w/${live.workshopId}`);
		await myNote(bare, 'Opening hours clash with work').getByRole('button', { name: /^Delete note: Opening hours/ }).waitFor();
		await expect.poll(() => myNote(bare, 'Opening hours clash with work').innerText()).not.toContain('Not yet sent');
		await expectNoAxeViolations(bare, 'phone: back in the workshop');
		await bare.close();
	});

	it('keeps a note written offline, marks it "Not yet sent", and delivers it when back online', async () => {
		await phone.context().setOffline(true);
		await phone.getByRole('status').filter({ hasText: 'Connection lost.' }).waitFor();
		await addNoteOnPhone(phone, 'No interpreter at the desk');
		await myNote(phone, 'No interpreter at the desk').getByText('Not yet sent').waitFor();
		await expectNoAxeViolations(phone, 'phone: offline with an unsent note');
		await projector.waitForTimeout(500);
		expect(await projector.locator('main').innerText()).not.toContain('No interpreter at the desk');

		await phone.context().setOffline(false);
		await projector.locator('main').getByText('No interpreter at the desk').waitFor({ timeout: 20_000 });
		await expect.poll(() => myNote(phone, 'No interpreter at the desk').innerText(), { timeout: 10_000 }).not.toContain('Not yet sent');
		expect(await projector.locator('main').getByText('Civil servant').count()).toBe(2);
		expect(devices.pageErrors).toEqual([]);
	});
});
