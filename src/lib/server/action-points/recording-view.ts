/** One point of the recording page as the page receives it (plain data, dates already in words). */
import type { RecordingPoint } from './recording';
import { draftFormValues } from './draft-values';

export function pointView(p: RecordingPoint, formatDate: (ms: number) => string) {
	return {
		id: p.draft.id,
		title: p.draft.title,
		state: p.state,
		complete: p.complete,
		validation: p.validation,
		entry: p.entry ? { id: p.entry.id, iso: new Date(p.entry.recordedAt).toISOString(), date: formatDate(p.entry.recordedAt), recorderName: p.entry.recorderName } : null,
		values: { ...draftFormValues(p.draft), cycleId: p.cycleId ?? '' }
	};
}

export type PointView = ReturnType<typeof pointView>;
