/**
 * Workshops and participants written straight into a running server's database (WAL allows a
 * second connection), so the joining tests do not depend on the workshop editor's pages.
 */
import { eq } from 'drizzle-orm';
import { openDb } from '../../../src/lib/server/db/client';
import { organisation, workshop } from '../../../src/lib/server/db/schema';
import { newId } from '../../../src/lib/server/ids';
import { joinWorkshop, type JoinInput } from '../../../src/lib/server/participants';

/** Adds a workshop to the organisation of that name; returns its id. */
export function addWorkshop(dbPath: string, input: { organisation: string; title: string; roleGroups: string[] }): string {
	const handle = openDb(dbPath);
	try {
		const org = handle.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, input.organisation)).get();
		if (!org) throw new Error(`no organisation named "${input.organisation}" in ${dbPath}`);
		const id = newId();
		handle.db
			.insert(workshop)
			.values({ id, organisationId: org.id, title: input.title, roleGroups: JSON.stringify(input.roleGroups), createdAt: Date.now() })
			.run();
		return id;
	} finally {
		handle.close();
	}
}

/** Joins a workshop as the app would; returns the token a participant cookie would carry. */
export function addParticipant(dbPath: string, workshopId: string, input: JoinInput): string {
	const handle = openDb(dbPath);
	try {
		return joinWorkshop(handle.db, workshopId, input).token;
	} finally {
		handle.close();
	}
}

/** How many participants a workshop has, removed ones included. */
export function participantCount(dbPath: string, workshopId: string): number {
	const handle = openDb(dbPath);
	try {
		const row = handle.sqlite.prepare('select count(*) as n from participant where workshop_id = ?').get(workshopId) as { n: number };
		return row.n;
	} finally {
		handle.close();
	}
}
