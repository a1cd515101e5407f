import { describe, expect, it } from 'vitest';
import {
	canMoveAction,
	checkAction,
	checkProgress,
	isIsoDate,
	isOverdue,
	nextActionStatuses,
	normaliseAction,
	parseProgress,
	type ActionInput
} from '../../src/lib/shared/action-rules';

const valid: ActionInput = {
	title: ' Ramp at the housing office ',
	description: '',
	type: 'accessibility',
	horizon: 'quick_win',
	department: 'Housing',
	ownerName: '',
	target: '',
	indicators: [{ name: ' Offices with step-free access ', baseline: '2', target: '7' }, { name: '', baseline: '', target: '' }],
	deadline: '2025-06-30',
	resources: '',
	competence: '',
	affectedGroups: ''
};

describe('action fields', () => {
	it('trims, drops empty indicator rows and defaults the competence to the city', () => {
		const clean = normaliseAction(valid);
		expect(clean.title).toBe('Ramp at the housing office');
		expect(clean.indicators).toEqual([{ name: 'Offices with step-free access', baseline: '2', target: '7' }]);
		expect(clean.competence).toBe('city');
		expect(checkAction(clean)).toEqual({});
	});

	it('gives an issue code per bad field', () => {
		const issues = checkAction(
			normaliseAction({ ...valid, title: '', type: 'x', horizon: 'soon', competence: 'moon', deadline: '2025-02-30', indicators: [{ name: '', baseline: '1', target: '' }] })
		);
		expect(issues).toEqual({
			title: 'title_missing',
			type: 'type_unknown',
			horizon: 'horizon_unknown',
			competence: 'competence_unknown',
			deadline: 'deadline_invalid',
			indicators: 'indicator_name_missing'
		});
		expect(checkAction(normaliseAction({ ...valid, title: 'x'.repeat(201), department: 'd'.repeat(301) }))).toEqual({ title: 'too_long', department: 'too_long' });
	});

	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('30.06.2025')).toBe(false);
	});
});

describe('status and progress', () => {
	it('allows the workflow moves and reopening done or dropped actions', () => {
		expect(nextActionStatuses('planned')).toEqual(['in_progress', 'done', 'stuck', 'dropped']);
		expect(canMoveAction('done', 'in_progress')).toBe(true);
		expect(canMoveAction('done', 'stuck')).toBe(false);
		expect(canMoveAction('dropped', 'planned')).toBe(true);
	});

	it('needs a reason for stuck and dropped, and a whole percentage', () => {
		expect(checkProgress('planned', { status: 'stuck', reason: ' ', progress: '10', note: '' })).toEqual({ reason: 'reason_missing' });
		expect(checkProgress('planned', { status: 'dropped', reason: 'No budget', progress: '0', note: '' })).toEqual({});
		expect(checkProgress('stuck', { status: 'stuck', reason: '', progress: '20', note: 'Still waiting' })).toEqual({});
		expect(checkProgress('done', { status: 'stuck', reason: 'x', progress: '50', note: '' })).toEqual({ status: 'status_not_allowed' });
		expect(checkProgress('planned', { status: 'in_progress', reason: '', progress: '101', note: '' })).toEqual({ progress: 'progress_invalid' });
		expect([parseProgress('0'), parseProgress('100'), parseProgress('45.5'), parseProgress('-1'), parseProgress('')]).toEqual([0, 100, null, null, null]);
	});
});

describe('overdue', () => {
	const today = '2025-03-10';
	it('is a passed deadline on an action that is not done or dropped', () => {
		expect(isOverdue({ deadline: '2025-03-09', status: 'in_progress' }, today)).toBe(true);
		expect(isOverdue({ deadline: '2025-03-09', status: 'stuck' }, today)).toBe(true);
		expect(isOverdue({ deadline: '2025-03-10', status: 'planned' }, today)).toBe(false);
		expect(isOverdue({ deadline: '2025-03-09', status: 'done' }, today)).toBe(false);
		expect(isOverdue({ deadline: '2025-03-09', status: 'dropped' }, today)).toBe(false);
		expect(isOverdue({ deadline: null, status: 'planned' }, today)).toBe(false);
	});
});
