/**
 * A live workshop for the e2e tests: a facilitator with a session (written through the test
 * fixtures), a workshop with role groups and an agenda, browser contexts sized like the devices
 * people bring, and joining through the real join pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Fixtures } from '../../helpers/fixtures';
import type { RunningServer } from '../../helpers/server';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/session';
import { addWorkshop } from './join-data';
import { waitForHydration, waitForPath } from './app';

export const PHONE = { width: 360, height: 740 };
export const LAPTOP = { width: 1280, height: 800 };
export const PROJECTOR = { width: 1920, height: 1080 };
export const ROLE_GROUPS = ['Civil servant', 'Civil society', 'Resident'];

export interface LiveWorkshop {
	workshopId: string;
	title: string;
	/** Session cookie value of an organisation facilitator. */
	facilitatorToken: string;
	/** Activity ids by title. */
	activities: Record<string, string>;
}

export interface AgendaItem {
	title: string;
	type: 'orientation' | 'brainstorm' | 'discussion' | 'break';
	anonymity?: 'anonymous' | 'role_group' | 'named';
}

/** Creates a facilitator, an organisation, a workshop with role groups, and its agenda. */
export async function createLiveWorkshop(server: RunningServer, title: string, agenda: AgendaItem[]): Promise<LiveWorkshop> {
	const fx = new Fixtures(server.database);
	try {
		const facilitator = await fx.user('Fay Facilitator');
		const orgName = `Org ${Math.random().toString(36).slice(2, 8)}`;
		await fx.organisation([[facilitator, 'facilitator']], orgName);
		const workshopId = await addWorkshop(server.database, { organisation: orgName, title, roleGroups: ROLE_GROUPS });
		const activities: Record<string, string> = {};
		for (const [i, a] of agenda.entries()) activities[a.title] = await fx.activity(workshopId, a.title, a.type, i, a.anonymity ?? 'role_group');
		return { workshopId, title, facilitatorToken: facilitator.token, activities };
	} finally {
		await fx.close();
	}
}

/** Opens browser contexts and collects their uncaught page errors; closes them all at the end. */
export class Devices {
	readonly contexts: BrowserContext[] = [];
	readonly pageErrors: string[] = [];
	constructor(
		readonly browser: Browser,
		readonly server: RunningServer
	) {}

	async open(viewport: { width: number; height: number }, sessionToken?: string): Promise<Page> {
		const context = await this.browser.newContext({ viewport });
		this.contexts.push(context);
		if (sessionToken) await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: this.server.url }]);
		return this.watch(await context.newPage());
	}

	/** A device that has already joined: `cookie` is the participant's `name=value` cookie from the fixtures. */
	async openAsParticipant(viewport: { width: number; height: number }, cookie: string): Promise<Page> {
		const page = await this.open(viewport);
		const [name, ...value] = cookie.split('=');
		await page.context().addCookies([{ name: name!, value: value.join('='), url: this.server.url }]);
		return page;
	}

	watch(page: Page): Page {
		page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
		return page;
	}

	async closeAll(): Promise<void> {
		for (const context of this.contexts.splice(0)) await context.close();
	}
}

/** The join link and short code as the People page shows them. */
export async function sharedJoinWays(people: Page): Promise<{ link: string; code: string }> {
	const link = await people.getByRole('link', { name: /\/j\/[a-z2-7]{32}$/ }).textContent();
	const code = await people.getByText(/^[A-HJKMNP-Z2-9]{4} [A-HJKMNP-Z2-9]{4}$/).textContent();
	return { link: link!.trim(), code: code!.trim() };
}

/** Types the short code on /join and continues to the join form. */
export async function enterCode(page: Page, baseUrl: string, code: string): Promise<void> {
	await page.goto(`${baseUrl}/join`);
	await waitForHydration(page);
	await page.getByLabel('Workshop code').fill(code);
	await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/j/')), page.getByRole('button', { name: 'Continue' }).click()]);
}

/** Fills the join form the page shows (named when `name` is given) and lands on the workshop. */
export async function fillJoinForm(page: Page, workshopId: string, who: { name: string | null; group: string }): Promise<void> {
	await waitForHydration(page);
	if (who.name === null) await page.getByLabel('Stay anonymous (give no name)').check();
	else await page.getByLabel('Your name or a nickname').fill(who.name);
	await page.getByRole('group', { name: 'Which group are you part of?' }).getByLabel(who.group).check();
	await Promise.all([waitForPath(page, `/w/${workshopId}`), page.getByRole('button', { name: 'Join the workshop' }).click()]);
}

/** Adds a note with the phone's "Your notes" form. */
export async function addNoteOnPhone(page: Page, text: string): Promise<void> {
	await page.getByLabel('Your note', { exact: true }).fill(text);
	await page.getByRole('button', { name: 'Add note' }).click();
	await page.getByRole('region', { name: 'Your notes' }).getByText(text, { exact: true }).waitFor();
}

/** Presses a console toggle (Hidden writing, Reveal notes…) and waits until the server's state shows it. */
export async function toggle(facilitator: Page, name: string, pressed: boolean): Promise<void> {
	const button = facilitator.getByRole('button', { name });
	await button.click();
	const end = Date.now() + 10_000;
	while ((await button.getAttribute('aria-pressed')) !== String(pressed)) {
		if (Date.now() > end) throw new Error(`"${name}" did not become ${pressed ? 'pressed' : 'not pressed'}`);
		await facilitator.waitForTimeout(50);
	}
}

/** The page's visible text, for "this must not be shown" checks, plus its markup. */
export async function everythingOn(page: Page): Promise<string> {
	return (await page.locator('body').innerText()) + (await page.content());
}
