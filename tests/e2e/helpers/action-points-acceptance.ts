/**
 * The steps of the action-points acceptance test that are "how a person does it" (drafting on a
 * phone by keyboard, answering a validation), with the test's people and words; the test keeps the
 * story and what is checked.
 */
import type { Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import type { Fixtures } from '../../helpers/fixtures';
import { cycle, rightscitiesFramework } from '../../helpers/assessment-fixtures';
import { workshop } from '../../../src/lib/server/db/schema';
import { waitForHydration, waitForPath } from './app';

export const PHONE_375 = { width: 375, height: 812 };
export const SERVANT = 'Civil servant: policy';
export const SOCIETY = 'Civil society organisation';
export const RESIDENT = 'Resident / rights holder';
export const DRAFTING = 'Draft our action points';
export const VALIDATING = 'Do you endorse these action points?';
export const CYCLE = 'Self-assessment 2026';
/** Drafted on the resident's phone: every field a person would fill in. */
export const LETTERS = 'Easy-read letters about housing';
export const DEADLINE = '2027-03-31';
/** Drafted on the console: a title and a type only. */
export const DESK = "A tenants' advice desk in every district";
export const OBJECTION = 'Easy-read alone will not reach people who cannot read';
export const CHANGES = 'Also send the letters as audio recordings';
export const DESK_OBJECTION = 'The districts have no rooms for a desk';
export const DESK_OBJECTION_2 = 'A phone line would reach more people';
export const SAVED = 'Your answer is saved. You can change it until the validation closes.';
export const COORDINATOR = 'Fay Coordinator';
export const PEOPLE = { resident: 'Rita Resident', cleo: 'Cleo Society', cato: 'Cato Society', servant: 'Sam Servant' };
export const WEEK = 7 * 24 * 60 * 60 * 1000;
export const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until a status region on the page says `text`. */
export const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** Drafts the letters action point on a phone with the keyboard: every field a person would fill in. */
export async function draftOnPhone(phone: Page): Promise<void> {
	const add = phone.getByRole('button', { name: 'Add an action point' });
	await add.focus();
	await phone.keyboard.press('Enter');
	await status(phone, 'Action point added.');
	await phone.keyboard.type(LETTERS);
	await phone.getByLabel('Type of action').selectOption({ label: 'Accessibility' });
	await phone.getByLabel('Horizon').selectOption({ label: 'Quick win' });
	await phone.getByLabel('Responsible department').focus();
	await phone.keyboard.type('Housing office');
	await phone.getByLabel('Deadline').fill(DEADLINE);
	await phone.getByRole('button', { name: 'Add an indicator' }).press('Enter');
	await phone.keyboard.type('Letters sent in easy read');
	await phone.keyboard.press('Tab');
	await phone.keyboard.type('0');
	await phone.keyboard.press('Tab');
	await phone.keyboard.type('12');
}

/** One point's card on a phone. */
export const cardOf = (phone: Page, title: string): Locator => phone.locator('form').filter({ has: phone.getByRole('group', { name: title, exact: true }) });

export async function answer(phone: Page, title: string, stance: 'Endorse' | 'Endorse with changes' | 'Object', words = '', attribution?: string): Promise<void> {
	const card = cardOf(phone, title);
	await card.getByLabel(stance, { exact: true }).check();
	if (words) {
		await card.getByLabel(stance === 'Object' ? 'Why do you object?' : 'Which changes?').focus();
		await phone.keyboard.type(words);
	}
	if (attribution) await card.getByRole('group', { name: 'How may we attribute your words?' }).getByLabel(attribution).check();
	await card.getByRole('button', { name: new RegExp(`^Save my answer\\W+${escaped(title)}$`) }).click();
	await card.getByText(SAVED).waitFor();
}

/** The organisation, cycle and workshop of the story, with an action-points activity, a vote, and four people joined. */
export async function seedAcceptance(fx: Fixtures) {
	const coordinator = await fx.user(COORDINATOR);
	const orgId = await fx.organisation([[coordinator, 'facilitator']], 'City of Gdańsk');
	const cycleId = await cycle(fx.db, orgId, (await rightscitiesFramework(fx.db, orgId)).id, [], CYCLE);
	const workshopId = await fx.workshop(orgId, 'Housing rights: what we will do');
	// Role groups of both sides; their sides come from the default labels, nothing set by hand.
	await fx.db.update(workshop).set({ roleGroups: JSON.stringify([SERVANT, SOCIETY, RESIDENT]) }).where(eq(workshop.id, workshopId));
	await fx.activity(workshopId, DRAFTING, 'action_points', 0, 'anonymous');
	const voteId = await fx.activity(workshopId, VALIDATING, 'vote', 1, 'role_group');
	const joined = {
		resident: await fx.participant(workshopId, PEOPLE.resident, RESIDENT),
		cleo: await fx.participant(workshopId, PEOPLE.cleo, SOCIETY),
		cato: await fx.participant(workshopId, PEOPLE.cato, SOCIETY),
		servant: await fx.participant(workshopId, PEOPLE.servant, SERVANT)
	};
	return { coordinator, orgId, cycleId, workshopId, voteId, joined };
}

/** From the workshop's prepare page to the setup page of its vote, as a facilitator clicks there. */
export async function openVoteSetup(facilitator: Page, workshopUrl: string, voteId: string): Promise<void> {
	const path = new URL(workshopUrl).pathname;
	await facilitator.goto(`${workshopUrl}/prepare`);
	await waitForHydration(facilitator);
	await Promise.all([waitForPath(facilitator, `${path}/prepare/${voteId}`), facilitator.getByRole('link', { name: `Edit: ${VALIDATING}` }).click()]);
	await Promise.all([
		waitForPath(facilitator, `${path}/prepare/${voteId}/vote`),
		facilitator.getByRole('link', { name: 'Set up the vote: what is voted on and how' }).click()
	]);
	await waitForHydration(facilitator);
}
