/**
 * Workshops: creating, listing and reading them. The rules (title limits, who may create) live
 * here so the routes, the demo seed and later the CLI all obey the same ones.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { membership, workshop } from './db/schema';
import { newId } from './ids';
import { validateWorkshopTitle, WORKSHOP_TITLE_MAX, type WorkshopTitleProblem } from '../shared/workshop-title';

export interface Workshop {
	id: string;
	organisationId: string;
	title: string;
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
	return role === 'owner' || role === 'facilitator';
}

/** Creates a workshop; throws WorkshopError when the title is invalid or the creator may not. */
export function createWorkshop(db: Db, input: { organisationId: string; title: string; createdBy: string }): Workshop {
	const checked = validateWorkshopTitle(input.title);
	if (!checked.ok) throw new WorkshopError(checked.problem);
	const member = db
		.select({ role: membership.role })
		.from(membership)
		.where(and(eq(membership.organisationId, input.organisationId), eq(membership.userId, input.createdBy)))
		.get();
	if (!canManageWorkshops(member?.role)) throw new WorkshopError('forbidden');
	const row: Workshop = {
		id: newId(),
		organisationId: input.organisationId,
		title: checked.title,
		createdBy: input.createdBy,
		createdAt: Date.now()
	};
	db.insert(workshop).values(row).run();
	return row;
}

/** The organisation's workshops, newest first. */
export function listWorkshops(db: Db, organisationId: string): Workshop[] {
	return db
		.select()
		.from(workshop)
		.where(eq(workshop.organisationId, organisationId))
		.orderBy(desc(workshop.createdAt), desc(workshop.id))
		.all();
}

/** One workshop, or null when there is none with that id. */
export function getWorkshop(db: Db, id: string): Workshop | null {
	return db.select().from(workshop).where(eq(workshop.id, id)).get() ?? null;
}
