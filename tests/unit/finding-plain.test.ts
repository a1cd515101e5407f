/** Which plain-language explanations of framework items may travel beside findings to participants. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { finding, frameworkNode } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import { findingPlainExplanations } from '../../src/lib/server/live/finding-plain';
import { cycle, rightscitiesFramework } from '../helpers/assessment-fixtures';
import { findingsCycle } from '../helpers/vote-fixtures';

let f: PrepareFixture;
beforeEach(async () => {
	f = await prepareFixture();
});
afterEach(async () => await f.t.dispose());

describe('findingPlainExplanations', () => {
	it('gives the explanation of each finding’s item, but none for internal-only items or sections, or items without one', async () => {
		const db = f.t.db;
		const fw = await rightscitiesFramework(db, f.organisationId);
		const set = async (code: string, values: { explanation?: string; internalOnly?: boolean }) => {
			await db.update(frameworkNode).set(values).where(eq(frameworkNode.id, fw.nodes.get(code)!));
		};
		await set('P1.F.1', { explanation: 'Plain words.' });
		await set('P1.F.2', { explanation: 'Staff only.', internalOnly: true });
		await set('P2', { internalOnly: true });
		await set('P2.W.1', { explanation: 'Under a staff-only part.' });
		await set('P1.F.3', { explanation: '   ' });
		const cycleId = await cycle(db, f.organisationId, fw.id);
		const ids: string[] = [];
		for (const [seq, code] of ['P1.F.1', 'P1.F.2', 'P2.W.1', 'P1.F.3'].entries()) {
			const id = newId();
			await db.insert(finding).values({ id, cycleId, nodeId: fw.nodes.get(code)!, statement: code, seq: seq + 1, createdAt: 1, updatedAt: 1 });
			ids.push(id);
		}
		const [a, b, c, d] = ids as [string, string, string, string];
		expect([...(await findingPlainExplanations(db, [a, b, c, d, a, 'no-such-finding']))]).toEqual([[a, 'Plain words.']]);
		expect((await findingPlainExplanations(db, [])).size).toBe(0);
	});

	it('works for an item at the top of its framework', async () => {
		const { findingIds } = await findingsCycle(f.t.db, f.organisationId, ['Ramps at every school']);
		await f.t.db.update(frameworkNode).set({ explanation: 'Everyone can get in.' }).where(eq(frameworkNode.code, '1.1'));
		expect((await findingPlainExplanations(f.t.db, findingIds)).get(findingIds[0]!)).toBe('Everyone can get in.');
	});
});
