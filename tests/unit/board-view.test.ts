import { describe, expect, it } from 'vitest';
import { boardView } from '../../src/lib/server/live/contributions';
import type { StoredControl } from '../../src/lib/server/live/control-read';

const control: StoredControl = {
	currentActivityId: 'now',
	focus: true,
	locked: false,
	hiddenWriting: false,
	revealed: true,
	timerEndsAt: null,
	timerRemainingMs: null,
	version: 1
};
const row = { activityId: 'now', text: 'No ramp', createdAt: 1, groupLabel: 'Access' };
const ana = { displayName: 'Ana', roleGroup: 'Resident' };

describe('what the board may show of a note', () => {
	it('shows name and role group only in a named activity', () => {
		expect(boardView(row, ana, 'named', control)).toMatchObject({ text: 'No ramp', author: 'Ana', roleGroup: 'Resident' });
		const roleOnly = boardView(row, ana, 'role_group', control);
		expect(roleOnly.roleGroup).toBe('Resident');
		expect(roleOnly.author).toBeUndefined();
	});

	it('shows neither name nor role group in an anonymous activity', () => {
		const view = boardView(row, ana, 'anonymous', control);
		expect(view.author).toBeUndefined();
		expect(view.roleGroup).toBeUndefined();
		expect(JSON.stringify(view)).not.toContain('Ana');
	});

	it('hides text and group of the current activity under hidden writing until revealed', () => {
		const hidden = boardView(row, ana, 'named', { ...control, hiddenWriting: true, revealed: false });
		expect(hidden).toMatchObject({ hidden: true });
		expect(hidden.text).toBeUndefined();
		expect(hidden.group).toBeUndefined();
		expect(boardView(row, ana, 'named', { ...control, hiddenWriting: true, revealed: true }).text).toBe('No ramp');
	});

	it('shows notes of other activities even while the current one is hidden', () => {
		const earlier = { ...row, activityId: 'before' };
		expect(boardView(earlier, ana, 'named', { ...control, hiddenWriting: true, revealed: false }).text).toBe('No ramp');
	});

	it('counts merged notes and shows the group label', () => {
		expect(boardView(row, ana, 'named', control, 2)).toMatchObject({ merged: 2, group: 'Access' });
	});
});
