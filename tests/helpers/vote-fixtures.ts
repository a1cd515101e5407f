/** Assessment cycles with findings, and vote activities, written straight into a test database. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { activity, assessmentCycle, finding, framework, frameworkNode, voteItem, voteSetup } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';

/** A framework with one item, a cycle on it, and one finding per statement. */
export async function findingsCycle(db: Db, organisationId: string, statements: string[]): Promise<{ cycleId: string; findingIds: string[] }> {
	const now = Date.now();
	const frameworkId = newId();
	await db.insert(framework).values({ id: frameworkId, organisationId, name: 'Framework', createdAt: now, updatedAt: now });
	const nodeId = newId();
	await db.insert(frameworkNode).values({ id: nodeId, frameworkId, kind: 'item', code: '1.1', position: 0, originalText: 'Access to services', createdAt: now, updatedAt: now });
	const cycleId = newId();
	await db.insert(assessmentCycle).values({ id: cycleId, organisationId, frameworkId, name: `Cycle ${cycleId.slice(0, 4)}`, createdAt: now, updatedAt: now });
	const findingIds: string[] = [];
	for (const [i, statement] of statements.entries()) {
		const id = newId();
		await db.insert(finding).values({ id, cycleId, nodeId, statement, status: 'under_review', seq: i + 1, createdAt: now, updatedAt: now });
		findingIds.push(id);
	}
	return { cycleId, findingIds };
}

export interface VoteFixture {
	kind?: 'agree' | 'practice' | 'dots' | 'ranking';
	status?: 'draft' | 'open' | 'closed';
	revealed?: boolean;
	cycleId?: string | null;
	findingIds?: string[];
	statements?: string[];
	budget?: number;
	cap?: number;
	shownGroups?: string[];
	anonymity?: string;
	position?: number;
}

/** A vote activity with its setup and items; returns the activity and item ids. */
export async function voteActivity(db: Db, workshopId: string, title: string, v: VoteFixture = {}): Promise<{ activityId: string; itemIds: string[] }> {
	const now = Date.now();
	const activityId = newId();
	await db.insert(activity).values({ id: activityId, workshopId, position: v.position ?? 0, type: 'vote', title, anonymity: v.anonymity ?? 'role_group', createdAt: now });
	await db.insert(voteSetup)
		.values({
			activityId,
			kind: v.kind ?? 'agree',
			budget: v.budget ?? 5,
			cap: v.cap ?? 3,
			cycleId: v.cycleId ?? null,
			status: v.status ?? 'draft',
			revealed: v.revealed ?? false,
			shownGroups: JSON.stringify(v.shownGroups ?? []),
			updatedAt: now
		});
	const entries = [...(v.findingIds ?? []).map((f) => ({ findingId: f, text: '' })), ...(v.statements ?? []).map((t) => ({ findingId: null, text: t }))];
	const itemIds: string[] = [];
	for (const [position, e] of entries.entries()) {
		const id = newId();
		await db.insert(voteItem).values({ id, activityId, position, findingId: e.findingId, text: e.text, createdAt: now });
		itemIds.push(id);
	}
	return { activityId, itemIds };
}

export async function setVoteStatus(db: Db, activityId: string, status: 'draft' | 'open' | 'closed'): Promise<void> {
	await db.update(voteSetup).set({ status, updatedAt: Date.now() }).where(eq(voteSetup.activityId, activityId));
}
