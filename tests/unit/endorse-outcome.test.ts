import { describe, expect, it } from 'vitest';
import { attributionOf, endorseOutcome } from '../../src/lib/server/votes/endorse-rule';

describe('validation outcome of an action point', () => {
	const s = (endorse: number, endorse_changes: number, object: number) => ({ endorse, endorse_changes, object });
	it('needs at least 3 answers', () => {
		expect(endorseOutcome(s(2, 0, 0))).toBe('too_few_answers');
		expect(endorseOutcome(s(3, 0, 0))).toBe('endorsed');
	});
	it('is not endorsed when half or more object', () => {
		expect(endorseOutcome(s(1, 1, 2))).toBe('not_endorsed');
		expect(endorseOutcome(s(2, 1, 2))).toBe('endorsed');
	});
	it('asks for changes when more people endorse with changes than without', () => {
		expect(endorseOutcome(s(1, 2, 0))).toBe('endorsed_with_changes');
		expect(endorseOutcome(s(2, 2, 1))).toBe('endorsed');
	});
});

describe('attribution of a comment', () => {
	const who = { name: 'Anna K.', roleGroup: 'Resident' };
	it('gives the name only when the author chose it and the activity is named', () => {
		expect(attributionOf('named', 'named', who)).toBe('Anna K.');
		expect(attributionOf('named', 'role_group', who)).toBe('Resident');
		expect(attributionOf('named', 'anonymous', who)).toBe('');
		expect(attributionOf('role_group', 'named', who)).toBe('Resident');
		expect(attributionOf('anonymous', 'named', who)).toBe('');
		expect(attributionOf('named', 'named', { name: null, roleGroup: 'Resident' })).toBe('Resident');
	});
});
