/**
 * A facilitator in a real browser records a validated action point: opens the recording page from
 * the workshop page, follows "Record … in the register" with the keyboard, completes the horizon
 * the draft lacked and submits with the keyboard, finds the entry in the organisation's register,
 * updates its progress as coordinator, turns on the cycle's public page and opens it signed out.
 * The drafts and the closed validation vote are written beforehand (ballots over HTTP by three
 * participants); the phone flow of the vote is tested elsewhere. axe-core checks every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, snapshot, waitForHydration, waitForPath } from './helpers/app';
import { Fixtures } from '../helpers/fixtures';
import { castOver } from '../helpers/vote-http';
import { setVoteStatus, voteActivity } from '../helpers/vote-fixtures';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { organisation, user } from '../../src/lib/server/db/schema';
import { appendDocUpdate } from '../helpers/doc-updates';
import { addActionPoint } from '../../src/lib/shared/action-point-doc';
import { docName } from '../../src/lib/shared/protocol';
import { addActionPoints } from '../../src/lib/server/votes/setup';
import { readItems } from '../../src/lib/server/votes/read';

const TITLE = 'Step-free entrance to the housing office';
const PARTICIPANTS = ['Zofia Secretname', 'Piotr Hiddenname', 'Anna Privatename'];

/** A cycle, a workshop with one drafted point (no horizon yet) and a closed validation that endorsed it. */
async function seedValidatedPoint(server: RunningServer, orgName: string, email: string): Promise<{ orgId: string; cycleId: string; workshopId: string }> {
	const fx = new Fixtures(server.database);
	try {
		const orgId = (await fx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, orgName)).limit(1))[0]!.id;
		const ownerId = (await fx.db.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1))[0]!.id;
		const cycleId = await cycle(fx.db, orgId, (await rightscitiesFramework(fx.db, orgId)).id, [], 'Self-assessment 2026');
		const workshopId = await fx.workshop(orgId, 'Accessible housing');
		const doc = new Y.Doc();
		const pointId = addActionPoint(doc, { title: TITLE, description: 'Ramp and automatic door', type: 'accessibility', department: 'Housing' });
		await appendDocUpdate(fx.db, docName('actions', workshopId), Y.encodeStateAsUpdate(doc));
		const { activityId } = await voteActivity(fx.db, workshopId, 'Validate the action points', { kind: 'endorse' as never, cycleId });
		await addActionPoints(fx.db, ownerId, workshopId, activityId, [pointId], 'Untitled');
		const itemKey = (await readItems(fx.db, activityId))[0]!.id;
		await setVoteStatus(fx.db, activityId, 'open');
		for (const name of PARTICIPANTS) {
			const { cookie } = await fx.participant(workshopId, name);
			expect((await castOver(server, cookie, workshopId, activityId, { itemKey, value: { stance: 'endorse', attribution: 'role_group' }, reason: '' })).status).toBe(200);
		}
		await setVoteStatus(fx.db, activityId, 'closed');
		return { orgId, cycleId, workshopId };
	} finally {
		await fx.close();
	}
}

describe('a facilitator recording a validated action point', () => {
	let server: RunningServer;
	let browser: Browser;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('records it with the keyboard, follows it up in the register and shows it publicly', async () => {
		const account = makeAccount();
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(server.url);
		await waitForPath(page, '/setup');
		await completeSetup(page, account);
		const { orgId, cycleId, workshopId } = await seedValidatedPoint(server, account.organisation, account.email);

		// From the workshop page to the recording page.
		await page.goto(`${server.url}/workshops/${workshopId}`);
		await Promise.all([waitForPath(page, `/workshops/${workshopId}/actions`), page.getByRole('link', { name: 'Record action points in the register' }).click()]);
		await page.getByRole('heading', { name: 'Record action points', level: 1 }).waitFor();
		await page.getByText('Validation: Endorsed').waitFor();
		await page.getByRole('table', { name: `Answers by group for “${TITLE}”` }).waitFor();
		await page.getByText('Not recorded').waitFor();
		await expectNoAxeViolations(page, 'recording page');
		await snapshot(page, 'recording');

		// Keyboard only: follow the link, complete the horizon, submit.
		await waitForHydration(page);
		await page.getByRole('link', { name: `Record “${TITLE}” in the register` }).focus();
		await Promise.all([waitForPath(page, /\/actions\/[a-z0-9]+$/), page.keyboard.press('Enter')]);
		await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
		await waitForHydration(page);
		await expectNoAxeViolations(page, 'record form');
		expect(await page.getByLabel('Title').inputValue()).toBe(TITLE);
		expect(await page.getByLabel('Assessment cycle').inputValue()).toBe(cycleId);
		await page.getByLabel('Type').focus();
		await page.keyboard.press('Tab');
		await page.keyboard.press('ArrowDown');
		expect(await page.getByLabel('Horizon').inputValue()).toBe('strategic');
		await page.getByRole('button', { name: 'Record in the register' }).focus();
		await Promise.all([waitForPath(page, `/workshops/${workshopId}/actions`), page.keyboard.press('Enter')]);
		await page.getByRole('status').filter({ hasText: `“${TITLE}” is now in the register.` }).waitFor();
		await page.getByText(`by ${account.displayName}.`).waitFor();
		await expectNoAxeViolations(page, 'recording page after recording');

		// The entry, then the register's list: the coordinator updates its progress.
		await Promise.all([waitForPath(page, /\/register\/[a-z2-7]+$/), page.getByRole('link', { name: `Open “${TITLE}” in the register` }).click()]);
		await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
		await page.goto(`${server.url}/orgs/${orgId}/register`);
		await page.getByRole('table', { name: 'Actions in the register' }).getByRole('link', { name: TITLE }).waitFor();
		await expectNoAxeViolations(page, 'register');
		await Promise.all([waitForPath(page, /\/register\/[a-z2-7]+$/), page.getByRole('link', { name: TITLE }).click()]);
		await waitForHydration(page);
		const progress = page.locator('form[action="?/progress"]');
		await progress.getByLabel('Status').selectOption({ label: 'In progress' });
		await progress.getByLabel('Progress in percent').fill('30');
		await progress.getByLabel('What happened (note)').fill('The ramp is ordered.');
		await progress.getByRole('button', { name: 'Save the update' }).click();
		await page.getByRole('status').filter({ hasText: 'Update saved.' }).waitFor();
		await expectNoAxeViolations(page, 'entry after update');

		// The cycle's public page, turned on, opened signed out.
		await page.goto(`${server.url}/orgs/${orgId}/cycles/${cycleId}/public`);
		await waitForHydration(page);
		await page.getByRole('button', { name: 'Turn the public page on' }).click();
		await page.getByRole('button', { name: 'Turn the public page off' }).waitFor();
		const link = await page.getByTestId('public-link').getAttribute('href');
		await expectNoAxeViolations(page, 'public page settings');
		await context.close();

		const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const publicPage = await visitor.newPage();
		publicPage.on('pageerror', (error) => pageErrors.push(error.message));
		await publicPage.goto(link!);
		await publicPage.getByRole('heading', { name: 'In progress (1)', level: 2 }).waitFor();
		await publicPage.getByText(TITLE).waitFor();
		const html = await publicPage.content();
		for (const name of [...PARTICIPANTS, account.displayName]) expect(html).not.toContain(name);
		await expectNoAxeViolations(publicPage, 'public page');
		await visitor.close();
		expect(pageErrors).toEqual([]);
	});
});
