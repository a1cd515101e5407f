/**
 * Recording a workshop's validated action points into its organisation's action register (a
 * facilitator or coordinator, after the session). A point may be recorded only when its latest
 * validation outcome is one of RECORDABLE_OUTCOMES; it is recorded under the source key
 * `<workshopId>:<actionPointId>`, so a repeat (a double submit, two people at once) returns the
 * entry already there and writes nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionRegisterEntry, user } from '../db/schema';
import { checkAction, normaliseAction, type ActionInput } from '../../shared/action-rules';
import type { ActionPointDraft } from '../../shared/action-point-doc';
import { RECORDABLE_OUTCOMES, workshopValidations, type ValidationSnapshot } from '../votes/endorse-outcome';
import { readVote } from '../votes/read';
import type { DocReader } from '../reports/stored-doc';
import { registerEditor } from '../register/access';
import { recordAction, type EntryRow, type Recorded } from '../register/entries';
import { workshopActionPoints } from './read';
import { draftAction } from './draft-values';
import { pointOfSourceKey, recordingSourceKey } from './recording-source';

/** Why a point can or cannot be recorded from the workshop. */
export type RecordingState = 'recordable' | 'not_endorsed' | 'too_few_answers' | 'not_validated';

export interface RecordedEntry {
	id: string;
	recordedAt: number;
	recorderName: string | null;
}

export interface RecordingPoint {
	draft: ActionPointDraft;
	validation: ValidationSnapshot | null;
	state: RecordingState;
	/** True when the draft already has every field the register needs. */
	complete: boolean;
	/** The register entry recorded from this point, or null. */
	entry: RecordedEntry | null;
	/** The cycle the form starts with: the validating vote's cycle, when it has one. */
	cycleId: string | null;
}

export interface RecordingOverview {
	points: RecordingPoint[];
	/** True when at least one validation vote of this workshop has been closed. */
	anyValidation: boolean;
}

export type RecordingErrorCode = 'point_unknown' | 'not_recordable';

export class RecordingError extends Error {
	constructor(
		readonly code: RecordingErrorCode,
		readonly state: RecordingState | null = null
	) {
		super(code === 'point_unknown' ? 'No such drafted action point in this workshop.' : `This action point cannot be recorded (${state}).`);
		this.name = 'RecordingError';
	}
}

function stateOf(validation: ValidationSnapshot | null): RecordingState {
	if (!validation) return 'not_validated';
	if (RECORDABLE_OUTCOMES.includes(validation.outcome)) return 'recordable';
	return validation.outcome === 'too_few_answers' ? 'too_few_answers' : 'not_endorsed';
}

export function isComplete(draft: ActionPointDraft): boolean {
	return Object.keys(checkAction(normaliseAction(draftAction(draft)))).length === 0;
}

/** The register entries recorded from this workshop's action points, by action point id. */
async function recordedEntries(db: Db, organisationId: string, workshopId: string): Promise<Map<string, RecordedEntry>> {
	const rows = await db
		.select({ id: actionRegisterEntry.id, sourceKey: actionRegisterEntry.sourceKey, recordedAt: actionRegisterEntry.recordedAt, recorderName: user.displayName })
		.from(actionRegisterEntry)
		.leftJoin(user, eq(user.id, actionRegisterEntry.recordedBy))
		.where(and(eq(actionRegisterEntry.organisationId, organisationId), eq(actionRegisterEntry.workshopId, workshopId)));
	const out = new Map<string, RecordedEntry>();
	for (const r of rows) {
		const point = pointOfSourceKey(workshopId, r.sourceKey);
		if (point) out.set(point, { id: r.id, recordedAt: r.recordedAt, recorderName: r.recorderName });
	}
	return out;
}

