/** Who took part, counted by role group (never names), and the organisations that may be thanked. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { participant } from '../db/schema';
import type { ReportParticipation } from '../../shared/workshop-report';

function present(workshopId: string) {
	return and(eq(participant.workshopId, workshopId), isNull(participant.removedAt));
}

export async function participationByRoleGroup(db: Db, workshopId: string): Promise<ReportParticipation> {
	const counts = new Map<string, number>();
	for (const row of await db.select({ roleGroup: participant.roleGroup }).from(participant).where(present(workshopId))) {
		counts.set(row.roleGroup, (counts.get(row.roleGroup) ?? 0) + 1);
	}
	const byRoleGroup = [...counts].map(([roleGroup, count]) => ({ roleGroup, count })).sort((a, b) => b.count - a.count || a.roleGroup.localeCompare(b.roleGroup));
	return { total: byRoleGroup.reduce((sum, g) => sum + g.count, 0), byRoleGroup };
}

/** Organisations of participants (not removed) who agreed to be thanked: distinct (as the first to join wrote it), trimmed, sorted. */
export async function acknowledgedOrganisations(db: Db, workshopId: string): Promise<string[]> {
	const rows = await db
		.select({ organisation: participant.organisation })
		.from(participant)
		.where(and(present(workshopId), eq(participant.acknowledgeOrganisation, true)))
		.orderBy(asc(participant.createdAt), asc(participant.id));
	const names = new Map<string, string>();
	for (const r of rows) {
		const name = (r.organisation ?? '').trim();
		if (name) names.set(name.toLocaleLowerCase(), names.get(name.toLocaleLowerCase()) ?? name);
	}
	return [...names.values()].sort((a, b) => a.localeCompare(b));
}
