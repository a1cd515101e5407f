/**
 * The workshop report in a real browser: reached from the workshop's page, readable (axe-core),
 * and printed clean: with print media the site header and the report's own buttons are gone
 * while the report text stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { removeDir, startServer, type RunningServer } from '../helpers/server';
import { launchBrowser } from './helpers/browser';
import { expectNoAxeViolations } from './helpers/axe';
import { completeSetup, makeAccount, waitForHydration, waitForPath } from './helpers/app';
import { Fixtures } from '../helpers/fixtures';
import { organisation, workshop } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { REPORT, seedReportWorkshop } from '../helpers/report-fixtures';

async function seed(database: string, orgName: string): Promise<string> {
	const fx = new Fixtures(database);
	try {
		const org = (await fx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, orgName)).limit(1))[0]!;
		const workshopId = newId();
		await fx.db.insert(workshop).values({ id: workshopId, organisationId: org.id, title: 'Housing rights', createdAt: Date.now() });
		await seedReportWorkshop(fx.db, org.id, workshopId);
		return workshopId;
	} finally {
		await fx.close();
	}
}

describe('the workshop report page', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (server) await removeDir(server.dir);
	});

	it('renders from the workshop page, passes axe, and prints without navigation', async () => {
		const account = makeAccount();
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(server.url);
		await completeSetup(page, account);
		const workshopId = await seed(server.database, account.organisation);

		await page.goto(`${server.url}/workshops/${workshopId}`);
		await waitForHydration(page);
		await Promise.all([waitForPath(page, `/workshops/${workshopId}/report`), page.getByRole('link', { name: 'Workshop report' }).click()]);
		await waitForHydration(page);

		await page.getByRole('heading', { level: 1, name: 'Workshop report: Housing rights' }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'Acknowledgements' }).waitFor();
		await page.getByRole('table', { name: 'Participants by role group' }).waitFor();
		await page.getByRole('table', { name: `Results by group: ${REPORT.statement}` }).waitFor();
		const caseText = page.getByText(REPORT.caseText);
		await caseText.waitFor();
		expect(await page.getByRole('link', { name: 'Download DOCX' }).getAttribute('href')).toBe(`/workshops/${workshopId}/report.docx`);
		const print = page.getByRole('button', { name: 'Print or save as PDF' });
		expect(await print.isVisible()).toBe(true);
		expect(await page.locator('.site-header').isVisible()).toBe(true);
		await expectNoAxeViolations(page, 'report');

		await page.emulateMedia({ media: 'print' });
		await page.locator('.site-header').waitFor({ state: 'hidden' });
		expect(await page.getByRole('navigation', { name: 'Print and download' }).isVisible()).toBe(false);
		expect(await print.isVisible()).toBe(false);
		expect(await caseText.isVisible()).toBe(true);
		const colours = await page.evaluate(() => {
			const s = getComputedStyle(document.body);
			return [s.color, s.backgroundColor];
		});
		expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
		expect(errors).toEqual([]);
		await page.close();
	});
});