/** Every drafted action point with its latest validation and its register state. */
export async function recordingOverview(db: Db, organisationId: string, workshopId: string, reader?: DocReader): Promise<RecordingOverview> {
	const drafts = await workshopActionPoints(db, workshopId, reader);
	const validations = await workshopValidations(db, workshopId);
	const entries = await recordedEntries(db, organisationId, workshopId);
	const cycles = new Map<string, string | null>();
	for (const v of validations.values()) {
		if (!cycles.has(v.activityId)) cycles.set(v.activityId, (await readVote(db, workshopId, v.activityId))?.cycleId ?? null);
	}
	const points = drafts.map((draft): RecordingPoint => {
		const validation = validations.get(draft.id) ?? null;
		return {
			draft,
			validation,
			state: stateOf(validation),
			complete: isComplete(draft),
			entry: entries.get(draft.id) ?? null,
			cycleId: validation ? (cycles.get(validation.activityId) ?? null) : null
		};
	});
	return { points, anyValidation: validations.size > 0 };
}

async function entryBySource(db: Db, organisationId: string, sourceKey: string): Promise<EntryRow | null> {
	return (await db.select().from(actionRegisterEntry).where(and(eq(actionRegisterEntry.organisationId, organisationId), eq(actionRegisterEntry.sourceKey, sourceKey))).limit(1))[0] ?? null;
}

/**
 * Records one validated action point with the fields the recorder completed. Throws
 * RegisterAccessError (not a coordinator), RecordingError (unknown point, outcome not recordable)
 * or InputError (bad fields). A point already recorded returns its entry with `created: false`.
 */
export async function recordPoint(
	db: Db,
	userId: string,
	organisationId: string,
	workshopId: string,
	actionPointId: string,
	fields: ActionInput,
	cycleId: string | null,
	reader?: DocReader
): Promise<Recorded> {
	await registerEditor(db, userId, organisationId);
	const sourceKey = recordingSourceKey(workshopId, actionPointId);
	const existing = await entryBySource(db, organisationId, sourceKey);
	if (existing) return { entry: existing, created: false };
	const drafts = await workshopActionPoints(db, workshopId, reader);
	if (!drafts.some((d) => d.id === actionPointId)) throw new RecordingError('point_unknown');
	const validation = (await workshopValidations(db, workshopId)).get(actionPointId) ?? null;
	const state = stateOf(validation);
	if (state !== 'recordable') throw new RecordingError('not_recordable', state);
	return recordAction(db, userId, organisationId, { ...fields, sourceKey, workshopId, cycleId, validation, actionPointId });
}

export interface RecordAllSummary {
	/** Titles of the points recorded now. */
	recorded: string[];
	/** Titles of endorsed points whose drafts still lack required fields (record them one by one). */
	incomplete: string[];
}

/** The endorsed, not yet recorded points, split into those ready to record and those to complete. */
export function pendingEndorsed(overview: RecordingOverview): { ready: RecordingPoint[]; incomplete: RecordingPoint[] } {
	const pending = overview.points.filter((p) => p.state === 'recordable' && !p.entry);
	return { ready: pending.filter((p) => p.complete), incomplete: pending.filter((p) => !p.complete) };
}

/** Records every endorsed point whose draft is already complete, each with its vote's cycle. */
export async function recordAllEndorsed(db: Db, userId: string, organisationId: string, workshopId: string, reader?: DocReader): Promise<RecordAllSummary> {
	await registerEditor(db, userId, organisationId);
	const { ready, incomplete } = pendingEndorsed(await recordingOverview(db, organisationId, workshopId, reader));
	const recorded: string[] = [];
	for (const p of ready) {
		const done = await recordAction(db, userId, organisationId, {
			...draftAction(p.draft),
			sourceKey: recordingSourceKey(workshopId, p.draft.id),
			workshopId,
			cycleId: p.cycleId,
			validation: p.validation,
			actionPointId: p.draft.id
		});
		if (done.created) recorded.push(p.draft.title);
	}
	return { recorded, incomplete: incomplete.map((p) => p.draft.title) };
}
