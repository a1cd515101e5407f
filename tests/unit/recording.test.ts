import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionPoint, readActionPoints } from '../../src/lib/shared/action-point-doc';
import { draftAction, draftFormValues } from '../../src/lib/server/action-points/draft-values';
import { actionFromForm } from '../../src/lib/server/register/form-input';
import { pointOfSourceKey, recordingSourceKey } from '../../src/lib/server/action-points/recording-source';
import { isComplete, pendingEndorsed, type RecordingPoint } from '../../src/lib/server/action-points/recording';

function draft(seed: Parameters<typeof addActionPoint>[1]) {
	const doc = new Y.Doc();
	addActionPoint(doc, seed);
	return readActionPoints(doc)[0]!;
}

describe('recording source keys', () => {
	it('name the workshop and the point, and only that workshop reads them back', () => {
		const key = recordingSourceKey('w1', 'abcdefgh12');
		expect(key).toBe('w1:abcdefgh12');
		expect(pointOfSourceKey('w1', key)).toBe('abcdefgh12');
		expect(pointOfSourceKey('w2', key)).toBeNull();
		expect(pointOfSourceKey('w1', 'manual:xyz')).toBeNull();
	});
});

describe('a draft in the register form', () => {
	it('goes through the form unchanged', () => {
		const d = draft({ title: 'Ramp', type: 'accessibility', horizon: 'quick_win', deadline: '2026-06-30', indicators: [{ name: 'Offices', baseline: '2', target: '7' }] });
		const data = new FormData();
		for (const [k, v] of Object.entries(draftFormValues(d))) data.set(k, v);
		expect(actionFromForm(data)).toEqual(draftAction(d));
	});

	it('is complete only with the fields the register needs', () => {
		expect(isComplete(draft({ title: 'Ramp', type: 'accessibility', horizon: 'quick_win' }))).toBe(true);
		expect(isComplete(draft({ title: 'Ramp', type: 'accessibility' }))).toBe(false);
		expect(isComplete(draft({ type: 'accessibility', horizon: 'quick_win' }))).toBe(false);
	});
});

describe('record all', () => {
	it('takes endorsed, unrecorded, complete drafts and lists endorsed incomplete ones', () => {
		const point = (title: string, state: RecordingPoint['state'], complete: boolean, recorded = false): RecordingPoint => ({
			draft: draft({ title }),
			validation: null,
			state,
			complete,
			entry: recorded ? { id: 'e', recordedAt: 0, recorderName: null } : null,
			cycleId: null
		});
		const { ready, incomplete } = pendingEndorsed({
			anyValidation: true,
			points: [point('a', 'recordable', true), point('b', 'recordable', false), point('c', 'recordable', true, true), point('d', 'not_endorsed', true), point('e', 'too_few_answers', true)]
		});
		expect(ready.map((p) => p.draft.title)).toEqual(['a']);
		expect(incomplete.map((p) => p.draft.title)).toEqual(['b']);
	});
});
