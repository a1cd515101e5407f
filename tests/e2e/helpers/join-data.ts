/**
 * Workshops and participants written straight into a running server's database (WAL allows a
 * second connection), so the joining tests do not depend on the workshop editor's pages.
 */
import { count, eq } from 'drizzle-orm';
import { Fixtures } from '../../helpers/fixtures';
import { organisation, participant, workshop } from '../../../src/lib/server/db/schema';
import { newId } from '../../../src/lib/server/ids';
import { joinWorkshop, type JoinInput } from '../../../src/lib/server/participants';

/** Adds a workshop to the organisation of that name; returns its id. */
export async function addWorkshop(database: string, input: { organisation: string; title: string; roleGroups: string[] }): Promise<string> {
	const fx = new Fixtures(database);
	try {
		const [org] = await fx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, input.organisation)).limit(1);
		if (!org) throw new Error(`no organisation named "${input.organisation}" in ${database}`);
		const id = newId();
		await fx.db
			.insert(workshop)
			.values({ id, organisationId: org.id, title: input.title, roleGroups: JSON.stringify(input.roleGroups), createdAt: Date.now() });
		return id;
	} finally {
		await fx.close();
	}
}

/** Joins a workshop as the app would; returns the token a participant cookie would carry. */
export async function addParticipant(database: string, workshopId: string, input: JoinInput): Promise<string> {
	const fx = new Fixtures(database);
	try {
		return (await joinWorkshop(fx.db, workshopId, input)).token;
	} finally {
		await fx.close();
	}
}

/** How many participants a workshop has, removed ones included. */
export async function participantCount(database: string, workshopId: string): Promise<number> {
	const fx = new Fixtures(database);
	try {
		const [row] = await fx.db.select({ n: count() }).from(participant).where(eq(participant.workshopId, workshopId));
		return row!.n;
	} finally {
		await fx.close();
	}
}
