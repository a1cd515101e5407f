/**
 * A cycle's public "you said, we did" page: off by default; coordinators enable or disable it and
 * rotate its link (a 160-bit token; rotating breaks old links). The public view carries no
 * personal data: no owner names, no recorder, no actors of updates.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Executor } from '../db/executor';
import { actionRegisterEntry, actionUpdate, assessmentCycle, cyclePublicPage } from '../db/schema';
import { newToken } from '../ids';
import { writeAudit } from '../audit';
import { RegisterAccessError, registerEditor } from './access';

export interface PublicSetting {
	enabled: boolean;
	token: string | null;
}

/** The cycle (id, name) when it belongs to the organisation; throws `not_found` otherwise. */
export function cycleOfOrg(db: Executor, organisationId: string, cycleId: string): { id: string; name: string } {
	const row = db.select({ id: assessmentCycle.id, name: assessmentCycle.name }).from(assessmentCycle).where(and(eq(assessmentCycle.id, cycleId), eq(assessmentCycle.organisationId, organisationId))).get();
	if (!row) throw new RegisterAccessError('not_found');
	return row;
}

export function publicSetting(db: Executor, cycleId: string): PublicSetting {
	const row = db.select().from(cyclePublicPage).where(eq(cyclePublicPage.cycleId, cycleId)).get();
	return { enabled: row?.enabled ?? false, token: row?.token ?? null };
}

export type PublicPageChange = 'enable' | 'disable' | 'rotate';

/** Enables, disables or rotates the link of the cycle's public page (coordinators only). */
export function changePublicPage(db: Db, actorUserId: string, organisationId: string, cycleId: string, change: PublicPageChange): PublicSetting {
	return db.transaction((tx) => {
		registerEditor(tx, actorUserId, organisationId);
		cycleOfOrg(tx, organisationId, cycleId);
		const now = Date.now();
		const current = tx.select().from(cyclePublicPage).where(eq(cyclePublicPage.cycleId, cycleId)).get();
		const token = !current || change === 'rotate' ? newToken() : current.token;
		const enabled = change === 'enable' ? true : change === 'disable' ? false : (current?.enabled ?? false);
		tx.insert(cyclePublicPage)
			.values({ cycleId, enabled, token, updatedAt: now })
			.onConflictDoUpdate({ target: cyclePublicPage.cycleId, set: { enabled, token, updatedAt: now } })
			.run();
		writeAudit(tx, { action: `cycle_public_page.${change}`, organisationId, actorUserId, subject: cycleId }, now);
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
export function publicView(db: Executor, token: string): PublicView | null {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const page = db
		.select({ cycleId: cyclePublicPage.cycleId, name: assessmentCycle.name, purpose: assessmentCycle.purpose })
		.from(cyclePublicPage)
		.innerJoin(assessmentCycle, eq(assessmentCycle.id, cyclePublicPage.cycleId))
		.where(and(eq(cyclePublicPage.token, token), eq(cyclePublicPage.enabled, true)))
		.get();
	if (!page) return null;
	const last = sql<number>`(select max(${actionUpdate.createdAt}) from ${actionUpdate} where ${actionUpdate.entryId} = ${actionRegisterEntry.id})`;
	const entries = db
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
		.orderBy(asc(actionRegisterEntry.recordedAt), asc(actionRegisterEntry.id))
		.all()
		.map(({ updatedAt, lastUpdateAt, ...e }) => ({ ...e, lastUpdateAt: lastUpdateAt ?? updatedAt }));
	return { cycleName: page.name, purpose: page.purpose, entries };
}
