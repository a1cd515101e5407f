/**
 * Demo content for RIGHTSBOARD_DEMO=1: on a database without accounts, one organisation, one
 * facilitator with a random password, an assessment cycle with twenty findings, and one workshop
 * whose board holds a few example notes and whose agenda ends with a case study, a finding vote and
 * drafting action points (five drafts in its actions document), and an action register with five recorded action points and their progress.
 * Relative imports only: the server entry (outside SvelteKit) loads this file too.
 */
import * as Y from 'yjs';
import { asc, eq } from 'drizzle-orm';
import { workshop as workshopTable } from './db/schema';
import type { Db } from './db/client';
import { newId } from './ids';
import { DEMO_EMAIL } from './setup';
import { registerAccount } from './accounts';
import { seedDemoAgenda } from './demo-agenda';
import { seedDemoCycle, seedDemoVote } from './demo/assessment';
import { seedDemoCase } from './demo/case-study';
import { seedDemoRegister } from './demo/register';
import { seedDemoActionPoints } from './demo/action-points';
import { findUserByEmail } from './users';
import { createWorkshop } from './workshops';
import { addNote, initialiseDoc, NOTE_COLOURS } from '../shared/doc-schema';
import { docName, parseDocName } from '../shared/protocol';
import { m } from '../paraglide/messages.js';
import { baseLocale } from '../paraglide/runtime.js';

export { DEMO_EMAIL };

class DemoExists extends Error {}

export interface DemoContent {
	email: string;
	/** Shown once to the operator; only its hash is stored. */
	password: string;
	organisationId: string;
	organisationName: string;
	workshopId: string;
	workshopTitle: string;
	/** Synced documents (the board, the case study, the action points) and their first state, for the sync server's update log. */
	docs: { doc: string; update: Uint8Array }[];
}

/** Letters and digits without look-alikes (no 0/o, 1/l/i); 32 symbols, so a byte maps without bias. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789A';

/** A random password like `k7mq-x2ve-9tfa-pcw3` (80 bits), easy to read out and type. */
export function demoPassword(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
	return chars.match(/.{4}/g)!.join('-');
}

const caseStudyOf = (doc: string) => {
	const name = parseDocName(doc);
	return name?.kind === 'case' ? name.caseStudyId : null;
};

/** The demo board's first state: schema version and three example notes. */
export function demoBoardUpdate(now = Date.now()): Uint8Array {
	const doc = new Y.Doc();
	const opts = { locale: baseLocale } as const;
	const texts = [m.demo_note_1({}, opts), m.demo_note_2({}, opts), m.demo_note_3({}, opts)];
	doc.transact(() => {
		initialiseDoc(doc);
		texts.forEach((text, i) => addNote(doc, newId(), text, NOTE_COLOURS[i % NOTE_COLOURS.length], now + i));
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/**
 * Creates the demo content unless the demo account exists (later starts return null), so running
 * it on every start is safe. It does not close /setup: people can still create their own account.
 */
export async function seedDemo(db: Db): Promise<DemoContent | null> {
	if (await findUserByEmail(db, DEMO_EMAIL)) return null;
	const password = demoPassword();
	const opts = { locale: baseLocale } as const;
	let account;
	try {
		account = await registerAccount(
			db,
			{ email: DEMO_EMAIL, displayName: 'Demo facilitator', password, organisation: m.demo_organisation_name({}, opts) },
			async (tx) => {
				if (await findUserByEmail(tx, DEMO_EMAIL)) throw new DemoExists();
			}
		);
	} catch (error) {
		// Another process seeded the demo between our check and our insert: nothing to do.
		if (error instanceof DemoExists) return null;
		throw error;
	}
	const workshop = await createWorkshop(db, {
		organisationId: account.organisation.id,
		title: m.demo_workshop_title({}, opts),
		createdBy: account.user.id
	});
	await seedDemoAgenda(db, account.user.id, workshop.id);
	const cycleId = await seedDemoCycle(db, account.user.id, account.organisation.id);
	const caseDoc = await seedDemoCase(db, account.user.id, workshop.id);
	await seedDemoVote(db, account.user.id, workshop.id, cycleId);
	const actionsDoc = await seedDemoActionPoints(db, account.user.id, workshop.id, cycleId, caseStudyOf(caseDoc.doc));
	await seedDemoRegister(db, account.user.id, account.organisation.id, cycleId, workshop.id);
	return {
		email: DEMO_EMAIL,
		password,
		organisationId: account.organisation.id,
		organisationName: account.organisation.name,
		workshopId: workshop.id,
		workshopTitle: workshop.title,
		docs: [{ doc: docName('board', workshop.id), update: demoBoardUpdate() }, caseDoc, actionsDoc]
	};
}

/** The demo workshop (the demo account's first), or null when there is no demo. */
export async function demoWorkshopId(db: Db): Promise<string | null> {
	const demo = await findUserByEmail(db, DEMO_EMAIL);
	if (!demo) return null;
	const [row] = await db
		.select({ id: workshopTable.id })
		.from(workshopTable)
		.where(eq(workshopTable.createdBy, demo.id))
		.orderBy(asc(workshopTable.createdAt), asc(workshopTable.id))
		.limit(1);
	return row?.id ?? null;
}
