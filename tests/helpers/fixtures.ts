/** Test data written straight into a server's database: users, sessions, organisations, workshops. */
import { openDb, type DbHandle } from '../../src/lib/server/db/client';
import { activity, membership, organisation, participant, user, workshop } from '../../src/lib/server/db/schema';
import { createSession, generateSessionToken, sessionIdOf, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { PARTICIPANT_COOKIE } from '../../src/lib/server/participants';
import { newId } from '../../src/lib/server/ids';
import type { Role } from '../../src/lib/server/access';

export interface TestUser {
	id: string;
	email: string;
	token: string;
	/** Cookie header value carrying the session. */
	cookie: string;
}

export class Fixtures {
	readonly handle: DbHandle;
	constructor(dbPath: string) {
		this.handle = openDb(dbPath);
	}

	get db() {
		return this.handle.db;
	}

	/** A user with a live session. */
	async user(name = 'Test User'): Promise<TestUser> {
		const id = newId();
		const email = `${id}@example.org`;
		this.db.insert(user).values({ id, email, displayName: name, passwordHash: 'x', createdAt: Date.now() }).run();
		const token = generateSessionToken();
		await createSession(this.db, token, id);
		return { id, email, token, cookie: `${SESSION_COOKIE}=${token}` };
	}

	/** An organisation with the given members. */
	organisation(members: [TestUser, Role][], name = 'Test City'): string {
		const id = newId();
		const now = Date.now();
		this.db.insert(organisation).values({ id, name, createdAt: now }).run();
		for (const [u, role] of members) {
			this.db.insert(membership).values({ organisationId: id, userId: u.id, role, createdAt: now }).run();
		}
		return id;
	}

	/** A workshop in `organisationId`; returns its id. */
	workshop(organisationId: string, title = 'Test workshop'): string {
		const id = newId();
		this.db.insert(workshop).values({ id, organisationId, title, createdAt: Date.now() }).run();
		return id;
	}

	/** A participant who joined `workshopId`, with the cookie their device would hold. */
	participant(workshopId: string, displayName: string | null, roleGroup = 'civil society organisation'): { id: string; cookie: string } {
		const id = newId();
		const token = generateSessionToken();
		this.db
			.insert(participant)
			.values({ id, workshopId, displayName, roleGroup, tokenHash: sessionIdOf(token), createdAt: Date.now() })
			.run();
		return { id, cookie: `${PARTICIPANT_COOKIE(workshopId)}=${token}` };
	}

	/** Appends an activity to a workshop's agenda; returns its id. */
	activity(workshopId: string, title: string, type = 'brainstorm', position = 0, anonymity = 'role_group'): string {
		const id = newId();
		this.db
			.insert(activity)
			.values({ id, workshopId, position, type, title, prompt: `Prompt for ${title}`, plannedMinutes: 10, anonymity, createdAt: Date.now() })
			.run();
		return id;
	}

	close(): void {
		this.handle.close();
	}
}
