/**
 * The report's action points: the register entries recorded from this workshop, with the
 * validation snapshot stored on each. The snapshot is JSON written by another module; anything
 * missing or malformed is treated as absent.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionRegisterEntry } from '../db/schema';
import type { ReportActionPoint, ReportTally } from '../../shared/workshop-report';

type Attributed = { text: string; attribution: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function parse(json: string): Record<string, unknown> {
	try {
		const v: unknown = JSON.parse(json);
		return isRecord(v) ? v : {};
	} catch {
		return {};
	}
}

function attributed(list: unknown): Attributed[] {
	if (!Array.isArray(list)) return [];
	return list.filter(isRecord).map((e) => ({ text: str(e.text), attribution: str(e.attribution) })).filter((e) => e.text !== '');
}

function tallies(list: unknown): ReportTally[] {
	if (!Array.isArray(list)) return [];
	return list.filter(isRecord).map((t) => {
		const counts: Record<string, number> = {};
		if (isRecord(t.counts)) for (const [k, n] of Object.entries(t.counts)) if (typeof n === 'number') counts[k] = n;
		return { label: str(t.label) || (str(t.group) === 'all' ? '' : str(t.group)), voters: typeof t.voters === 'number' ? t.voters : null, counts };
	});
}

export async function workshopActionPoints(db: Db, workshopId: string): Promise<ReportActionPoint[]> {
	const rows = await db
		.select()
		.from(actionRegisterEntry)
		.where(eq(actionRegisterEntry.workshopId, workshopId))
		.orderBy(asc(actionRegisterEntry.recordedAt), asc(actionRegisterEntry.title), asc(actionRegisterEntry.id));
	return rows.map((row) => {
		const v = parse(row.validation);
		return {
			title: row.title,
			horizon: row.horizon,
			department: row.department,
			status: row.status,
			outcome: str(v.outcome) || null,
			tallies: tallies(v.tallies),
			objections: attributed(v.objections),
			changes: attributed(v.changes)
		};
	});
}
