import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDb, type TempDb } from './temp-db';
import { seedDemo, demoWorkshopId, DEMO_EMAIL } from '../../src/lib/server/demo';
import { listActivities } from '../../src/lib/server/agenda';
import { createFirstAccount, hasAccounts, isSetUp } from '../../src/lib/server/setup';
import { verifyCredentials } from '../../src/lib/server/users';
import { listNotes } from '../../src/lib/shared/doc-schema';

let t: TempDb;
beforeEach(() => {
	t = tempDb();
});
afterEach(() => t.dispose());

describe('demo content', () => {
	it('seeds an organisation, a facilitator who can sign in and a workshop board with notes, once', async () => {
		const demo = await seedDemo(t.db);
		expect(demo).not.toBeNull();
		expect(await verifyCredentials(t.db, DEMO_EMAIL, demo!.password)).not.toBeNull();
		const doc = new Y.Doc();
		Y.applyUpdate(doc, demo!.board.update);
		expect(listNotes(doc).length).toBe(3);
		expect(listActivities(t.db, demo!.workshopId).map((a) => a.type)).toEqual(['orientation', 'brainstorm', 'discussion']);
		expect(demoWorkshopId(t.db)).toBe(demo!.workshopId);
		expect(await seedDemo(t.db)).toBeNull();
	});

	it('leaves the one-time setup open: the demo account does not count as the first real account', async () => {
		await seedDemo(t.db);
		expect(hasAccounts(t.db)).toBe(true);
		expect(isSetUp(t.db)).toBe(false);
		await createFirstAccount(t.db, {
			email: 'owner@city.example',
			displayName: 'Owner',
			password: 'a long enough password',
			organisation: 'City'
		});
		expect(isSetUp(t.db)).toBe(true);
	});
});
