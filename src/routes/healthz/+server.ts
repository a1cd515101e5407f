import { json } from '@sveltejs/kit';
import { dbHandle } from '$lib/server/db';
import { log } from '$lib/server/logger';

/** Liveness and readiness: ok once the database answers a query. */
export function GET() {
	try {
		dbHandle().sqlite.prepare('select 1').get();
		return json({ status: 'ok' });
	} catch (error) {
		log.error('health check failed', { error });
		return json({ status: 'unavailable' }, { status: 503 });
	}
}
