/**
 * Workshops: creating, listing and reading them. The rules (title limits, who may create) live
 * here so the routes, the demo seed and later the CLI all obey the same ones. Changing details
 * is in workshop-details.ts, copying as a template in workshop-template.ts.
 * Relative imports only: the server entry (outside SvelteKit) loads this file through demo.ts.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { Executor } from './db/executor';
import { membership, workshop } from './db/schema';
import { newId } from './ids';
import { managesWorkshops } from './access';
import { log } from './logger';
import { defaultRoleGroupLabels } from './default-role-groups';
import { validateWorkshopTitle, WORKSHOP_TITLE_MAX, type WorkshopTitleProblem } from '../shared/workshop-title';
import { baseLocale, isLocale } from '../paraglide/runtime.js';
import { parseRoleGroupKinds } from './role-group-kinds';
import type { RoleGroupKind } from '../shared/role-group-kind';

export interface Workshop {
	id: string;
	organisationId: string;
	title: string;
	/** YYYY-MM-DD, or null when no date is planned. */
	scheduledOn: string | null;
	language: string;
	purpose: string;
	roleGroups: string[];
	expectedRoleGroups: string[];
	/** Label → side of the room, where the facilitator set it (see role-group-kinds.ts). */
	roleGroupKinds: Record<string, RoleGroupKind>;
	createdBy: string | null;
	createdAt: number;
}

export type WorkshopErrorCode = WorkshopTitleProblem | 'forbidden';

/** A rule was broken; `code` lets the route pick a translated message. */
export class WorkshopError extends Error {
	constructor(readonly code: WorkshopErrorCode) {
		super(
			code === 'empty'
				? 'A workshop needs a title.'
				: code === 'too_long'
					? `A workshop title can be at most ${WORKSHOP_TITLE_MAX} characters.`
					: 'Only owners and facilitators of the organisation can create workshops.'
		);
		this.name = 'WorkshopError';
	}
}

/** Owners and facilitators run workshops; members only look at them. */
export function canManageWorkshops(role: string | null | undefined): boolean {
	return managesWorkshops(role);
}

/** Columns a workshop is read with: never the join token or short code, which stay with joining. */
const columns = {
	id: workshop.id,
	organisationId: workshop.organisationId,
	title: workshop.title,
	scheduledOn: workshop.scheduledOn,
	language: workshop.language,
	purpose: workshop.purpose,
	roleGroups: workshop.roleGroups,
	expectedRoleGroups: workshop.expectedRoleGroups,
	roleGroupKinds: workshop.roleGroupKinds,
	createdBy: workshop.createdBy,
	createdAt: workshop.createdAt
};

type Row = { [K in keyof typeof columns]: (typeof workshop.$inferSelect)[K] };

/** A stored JSON list of labels; anything else reads as empty and is logged for the operator. */
export function parseLabelList(stored: string, workshopId: string): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(stored);
	} catch (error) {
		log.error('workshop label list is not valid JSON; reading it as empty', { workshopId, error });
		return [];
	}
	return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}

function toWorkshop(row: Row): Workshop {
	return {
		...row,
		roleGroups: parseLabelList(row.roleGroups, row.id),
		expectedRoleGroups: parseLabelList(row.expectedRoleGroups, row.id),
		roleGroupKinds: parseRoleGroupKinds(row.roleGroupKinds)
	};
}

/** The user's role in the organisation. */
async function roleIn(db: Executor, organisationId: string, userId: string): Promise<string | undefined> {
	const [row] = await db
		.select({ role: membership.role })
		.from(membership)
		.where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)))
		.limit(1);
	return row?.role;
}

/**
 * Creates a workshop with an empty agenda and the default role groups in its language (the base
 * locale when not given); throws WorkshopError when the title is invalid or the creator may not.
 */
export async function createWorkshop(
	db: Db,
	input: { organisationId: string; title: string; createdBy: string; language?: string }
): Promise<Workshop> {
	const checked = validateWorkshopTitle(input.title);
	if (!checked.ok) throw new WorkshopError(checked.problem);
	if (!canManageWorkshops(await roleIn(db, input.organisationId, input.createdBy))) throw new WorkshopError('forbidden');
	// A language the app cannot show would leave the default role groups untranslatable.
	const language = input.language && isLocale(input.language) ? input.language : baseLocale;
	const row: Workshop = {
		id: newId(),
		organisationId: input.organisationId,
		title: checked.title,
		scheduledOn: null,
		language,
		purpose: '',
		roleGroups: defaultRoleGroupLabels(language),
		expectedRoleGroups: [],
		roleGroupKinds: {},
		createdBy: input.createdBy,
		createdAt: Date.now()
	};
	await insertWorkshop(db, row);
	return row;
}

/** Writes a new workshop row (lists as JSON); callers have checked the rules. */
export async function insertWorkshop(db: Executor, row: Workshop): Promise<void> {
	await db.insert(workshop).values({
		...row,
		roleGroups: JSON.stringify(row.roleGroups),
		expectedRoleGroups: JSON.stringify(row.expectedRoleGroups),
		roleGroupKinds: JSON.stringify(row.roleGroupKinds)
	});
}

/** The organisation's workshops, newest first. */
export async function listWorkshops(db: Db, organisationId: string): Promise<Workshop[]> {
	const rows = await db
		.select(columns)
		.from(workshop)
		.where(eq(workshop.organisationId, organisationId))
		.orderBy(desc(workshop.createdAt), desc(workshop.id));
	return rows.map(toWorkshop);
}

/** One workshop, or null when there is none with that id. */
export async function getWorkshop(db: Executor, id: string): Promise<Workshop | null> {
	const [row] = await db.select(columns).from(workshop).where(eq(workshop.id, id)).limit(1);
	return row ? toWorkshop(row) : null;
}
