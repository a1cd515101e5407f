import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getDb } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { log } from '$lib/server/logger';

/** Liveness and readiness: ok once the database answers a query (on SQLite and PostgreSQL alike). */
export async function GET() {
	try {
		// Answers on an empty table too: an empty result still proves the database responds.
		await getDb().select({ one: sql<number>`1` }).from(user).limit(1);
		return json({ status: 'ok' });
	} catch (error) {
		log.error('health check failed', { error });
		return json({ status: 'unavailable' }, { status: 503 });
	}
}
