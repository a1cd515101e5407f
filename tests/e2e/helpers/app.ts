/**
 * The steps people take in the app, written once for the e2e tests: first-start setup,
 * signing in and out, and waiting for the board to be live. Fields are found by their form
 * names (the contract with the account pages), buttons by role.
 */
import type { Page } from 'playwright-core';

export interface Account {
	displayName: string;
	email: string;
	password: string;
	organisation: string;
}

/** A unique, valid account for one test. */
export function makeAccount(overrides: Partial<Account> = {}): Account {
	const tag = Math.random().toString(36).slice(2, 8);
	return {
		displayName: `Facilitator ${tag}`,
		email: `facilitator-${tag}@example.org`,
		password: `correct horse ${tag}`,
		organisation: `City of Testing ${tag}`,
		...overrides
	};
}

/** Resolves when the page is at `pathname` (a full load or a client-side navigation). */
export async function waitForPath(page: Page, pathname: string | RegExp): Promise<void> {
	await page.waitForURL((url) => (typeof pathname === 'string' ? url.pathname === pathname : pathname.test(url.pathname)));
}

/**
 * Waits until the page's scripts have loaded and hydrated it. Typing earlier races hydration,
 * which can reset inputs rendered with a `value` attribute.
 */
export async function waitForHydration(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** Fills the one-time setup form and waits for the home page. */
export async function completeSetup(page: Page, account: Account): Promise<void> {
	await waitForHydration(page);
	const form = page.locator('main form');
	await form.locator('[name="displayName"]').fill(account.displayName);
	await form.locator('[name="email"]').fill(account.email);
	await form.locator('[name="password"]').fill(account.password);
	await form.locator('[name="organisation"]').fill(account.organisation);
	await Promise.all([waitForPath(page, '/'), form.locator('button[type="submit"]').click()]);
}

/** Signs in on the sign-in page the browser is on; waits until it has left it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await waitForHydration(page);
	const form = page.locator('main form');
	await form.locator('[name="email"]').fill(email);
	await form.locator('[name="password"]').fill(password);
	await Promise.all([page.waitForURL((url) => url.pathname !== '/signin'), form.locator('button[type="submit"]').click()]);
}

/** Signs out with the POST form in the site header; waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
	await Promise.all([waitForPath(page, '/signin'), page.locator('form[action="/signout"] button[type="submit"]').click()]);
}

/** Waits until the board says it is connected and synced. */
export async function waitUntilConnected(page: Page, timeout = 15_000): Promise<void> {
	try {
		await page.getByRole('status').filter({ hasText: /Connection:\s*Connected/ }).waitFor({ timeout });
	} catch (error) {
		const shown = await page.locator('[role="status"]').allTextContents();
		throw new Error(`the board did not connect within ${timeout} ms; status regions say ${JSON.stringify(shown)}`, { cause: error });
	}
}

/** Saves a screenshot when E2E_SCREENSHOTS names a folder (for looking at the UI, not for asserting). */
export async function snapshot(page: Page, name: string): Promise<void> {
	const dir = process.env.E2E_SCREENSHOTS;
	if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
