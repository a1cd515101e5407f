/**
 * A coordinator in a real browser: imports the documented 40-finding CSV (after a bad file that
 * imports nothing), finds a finding in the grouped list, edits it, adds evidence (after a refused
 * link), moves its status on, and reads the history. Every state is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { Fixtures } from '../helpers/fixtures';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, snapshot, waitForHydration, waitForPath } from './helpers/app';
import { organisation, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { cycle, proposal, rightscitiesFramework } from '../helpers/assessment-fixtures';

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../docs/examples/findings.csv'));

/** A framework with the built-in item codes, a cycle on it and a participant's proposal, in the organisation named `name`. */
async function seedCycle(database: string, name: string): Promise<{ orgId: string; cycleId: string }> {
	const fx = new Fixtures(database);
	try {
		const [org] = await fx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, name)).limit(1);
		if (!org) throw new Error(`no organisation named "${name}"`);
		const fw = await rightscitiesFramework(fx.db, org.id);
		const cycleId = await cycle(fx.db, org.id, fw.id, [], 'Self-assessment 2024');
		const workshopId = newId();
		await fx.db.insert(workshop).values({ id: workshopId, organisationId: org.id, title: 'Housing workshop', createdAt: Date.now() });
		await proposal(fx.db, { workshopId, cycleId, nodeId: fw.nodes.get('P2.H.3')!, roleGroup: 'Residents', statement: 'Personal assistance stops at 8 pm', reason: 'Many of us need help later' });
		return { orgId: org.id, cycleId };
	} finally {
		await fx.close();
	}
}

