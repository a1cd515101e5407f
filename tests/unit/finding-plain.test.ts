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
beforeEach(() => (f = prepareFixture()));
afterEach(() => f.t.dispose());

describe('findingPlainExplanations', () => {
	it('gives the explanation of each finding’s item, but none for internal-only items or sections, or items without one', () => {
		const db = f.t.db;
		const fw = rightscitiesFramework(db, f.organisationId);
		const set = (code: string, values: { explanation?: string; internalOnly?: boolean }) =>
			db.update(frameworkNode).set(values).where(eq(frameworkNode.id, fw.nodes.get(code)!)).run();
		set('P1.F.1', { explanation: 'Plain words.' });
		set('P1.F.2', { explanation: 'Staff only.', internalOnly: true });
		set('P2', { internalOnly: true });
		set('P2.W.1', { explanation: 'Under a staff-only part.' });
		set('P1.F.3', { explanation: '   ' });
		const cycleId = cycle(db, f.organisationId, fw.id);
		const on = (code: string) => {
			const id = newId();
			db.insert(finding).values({ id, cycleId, nodeId: fw.nodes.get(code)!, statement: code, createdAt: 1, updatedAt: 1 }).run();
			return id;
		};
		const [a, b, c, d] = ['P1.F.1', 'P1.F.2', 'P2.W.1', 'P1.F.3'].map(on) as [string, string, string, string];
		expect([...findingPlainExplanations(db, [a, b, c, d, a, 'no-such-finding'])]).toEqual([[a, 'Plain words.']]);
		expect(findingPlainExplanations(db, []).size).toBe(0);
	});

	it('works for an item at the top of its framework', () => {
		const { findingIds } = findingsCycle(f.t.db, f.organisationId, ['Ramps at every school']);
		f.t.db.update(frameworkNode).set({ explanation: 'Everyone can get in.' }).where(eq(frameworkNode.code, '1.1')).run();
		expect(findingPlainExplanations(f.t.db, findingIds).get(findingIds[0]!)).toBe('Everyone can get in.');
	});
});
