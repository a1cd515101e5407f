/**
 * A coordinator in a real browser: opens the action register from the organisation page, filters
 * it to overdue actions, updates one action's progress, turns on the cycle's public page and opens
 * that page signed out. axe-core checks the register, the entry and the public page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, snapshot, waitForHydration, waitForPath } from './helpers/app';
import { Fixtures } from '../helpers/fixtures';
import { organisation, user, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { seedDemoRegister } from '../../src/lib/server/demo/register';

/** A cycle, a workshop and the demo register in the organisation named `name`. */
async function seedRegister(database: string, name: string, email: string): Promise<{ orgId: string; cycleId: string }> {
	const fx = new Fixtures(database);
	try {
		const org = (await fx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, name)).limit(1))[0]!;
		const owner = (await fx.db.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1))[0]!;
		const cycleId = await cycle(fx.db, org.id, (await rightscitiesFramework(fx.db, org.id)).id, [], 'Self-assessment 2026');
		const workshopId = newId();
		await fx.db.insert(workshop).values({ id: workshopId, organisationId: org.id, title: 'Housing workshop', createdAt: Date.now() });
		await seedDemoRegister(fx.db, owner.id, org.id, cycleId, workshopId);
		return { orgId: org.id, cycleId };
	} finally {
		await fx.close();
	}
}

describe('a coordinator following up the action register', () => {
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

	it('filters, updates progress and publishes the public page', async () => {
		const account = makeAccount();
		const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(server.url);
		await waitForPath(page, '/setup');
		await completeSetup(page, account);
		const { orgId, cycleId } = await seedRegister(server.database, account.organisation, account.email);
		const base = `/orgs/${orgId}/register`;

		// From the organisation page to the register: five actions, one marked overdue in words.
		await page.goto(`${server.url}/orgs/${orgId}`);
		await Promise.all([waitForPath(page, base), page.getByRole('link', { name: 'Action register' }).click()]);
		await page.getByRole('heading', { name: 'Action register', level: 1 }).waitFor();
		await page.getByRole('status').filter({ hasText: '5 actions shown.' }).waitFor();
		expect(await page.getByRole('table', { name: 'Actions in the register' }).getByText('Overdue').count()).toBe(1);
		await expectNoAxeViolations(page, 'register');
		await snapshot(page, 'register');

		// Only overdue actions, then only quick wins sorted by status: the filters are in the address.
		await waitForHydration(page);
		await page.getByLabel('Only overdue actions').check();
		await Promise.all([page.waitForURL((url) => url.searchParams.get('overdue') === '1'), page.getByRole('button', { name: 'Show' }).click()]);
		await page.getByRole('status').filter({ hasText: '1 action shown.' }).waitFor();
		await page.getByLabel('Only overdue actions').uncheck();
		await page.getByLabel('Horizon').selectOption({ label: 'Long-term, strategic' });
		await Promise.all([page.waitForURL((url) => url.searchParams.get('horizon') === 'strategic'), page.getByRole('button', { name: 'Show' }).click()]);
		await page.getByRole('status').filter({ hasText: '2 actions shown.' }).waitFor();
		await page.getByLabel('Horizon').selectOption({ label: 'Any' });
		await page.getByLabel('Only overdue actions').check();
		await Promise.all([page.waitForURL((url) => url.searchParams.get('horizon') === ''), page.getByRole('button', { name: 'Show' }).click()]);
		await page.getByRole('status').filter({ hasText: '1 action shown.' }).waitFor();

		// The stuck, overdue action gets moving again.
		await Promise.all([waitForPath(page, /\/register\/[a-z2-7]+$/), page.getByRole('link', { name: 'Step-free entrance to the housing office' }).click()]);
		await waitForHydration(page);
		await page.getByRole('heading', { name: 'Step-free entrance to the housing office', level: 1 }).waitFor();
		await expectNoAxeViolations(page, 'entry');
		const progress = page.locator('form[action="?/progress"]');
		await progress.getByLabel('Status').selectOption({ label: 'In progress' });
		await progress.getByLabel('Progress in percent').fill('60');
		await progress.getByLabel('What happened (note)').fill('Permit granted; works start on Monday.');
		await progress.getByRole('button', { name: 'Save the update' }).click();
		await page.getByRole('status').filter({ hasText: 'Update saved.' }).waitFor();
		const history = page.getByRole('region', { name: 'History' });
		await history.getByText('Status: Stuck → In progress').waitFor();
		await history.getByText('Progress: 40 % → 60 %').waitFor();
		await history.getByText('Note: Permit granted; works start on Monday.').waitFor();
		await expectNoAxeViolations(page, 'entry after update');
		await snapshot(page, 'register-entry');

		// The public page of the cycle: off, then on, with a link to share.
		await page.goto(`${server.url}${base}`);
		await Promise.all([waitForPath(page, `/orgs/${orgId}/cycles/${cycleId}/public`), page.getByRole('link', { name: 'Public page for Self-assessment 2026' }).click()]);
		await waitForHydration(page);
		await page.getByText('The public page is off.').waitFor();
		await page.getByRole('button', { name: 'Turn the public page on' }).click();
		await page.getByRole('button', { name: 'Turn the public page off' }).waitFor();
		const link = await page.getByTestId('public-link').getAttribute('href');
		expect(link).toMatch(/\/p\/[a-z2-7]{32}$/);
		await expectNoAxeViolations(page, 'public page settings');
		await context.close();

		// Signed out, in a fresh browser: the public page, grouped by status, without owners.
		const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const publicPage = await visitor.newPage();
		publicPage.on('pageerror', (error) => pageErrors.push(error.message));
		await publicPage.goto(link!);
		await publicPage.getByRole('heading', { name: 'You said, we did: Self-assessment 2026', level: 1 }).waitFor();
		await publicPage.getByRole('heading', { name: 'In progress (3)', level: 2 }).waitFor();
		await publicPage.getByRole('heading', { name: 'Done (1)', level: 2 }).waitFor();
		expect(await publicPage.getByText('Head of facilities').count()).toBe(0);
		expect(await publicPage.getByText(account.displayName).count()).toBe(0);
		await expectNoAxeViolations(publicPage, 'public page');
		await snapshot(publicPage, 'register-public');
		await visitor.close();
		expect(pageErrors).toEqual([]);
	});
});
