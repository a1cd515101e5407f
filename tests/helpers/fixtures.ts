/** Test data written straight into a server's database: users, sessions, organisations, workshops. */
import { connectPostgres, openSqlite, type DbHandle } from '../../src/lib/server/db/client';
import { isPostgresUrl } from '../../src/lib/server/db/dialect';
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
	/** `database` is a server's DATABASE_URL (RunningServer.database): a SQLite path or a postgres:// URL, already migrated by the server. */
	constructor(database: string) {
		this.handle = isPostgresUrl(database) ? connectPostgres(database, 2) : openSqlite(database);
	}

	get db() {
		return this.handle.db;
	}

	/** A user with a live session. */
	async user(name = 'Test User'): Promise<TestUser> {
		const id = newId();
		const email = `${id}@example.org`;
		await this.db.insert(user).values({ id, email, displayName: name, passwordHash: 'x', createdAt: Date.now() });
		const token = generateSessionToken();
		await createSession(this.db, token, id);
		return { id, email, token, cookie: `${SESSION_COOKIE}=${token}` };
	}

	/** An organisation with the given members. */
	async organisation(members: [TestUser, Role][], name = 'Test City'): Promise<string> {
		const id = newId();
		const now = Date.now();
		await this.db.insert(organisation).values({ id, name, createdAt: now });
		for (const [u, role] of members) {
			await this.db.insert(membership).values({ organisationId: id, userId: u.id, role, createdAt: now });
		}
		return id;
	}

	/** A workshop in `organisationId`; returns its id. */
	async workshop(organisationId: string, title = 'Test workshop'): Promise<string> {
		const id = newId();
		await this.db.insert(workshop).values({ id, organisationId, title, createdAt: Date.now() });
		return id;
	}

	/** A participant who joined `workshopId`, with the cookie their device would hold. */
	async participant(workshopId: string, displayName: string | null, roleGroup = 'civil society organisation'): Promise<{ id: string; cookie: string }> {
		const id = newId();
		const token = generateSessionToken();
		await this.db.insert(participant).values({ id, workshopId, displayName, roleGroup, tokenHash: sessionIdOf(token), createdAt: Date.now() });
		return { id, cookie: `${PARTICIPANT_COOKIE(workshopId)}=${token}` };
	}

	/** Appends an activity to a workshop's agenda; returns its id. */
	async activity(workshopId: string, title: string, type = 'brainstorm', position = 0, anonymity = 'role_group'): Promise<string> {
		const id = newId();
		await this.db
			.insert(activity)
			.values({ id, workshopId, position, type, title, prompt: `Prompt for ${title}`, plannedMinutes: 10, anonymity, createdAt: Date.now() });
		return id;
	}

	async close(): Promise<void> {
		await this.handle.close();
	}
}
