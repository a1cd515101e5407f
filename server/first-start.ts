/**
 * What happens on start before serving: demo content when RIGHTSBOARD_DEMO=1. The demo
 * credentials are printed on the start that creates them and never again (only a hash is kept).
 */
import type { Config } from '../src/lib/server/config';
import { dbHandle } from '../src/lib/server/db';
import { log } from '../src/lib/server/logger';
import { demoWorkshopId, seedDemo } from '../src/lib/server/demo';
import { ensureJoinCredentials } from '../src/lib/server/join-credentials';
import { UpdateLog } from '../src/lib/server/update-log';
import { updateStore } from '../src/lib/server/open-update-store';

export async function firstStart(cfg: Config): Promise<void> {
	if (!cfg.demo) return;
	const handle = dbHandle();
	const demo = await seedDemo(handle.db);
	if (!demo) {
		log.info('demo mode: accounts already exist, nothing seeded');
		return;
	}
	// Through the sync server's own log, so the documents load exactly as if someone had typed them.
	const updates = new UpdateLog(updateStore(handle), 0);
	const stored = demo.docs.map(({ doc, update }) => updates.append(doc, update));
	await updates.flush();
	await Promise.all(stored);
	// console, not the logger: the operator must see this whatever LOG_LEVEL says.
	console.log(
		[
			`Demo content created: organisation "${demo.organisationName}", workshop "${demo.workshopTitle}".`,
			`Demo facilitator: ${demo.email} / ${demo.password}`,
			'This password is shown only once. Write it down now.'
		].join('\n')
	);
}

/** After listening, with demo content on: the participant join link, on every start. */
export async function announceDemo(cfg: Config, baseUrl: string): Promise<void> {
	if (!cfg.demo) return;
	const db = dbHandle().db;
	const workshopId = await demoWorkshopId(db);
	if (!workshopId) return;
	const { joinToken } = await ensureJoinCredentials(db, workshopId);
	console.log(`Demo workshop: ${baseUrl}/j/${joinToken}`);
}
