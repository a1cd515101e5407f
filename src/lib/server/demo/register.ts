/**
 * The demo's action register: five actions recorded from the demo workshop (quick wins and
 * strategic ones, mixed statuses, one overdue) with dated progress updates. Content in
 * ./register.en.json; deadlines and update dates are relative to today, so the overdue one stays overdue.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionRegisterEntry, actionUpdate } from '../db/schema';
import { recordAction } from '../register/entries';
import { updateProgress } from '../register/progress';
import content from './register.en.json';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Records the demo actions; returns their ids. Repeating it records nothing new (same source keys). */
export async function seedDemoRegister(db: Db, actorUserId: string, organisationId: string, cycleId: string, workshopId: string, now = Date.now()): Promise<string[]> {
	const ids: string[] = [];
	// One after another, in the content's order: each entry's history is written in steps.
	for (const e of content.entries) {
		const { key, deadlineDays, updates, validation, ...fields } = e as typeof e & { validation?: unknown };
		const { entry, created } = await recordAction(db, actorUserId, organisationId, {
			...fields,
			sourceKey: `${workshopId}:demo-${key}`,
			cycleId,
			workshopId,
			deadline: isoDay(now + deadlineDays * DAY),
			// The demo's validation snapshots have the shape a workshop's endorse vote records.
			validation: validation ?? { outcome: 'endorsed', tallies: [], objections: [], changes: [] }
		});
		ids.push(entry.id);
		if (!created) continue;
		const firstUpdate = updates[0]?.daysAgo ?? 1;
		// Recorded a week before the first update, so the history reads in order.
		const recordedAt = now - (firstUpdate + 7) * DAY;
		await db.update(actionRegisterEntry).set({ recordedAt }).where(eq(actionRegisterEntry.id, entry.id));
		await db.update(actionUpdate).set({ createdAt: recordedAt }).where(eq(actionUpdate.entryId, entry.id));
		for (const u of updates) {
			await updateProgress(db, actorUserId, organisationId, entry.id, { status: u.status, reason: u.reason, progress: String(u.progress), note: u.note });
			// Back-date the update just written: the entry's newest (ids count up).
			await db.transaction(async (tx) => {
				const [last] = await tx.select({ id: actionUpdate.id }).from(actionUpdate).where(eq(actionUpdate.entryId, entry.id)).orderBy(desc(actionUpdate.id)).limit(1);
				await tx.update(actionUpdate).set({ createdAt: now - u.daysAgo * DAY }).where(eq(actionUpdate.id, last!.id));
			});
		}
		const updatedAt = now - (updates.at(-1)?.daysAgo ?? firstUpdate + 7) * DAY;
		await db.update(actionRegisterEntry).set({ updatedAt }).where(eq(actionRegisterEntry.id, entry.id));
	}
	return ids;
}
