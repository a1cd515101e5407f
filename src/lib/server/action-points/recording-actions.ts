/**
 * The recording page's form actions: record one point, record every endorsed point. Answers a
 * success with a translated message, or a 400 with messages per field, a 409 when the point may not
 * be recorded, a 500 on a fault; access errors become 404/403.
 */
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import { InputError } from '../input-error';
import { log } from '../logger';
import { RegisterAccessError } from '../register/access';
import { registerFieldErrors } from '../register/messages';
import { rethrowRegisterAccess } from '../register/route-guard';
import type { ActionInput } from '../../shared/action-rules';
import { recordAllEndorsed, recordPoint, RecordingError, type RecordingState } from './recording';

const WHY_NOT: Record<RecordingState, () => string> = {
	recordable: () => m.recording_error_unexpected(),
	not_endorsed: () => m.recording_why_not_endorsed(),
	too_few_answers: () => m.recording_why_too_few_answers(),
	not_validated: () => m.recording_why_not_validated()
};

export function whyNot(state: RecordingState): string {
	return WHY_NOT[state]();
}

export interface RecordRequest {
	userId: string;
	organisationId: string;
	workshopId: string;
	pointId: string;
	fields: ActionInput;
	cycleId: string | null;
	values: Record<string, string>;
}

export async function recordPointAction(db: Db, r: RecordRequest) {
	const context = { form: 'record', pointId: r.pointId };
	try {
		const { entry, created } = await recordPoint(db, r.userId, r.organisationId, r.workshopId, r.pointId, r.fields, r.cycleId);
		const title = entry.title;
		return { ...context, entryId: entry.id, created, success: created ? m.recording_done({ title }) : m.recording_already({ title }) };
	} catch (err) {
		if (err instanceof RegisterAccessError) rethrowRegisterAccess(err);
		if (err instanceof InputError) return fail(400, { ...context, message: m.recording_error_summary(), errors: registerFieldErrors(err), values: r.values });
		if (err instanceof RecordingError) {
			const message = err.code === 'point_unknown' ? m.recording_error_point_unknown() : whyNot(err.state ?? 'not_validated');
			return fail(409, { ...context, message, errors: {} as Record<string, string>, values: r.values });
		}
		log.error('recording an action point failed', { error: err });
		return fail(500, { ...context, message: m.recording_error_unexpected(), errors: {} as Record<string, string>, values: r.values });
	}
}

export async function recordAllAction(db: Db, userId: string, organisationId: string, workshopId: string) {
	try {
		const summary = await recordAllEndorsed(db, userId, organisationId, workshopId);
		const count = summary.recorded.length;
		return { form: 'all', ...summary, success: count > 0 ? m.recording_all_done({ count }) : m.recording_all_nothing() };
	} catch (err) {
		if (err instanceof RegisterAccessError) rethrowRegisterAccess(err);
		log.error('recording all endorsed action points failed', { error: err });
		return fail(500, { form: 'all', message: m.recording_error_unexpected() });
	}
}
