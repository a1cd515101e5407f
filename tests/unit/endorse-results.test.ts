/** What a validation of action points publishes per point, and which attributions a phone may offer. */
import { describe, expect, it } from 'vitest';
import { endorsementOf } from '../../src/lib/server/votes/endorse-rule';
import { allowedAttributions, type Attribution, type EndorseStance } from '../../src/lib/shared/vote-rules';
import type { CountedBallot } from '../../src/lib/server/votes/tallies';

const ballot = (participantId: string, stance: EndorseStance, attribution: Attribution, reason = '', roleGroup = 'Resident'): CountedBallot => ({
	participantId,
	itemKey: 'item',
	value: { stance, attribution },
	reason,
	roleGroup
});
const names: Record<string, string> = { p1: 'Anna K.', p2: 'Ben L.', p3: 'Cleo M.', p4: 'Dan N.' };
const nameOf = (id: string) => names[id] ?? null;

describe('the published endorsement of one action point', () => {
	const ballots = [
		ballot('p1', 'object', 'named', 'No budget for it'),
		ballot('p2', 'endorse_changes', 'role_group', 'Add a deadline', 'Civil society organisation'),
		ballot('p3', 'endorse_changes', 'anonymous', 'Ask residents first'),
		ballot('p4', 'endorse', 'named', 'Fine as it is')
	];

	it('carries the outcome and the kept comments, sorted by text, with the attribution the author chose in a named activity', () => {
		expect(endorsementOf(ballots, 'named', nameOf)).toEqual({
			outcome: 'endorsed_with_changes',
			changes: [
				{ text: 'Add a deadline', attribution: 'Civil society organisation' },
				{ text: 'Ask residents first', attribution: '' }
			],
			objections: [{ text: 'No budget for it', attribution: 'Anna K.' }]
		});
	});

	it('never gives a name in a role-group activity, and nothing in an anonymous one', () => {
		const asked: string[] = [];
		const spy = (id: string) => (asked.push(id), nameOf(id));
		expect(endorsementOf(ballots, 'role_group', spy).objections).toEqual([{ text: 'No budget for it', attribution: 'Resident' }]);
		const anonymous = endorsementOf(ballots, 'anonymous', spy);
		expect([...anonymous.changes, ...anonymous.objections].map((c) => c.attribution)).toEqual(['', '', '']);
		expect(asked).toEqual([]);
		expect(JSON.stringify(anonymous)).not.toMatch(/Anna|Ben|Cleo|Dan|Resident|Civil society/);
	});

	it('keeps no comment when fewer than 3 people answered', () => {
		expect(endorsementOf(ballots.slice(0, 2), 'named', nameOf)).toEqual({ outcome: 'too_few_answers', changes: [], objections: [] });
	});

	it('is not endorsed when half object', () => {
		const half = [...ballots.slice(0, 1), ballot('p5', 'object', 'anonymous', 'Too vague'), ballots[3]!, ballot('p6', 'endorse', 'anonymous')];
		expect(endorsementOf(half, 'named', nameOf).outcome).toBe('not_endorsed');
	});
});

describe('attributions a phone offers', () => {
	it('follows the activity anonymity, anonymous first', () => {
		expect(allowedAttributions('named')).toEqual(['anonymous', 'role_group', 'named']);
		expect(allowedAttributions('role_group')).toEqual(['anonymous', 'role_group']);
		expect(allowedAttributions('anonymous')).toEqual(['anonymous']);
		expect(allowedAttributions('something else')).toEqual(['anonymous']);
	});
});
