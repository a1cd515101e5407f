/**
 * The action register as CSV (UTF-8 with BOM, comma, CRLF; one row per entry) and as versioned
 * JSON. Both formats are described in docs/action-register.md.
 */
import { asc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Executor } from '../db/executor';
import { actionRegisterEntry, actionUpdate, assessmentCycle, workshop } from '../db/schema';
import { isOverdue, type Indicator } from '../../shared/action-rules';

export const REGISTER_CSV_COLUMNS = [
	'id',
	'title',
	'description',
	'type',
	'horizon',
	'department',
	'owner_name',
	'target',
	'indicators',
	'deadline',
	'resources',
	'competence',
	'affected_groups',
	'status',
	'status_reason',
	'progress',
	'overdue',
	'cycle',
	'workshop',
	'recorded_at',
	'updated_at'
] as const;

export const REGISTER_JSON_FORMAT = 'rightsboard.action-register';
export const REGISTER_JSON_VERSION = 1;

/** Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text. */
export function safeCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function rows(db: Executor, organisationId: string) {
	return db
		.select({ e: actionRegisterEntry, cycle: assessmentCycle.name, workshop: workshop.title })
		.from(actionRegisterEntry)
		.leftJoin(assessmentCycle, eq(assessmentCycle.id, actionRegisterEntry.cycleId))
		.leftJoin(workshop, eq(workshop.id, actionRegisterEntry.workshopId))
		.where(eq(actionRegisterEntry.organisationId, organisationId))
		.orderBy(asc(actionRegisterEntry.recordedAt), asc(actionRegisterEntry.id));
}

/** Indicators in one cell: `name: baseline -> target`, separated by `; `. */
export function indicatorsCell(list: Indicator[]): string {
	return list.map((i) => `${i.name}: ${i.baseline || '?'} -> ${i.target || '?'}`).join('; ');
}

/** The CSV text with BOM and a final CRLF. */
export async function registerCsv(db: Executor, organisationId: string, today: string): Promise<string> {
	const data = (await rows(db, organisationId)).map(({ e, cycle, workshop: ws }) =>
		[
			e.id,
			e.title,
			e.description,
			e.type,
			e.horizon,
			e.department,
			e.ownerName,
			e.target,
			indicatorsCell(JSON.parse(e.indicators) as Indicator[]),
			e.deadline ?? '',
			e.resources,
			e.competence,
			e.affectedGroups,
			e.status,
			e.statusReason,
			String(e.progress),
			isOverdue(e, today) ? 'yes' : 'no',
			cycle ?? '',
			ws ?? '',
			iso(e.recordedAt),
			iso(e.updatedAt)
		].map(safeCell)
	);
	const body = Papa.unparse({ fields: [...REGISTER_CSV_COLUMNS], data }, { newline: '\r\n' }).replace(/\r\n$/, '');
	return `\uFEFF${body}\r\n`;
}

/** The JSON export (format name and version first). */
export async function registerJson(db: Executor, organisation: { id: string; name: string }, today: string, now = Date.now()) {
	const entries = await Promise.all(
		(await rows(db, organisation.id)).map(async ({ e, cycle, workshop: ws }) => {
			const { organisationId: _org, sourceKey: _key, recordedBy: _by, cycleId, workshopId, indicators, validation, recordedAt, updatedAt, ...fields } = e;
			return {
				...fields,
				indicators: JSON.parse(indicators) as Indicator[],
				overdue: isOverdue(e, today),
				cycle: cycleId ? { id: cycleId, name: cycle } : null,
				workshop: workshopId ? { id: workshopId, title: ws } : null,
				validation: JSON.parse(validation) as unknown,
				recordedAt: iso(recordedAt),
				updatedAt: iso(updatedAt),
				updates: await updatesOf(db, e.id)
			};
		})
	);
	return { format: REGISTER_JSON_FORMAT, version: REGISTER_JSON_VERSION, exportedAt: iso(now), organisation, entries };
}

async function updatesOf(db: Executor, entryId: string) {
	const updates = await db.select().from(actionUpdate).where(eq(actionUpdate.entryId, entryId)).orderBy(asc(actionUpdate.id));
	return updates.map((u) => ({ at: iso(u.createdAt), changes: JSON.parse(u.changes) as unknown, note: u.note }));
}
