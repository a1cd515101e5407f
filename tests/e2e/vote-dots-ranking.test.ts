/**
 * Dot voting and ranking on a phone (375×812) with buttons only — no dragging: the remaining
 * dots are announced, the cap and budget hold, the order moves by keyboard; the server stores one
 * ballot each. axe-core checks both views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { voteActivity } from '../helpers/vote-fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration } from './helpers/app';
import { createLiveWorkshop, Devices, LAPTOP } from './helpers/live';
import { ballot } from '../../src/lib/server/db/schema';

describe('dot voting and ranking on a phone', () => {
	let server: RunningServer;
	let browser: Browser;
	let devices: Devices;
	let fx: Fixtures;
	let phone: Page;
	let facilitator: Page;
	let workshopId: string;
	let dots: { activityId: string; itemIds: string[] };
	let ranking: { activityId: string; itemIds: string[] };

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
		devices = new Devices(browser, server);
		const live = await createLiveWorkshop(server, 'Priorities', []);
		workshopId = live.workshopId;
		fx = new Fixtures(server.database);
		dots = await voteActivity(fx.db, workshopId, 'Spend your dots', { kind: 'dots', budget: 3, cap: 2, statements: ['Transport', 'Housing'], status: 'open', position: 0 });
		ranking = await voteActivity(fx.db, workshopId, 'Rank the priorities', { kind: 'ranking', statements: ['Transport', 'Housing', 'Schools'], status: 'open', position: 1 });
		const me = await fx.participant(workshopId, null, 'Resident / rights holder');
		facilitator = await devices.open(LAPTOP, live.facilitatorToken);
		phone = await devices.openAsParticipant({ width: 375, height: 812 }, me.cookie);
	});

	afterAll(async () => {
		await fx?.close();
		await devices?.closeAll();
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	const goTo = async (title: string) => {
		await facilitator.goto(`${server.url}/workshops/${workshopId}/console`);
		await waitForHydration(facilitator);
		await facilitator.getByRole('button', { name: new RegExp(`^Go here\\W+${title}$`) }).click();
		await facilitator.getByRole('listitem').filter({ hasText: title }).getByText('Now').waitFor();
	};
	const stored = (activityId: string) => fx.db.select({ value: ballot.value }).from(ballot).where(eq(ballot.activityId, activityId));

	it('spends dots within the budget and the cap', async () => {
		await goTo('Spend your dots');
		await phone.goto(`${server.url}/w/${workshopId}`);
		await waitForHydration(phone);
		await phone.getByText('3 dots left of 3').waitFor();
		const addTransport = phone.getByRole('button', { name: 'Add a dot to: Transport' });
		await addTransport.focus();
		await phone.keyboard.press('Enter');
		await phone.keyboard.press('Enter');
		await phone.getByText('1 dot left of 3').waitFor();
		expect(await addTransport.isDisabled()).toBe(true); // the cap is 2
		await phone.getByRole('button', { name: 'Add a dot to: Housing' }).click();
		await phone.getByText('0 dots left of 3').waitFor();
		await phone.getByRole('button', { name: 'Save my vote' }).click();
		await phone.getByText('Your vote is saved — you can change it until the vote closes.').waitFor();
		expect(await stored(dots.activityId)).toEqual([{ value: JSON.stringify({ dots: { [dots.itemIds[0]!]: 2, [dots.itemIds[1]!]: 1 } }) }]);
		await expectNoAxeViolations(phone, 'phone, dot voting');
	});

	it('ranks with move up / move down buttons', async () => {
		await goTo('Rank the priorities');
		await phone.getByRole('button', { name: 'Move up: Schools' }).waitFor();
		await phone.getByRole('button', { name: 'Move up: Schools' }).click();
		await phone.getByText('Schools is now in place 2.').waitFor();
		await phone.getByRole('button', { name: 'Move up: Schools' }).click();
		await phone.getByRole('button', { name: 'Save my vote' }).click();
		await phone.getByText('Your vote is saved — you can change it until the vote closes.').waitFor();
		const [t, h, s] = ranking.itemIds as [string, string, string];
		expect(await stored(ranking.activityId)).toEqual([{ value: JSON.stringify({ order: [s, t, h] }) }]);
		await expectNoAxeViolations(phone, 'phone, ranking');
		expect(devices.pageErrors).toEqual([]);
	});
});