describe('a coordinator working on findings', () => {
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

	async function upload(page: Page, name: string, content: Buffer): Promise<void> {
		await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
		await page.getByRole('button', { name: 'Check and import' }).click();
	}

	it('imports 40 findings from CSV and edits one, with history', async () => {
		const account = makeAccount();
		const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
		const page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(server.url);
		await waitForPath(page, '/setup');
		await completeSetup(page, account);
		const { orgId, cycleId } = await seedCycle(server.database, account.organisation);
		const base = `/orgs/${orgId}/cycles/${cycleId}`;

		// The empty cycle explains the two ways to add findings.
		await page.goto(`${server.url}${base}`);
		await page.getByRole('heading', { name: 'No findings yet' }).waitFor();
		await expectNoAxeViolations(page, 'empty cycle');

		// A file with a bad row: nothing imported, the problem listed by row and column.
		await Promise.all([waitForPath(page, `${base}/import`), page.getByRole('link', { name: 'Import findings from a CSV file' }).first().click()]);
		await waitForHydration(page);
		const bad = Buffer.from(EXAMPLE.toString('utf8').replace('P1.T.2,', 'P1.T.7,'));
		await upload(page, 'bad.csv', bad);
		const table = page.getByRole('table', { name: 'Problems in the file' });
		await table.waitFor();
		expect(await table.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^17\s+item_code\s+No item of this cycle's framework has this code\.$/)]);
		await expectNoAxeViolations(page, 'import with problems');
		await snapshot(page, 'findings-import-problems');

		// The example file: 40 findings imported.
		await upload(page, 'findings.csv', EXAMPLE);
		await page.getByRole('status').filter({ hasText: '40 findings imported.' }).waitFor();
		expect(await table.count()).toBe(0);
		await expectNoAxeViolations(page, 'import done');

		// The grouped list: parts, sections and items as headings, with rating, status and evidence.
		await Promise.all([waitForPath(page, base), page.getByRole('link', { name: 'Back to the findings of Self-assessment 2024' }).first().click()]);
		await page.getByRole('heading', { name: 'P1.S.3 Text of P1.S.3', level: 4 }).waitFor();
		expect(await page.getByRole('status').filter({ hasText: '40 findings' }).count()).toBe(1);
		await expectNoAxeViolations(page, 'cycle with findings');
		await snapshot(page, 'findings-cycle');

		// Filter by status.
		await page.getByLabel('Show findings with status').selectOption({ label: 'Contested' });
		await Promise.all([page.waitForURL((url) => url.searchParams.get('status') === 'contested'), page.getByRole('button', { name: 'Show' }).click()]);
		await page.getByRole('status').filter({ hasText: '4 findings' }).waitFor();

		// Edit a finding.
		await Promise.all([
			page.waitForURL((url) => url.pathname.startsWith(`${base}/findings/`)),
			page.getByRole('link', { name: 'A participatory human rights council exists on paper but has not met since 2022.' }).click()
		]);
		await waitForHydration(page);
		await page.getByRole('heading', { name: 'Finding on P1.S.4', level: 1 }).waitFor();
		await page.getByLabel('Statement').fill('The participatory human rights council has not met since 2022.');
		await page.getByLabel('Rating').selectOption({ label: 'Not in place' });
		await page.getByRole('button', { name: 'Save changes' }).click();
		await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
		const history = page.getByRole('region', { name: 'History' });
		await history.getByText('Rating: Partly in place → Not in place').waitFor();
		expect(await history.getByText(`By ${account.displayName}`).count()).toBe(2);

		// Evidence: a link without scheme is refused and focused; then accepted.
		const add = page.locator('form[action="?/addEvidence"]');
		await add.getByLabel('Kind of evidence').selectOption({ label: 'Document' });
		await add.getByLabel('Text').fill('Invitation to the last council meeting');
		await add.getByLabel('Link').evaluate((el: HTMLInputElement) => (el.type = 'text'));
		await add.getByLabel('Link').fill('example.org/invitation');
		await add.getByRole('button', { name: 'Add evidence' }).click();
		await add.getByText('Give a full link that starts with https:// or http://.').waitFor();
		await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'url');
		await expectNoAxeViolations(page, 'evidence refused');
		await add.getByLabel('Link').fill('https://example.org/invitation');
		await add.getByRole('button', { name: 'Add evidence' }).click();
		await page.getByRole('status').filter({ hasText: 'Evidence added.' }).waitFor();
		await page.getByRole('heading', { name: 'Evidence 2: Document' }).waitFor();
		// Moving it up takes away the pressed button: focus lands on the moved item's heading.
		await page.getByRole('button', { name: 'Move evidence 2 up' }).click();
		await page.getByRole('heading', { name: 'Evidence 1: Document' }).waitFor();
		await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Evidence 1: Document');

		// Status: contested → back to draft is offered; draft → under review.
		await page.getByLabel('Change the status to').selectOption({ label: 'Draft' });
		await page.getByRole('button', { name: 'Change status' }).click();
		await page.getByText('Current status: Draft').waitFor();
		await history.getByText('Status: Contested → Draft').waitFor();
		await expectNoAxeViolations(page, 'finding after edits');
		await snapshot(page, 'findings-edit');

		// A participant's proposal: reviewed with the role group shown, accepted into a new finding.
		await page.goto(`${server.url}${base}`);
		await Promise.all([waitForPath(page, `${base}/proposals`), page.getByRole('link', { name: '1 participant proposal is waiting for review' }).click()]);
		await waitForHydration(page);
		await page.getByText('Proposed by: Residents').waitFor();
		await expectNoAxeViolations(page, 'proposals');
		await page.getByRole('button', { name: 'Accept' }).click();
		await page.getByRole('status').filter({ hasText: 'Proposal accepted.' }).waitFor();
		await page.getByText('No proposals are waiting.').waitFor();
		await page.goto(`${server.url}${base}`);
		await page.getByRole('link', { name: 'Personal assistance stops at 8 pm' }).waitFor();
		expect(await page.getByRole('status').filter({ hasText: '41 findings' }).count()).toBe(1);
		expect(pageErrors).toEqual([]);
		await context.close();
	});
});
