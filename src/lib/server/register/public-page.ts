/**
 * A cycle's public "you said, we did" page: off by default; coordinators enable or disable it and
 * rotate its link (a 160-bit token; rotating breaks old links). The public view carries no
 * personal data: no owner names, no recorder, no actors of updates.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { actionRegisterEntry, assessmentCycle, cyclePublicPage } from '../db/schema';
import { newToken } from '../ids';
import { writeAudit } from '../audit';
import { RegisterAccessError, registerEditor } from './access';

export interface PublicSetting {
	enabled: boolean;
	token: string | null;
}

/** The cycle (id, name) when it belongs to the organisation; throws `not_found` otherwise. */
export async function cycleOfOrg(db: Executor, organisationId: string, cycleId: string): Promise<{ id: string; name: string }> {
	const [row] = await db.select({ id: assessmentCycle.id, name: assessmentCycle.name }).from(assessmentCycle).where(and(eq(assessmentCycle.id, cycleId), eq(assessmentCycle.organisationId, organisationId))).limit(1);
	if (!row) throw new RegisterAccessError('not_found');
	return row;
}

export async function publicSetting(db: Executor, cycleId: string): Promise<PublicSetting> {
	const [row] = await db.select().from(cyclePublicPage).where(eq(cyclePublicPage.cycleId, cycleId)).limit(1);
	return { enabled: row?.enabled ?? false, token: row?.token ?? null };
}

export type PublicPageChange = 'enable' | 'disable' | 'rotate';

/** Enables, disables or rotates the link of the cycle's public page (coordinators only). */
export async function changePublicPage(db: Db, actorUserId: string, organisationId: string, cycleId: string, change: PublicPageChange): Promise<PublicSetting> {
	return db.transaction(async (tx) => {
		await registerEditor(tx, actorUserId, organisationId);
		await cycleOfOrg(tx, organisationId, cycleId);
		const now = Date.now();
		const [current] = await tx.select().from(cyclePublicPage).where(eq(cyclePublicPage.cycleId, cycleId)).limit(1);
		const token = !current || change === 'rotate' ? newToken() : current.token;
		const enabled = change === 'enable' ? true : change === 'disable' ? false : (current?.enabled ?? false);
		await tx
			.insert(cyclePublicPage)
			.values({ cycleId, enabled, token, updatedAt: now })
			.onConflictDoUpdate({ target: cyclePublicPage.cycleId, set: { enabled, token, updatedAt: now } });
		await writeAudit(tx, { action: `cycle_public_page.${change}`, organisationId, actorUserId, subject: cycleId }, now);
		return { enabled, token };
	});
}

export interface PublicEntry {
	title: string;
	description: string;
	horizon: string;
	department: string;
	status: string;
	progress: number;
	lastUpdateAt: number;
}

export interface PublicView {
	cycleName: string;
	purpose: string;
	entries: PublicEntry[];
}

/** What the public page shows for `token`, or null when the token is unknown or the page is off. */
export async function publicView(db: Executor, token: string): Promise<PublicView | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const [page] = await db
		.select({ cycleId: cyclePublicPage.cycleId, name: assessmentCycle.name, purpose: assessmentCycle.purpose })
		.from(cyclePublicPage)
		.innerJoin(assessmentCycle, eq(assessmentCycle.id, cyclePublicPage.cycleId))
		.where(and(eq(cyclePublicPage.token, token), eq(cyclePublicPage.enabled, true)))
		.limit(1);
	if (!page) return null;
	// Column names spelt out: in a one-table select drizzle leaves out table names, and `id` would name action_update's own.
	const last = sql<number>`(select max("action_update"."created_at") from "action_update" where "action_update"."entry_id" = "action_register_entry"."id")`;
	const rows = await db
		.select({
			title: actionRegisterEntry.title,
			description: actionRegisterEntry.description,
			horizon: actionRegisterEntry.horizon,
			department: actionRegisterEntry.department,
			status: actionRegisterEntry.status,
			progress: actionRegisterEntry.progress,
			updatedAt: actionRegisterEntry.updatedAt,
			lastUpdateAt: last
		})
		.from(actionRegisterEntry)
		.where(eq(actionRegisterEntry.cycleId, page.cycleId))
		.orderBy(asc(actionRegisterEntry.recordedAt), asc(actionRegisterEntry.id));
	const entries = rows.map(({ updatedAt, lastUpdateAt, ...e }) => ({ ...e, lastUpdateAt: lastUpdateAt ?? updatedAt }));
	return { cycleName: page.name, purpose: page.purpose, entries };
}
