/**
 * Reading the register: the list with filters (status, horizon, department, cycle, overdue only)
 * and sorts (deadline, status, last updated), and one entry with its history.
 */
import { and, asc, desc, eq, isNotNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/executor';
import { actionRegisterEntry, assessmentCycle, user, workshop } from '../db/schema';
import { ACTION_STATUSES, isActionStatus, isHorizon, isOverdue, type Indicator } from '../../shared/action-rules';
import { entryHistory, type HistoryEntry } from './history';
import type { EntryRow } from './entries';

export const SORTS = ['deadline', 'status', 'updated'] as const;
export type RegisterSort = (typeof SORTS)[number];

export interface RegisterFilters {
	status: string;
	horizon: string;
	department: string;
	cycleId: string;
	overdue: boolean;
	sort: RegisterSort;
}

/** Filters from GET query parameters; unknown values mean "no filter" (and sort by deadline). */
export function filtersFromQuery(params: URLSearchParams): RegisterFilters {
	const sort = params.get('sort') ?? '';
	const status = params.get('status') ?? '';
	const horizon = params.get('horizon') ?? '';
	return {
		status: isActionStatus(status) ? status : '',
		horizon: isHorizon(horizon) ? horizon : '',
		department: (params.get('department') ?? '').trim(),
		cycleId: params.get('cycle') ?? '',
		overdue: params.get('overdue') === '1',
		sort: (SORTS as readonly string[]).includes(sort) ? (sort as RegisterSort) : 'deadline'
	};
}

export interface EntrySummary extends EntryRow {
	overdue: boolean;
	lastUpdateAt: number;
}

// Column names spelt out: in a one-table select drizzle leaves out table names, and `id` would name action_update's own.
const lastUpdate = sql<number>`(select max("action_update"."created_at") from "action_update" where "action_update"."entry_id" = "action_register_entry"."id")`;

/** The organisation's entries matching `filters`, sorted; `today` is YYYY-MM-DD. */
export async function listEntries(db: Executor, organisationId: string, filters: RegisterFilters, today: string): Promise<EntrySummary[]> {
	const where: SQL[] = [eq(actionRegisterEntry.organisationId, organisationId)];
	if (filters.status) where.push(eq(actionRegisterEntry.status, filters.status));
	if (filters.horizon) where.push(eq(actionRegisterEntry.horizon, filters.horizon));
	if (filters.department) where.push(eq(actionRegisterEntry.department, filters.department));
	if (filters.cycleId) where.push(eq(actionRegisterEntry.cycleId, filters.cycleId));
	if (filters.overdue) {
		where.push(isNotNull(actionRegisterEntry.deadline), lt(actionRegisterEntry.deadline, today), notInArray(actionRegisterEntry.status, ['done', 'dropped']));
	}
	const order =
		filters.sort === 'updated'
			? [desc(actionRegisterEntry.updatedAt)]
			: filters.sort === 'status'
				? [sql`case ${actionRegisterEntry.status} ${sql.raw(ACTION_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' '))} else 99 end`, asc(actionRegisterEntry.title)]
				: [sql`${actionRegisterEntry.deadline} is null`, asc(actionRegisterEntry.deadline), asc(actionRegisterEntry.title)];
	const rows = await db
		.select({ e: actionRegisterEntry, lastUpdateAt: lastUpdate })
		.from(actionRegisterEntry)
		.where(and(...where))
		.orderBy(...order, asc(actionRegisterEntry.id));
	return rows.map(({ e, lastUpdateAt }) => ({ ...e, overdue: isOverdue(e, today), lastUpdateAt: lastUpdateAt ?? e.updatedAt }));
}

/** The distinct departments named in the organisation's register, for the filter. */
export async function departments(db: Executor, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ d: actionRegisterEntry.department })
		.from(actionRegisterEntry)
		.where(and(eq(actionRegisterEntry.organisationId, organisationId), sql`${actionRegisterEntry.department} <> ''`))
		.orderBy(asc(actionRegisterEntry.department));
	return rows.map((r) => r.d);
}

/** The organisation's cycles (id, name), for filters and forms. */
export async function orgCycles(db: Executor, organisationId: string): Promise<{ id: string; name: string }[]> {
	return db.select({ id: assessmentCycle.id, name: assessmentCycle.name }).from(assessmentCycle).where(eq(assessmentCycle.organisationId, organisationId)).orderBy(asc(assessmentCycle.name), asc(assessmentCycle.id));
}

/** The organisation's workshops (id, title), for the form. */
export async function orgWorkshops(db: Executor, organisationId: string): Promise<{ id: string; title: string }[]> {
	return db.select({ id: workshop.id, title: workshop.title }).from(workshop).where(eq(workshop.organisationId, organisationId)).orderBy(asc(workshop.title), asc(workshop.id));
}

export interface EntryDetail {
	entry: EntrySummary;
	indicators: Indicator[];
	validation: unknown;
	cycleName: string | null;
	workshopTitle: string | null;
	recorderName: string | null;
	history: HistoryEntry[];
}

/** One entry of the organisation with its links and history, or null. */
export async function entryDetail(db: Executor, organisationId: string, entryId: string, today: string): Promise<EntryDetail | null> {
	const [row] = await db
		.select({ e: actionRegisterEntry, cycleName: assessmentCycle.name, workshopTitle: workshop.title, recorderName: user.displayName })
		.from(actionRegisterEntry)
		.leftJoin(assessmentCycle, eq(assessmentCycle.id, actionRegisterEntry.cycleId))
		.leftJoin(workshop, eq(workshop.id, actionRegisterEntry.workshopId))
		.leftJoin(user, eq(user.id, actionRegisterEntry.recordedBy))
		.where(and(eq(actionRegisterEntry.id, entryId), eq(actionRegisterEntry.organisationId, organisationId)))
		.limit(1);
	if (!row) return null;
	const history = await entryHistory(db, entryId);
	return {
		entry: { ...row.e, overdue: isOverdue(row.e, today), lastUpdateAt: history.at(-1)?.createdAt ?? row.e.updatedAt },
		indicators: JSON.parse(row.e.indicators) as Indicator[],
		validation: JSON.parse(row.e.validation) as unknown,
		cycleName: row.cycleName,
		workshopTitle: row.workshopTitle,
		recorderName: row.recorderName,
		history
	};
}

