import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionPoint, findPointMap, pointsArray, readActionPoints, removeActionPoint, setChoice } from '../../src/lib/shared/action-point-doc';

describe('action-point document', () => {
	it('reads a seeded point with every field', () => {
		const doc = new Y.Doc();
		const id = addActionPoint(doc, {
			title: 'Easy-read letters',
			type: 'accessibility',
			horizon: 'quick_win',
			deadline: '2027-03-31',
			indicators: [{ name: 'Letters in easy read', baseline: '0', target: '12' }],
			findingIds: ['f1', 'f1', 'f2']
		});
		const [point] = readActionPoints(doc);
		expect(point).toMatchObject({ id, title: 'Easy-read letters', type: 'accessibility', horizon: 'quick_win', competence: '', deadline: '2027-03-31', findingIds: ['f1', 'f2'] });
		expect(point!.indicators).toEqual([{ name: 'Letters in easy read', baseline: '0', target: '12' }]);
	});

	it('turns what a client should not have written into empty fields, and drops bad or repeated ids', () => {
		const doc = new Y.Doc();
		const id = addActionPoint(doc, { title: 'x' });
		const evil = new Y.Map<unknown>();
		evil.set('id', '../etc');
		pointsArray(doc).push([evil]);
		const copy = new Y.Map<unknown>();
		copy.set('id', id);
		pointsArray(doc).push([copy]);
		setChoice(doc, id, 'type', 'nonsense');
		setChoice(doc, id, 'deadline', '2027-02-30');
		findPointMap(doc, id)!.set('title', 42);
		const points = readActionPoints(doc);
		expect(points).toHaveLength(1);
		expect(points[0]).toMatchObject({ title: '', type: '', deadline: '' });
	});

	it('removes every copy of a point', () => {
		const doc = new Y.Doc();
		const id = addActionPoint(doc);
		addActionPoint(doc, { id });
		const other = addActionPoint(doc);
		removeActionPoint(doc, id);
		expect(readActionPoints(doc).map((p) => p.id)).toEqual([other]);
	});
});

import { checkBallot } from '../../src/lib/shared/vote-rules';

describe('grid and endorse ballots', () => {
	const rules = (kind: 'grid' | 'endorse') => ({ kind, itemIds: ['a'], budget: 5, cap: 3 });
	it('accepts impact and effort from 1 to 3 only', () => {
		expect(checkBallot(rules('grid'), { itemKey: 'a', value: { impact: 3, effort: 1 } })).toMatchObject({ ok: true, value: { impact: 3, effort: 1 } });
		expect(checkBallot(rules('grid'), { itemKey: 'a', value: { impact: 4, effort: 1 } })).toEqual({ ok: false, issue: 'bad_level' });
	});
	it('needs a reason for changes and objections, and a known attribution', () => {
		expect(checkBallot(rules('endorse'), { itemKey: 'a', value: { stance: 'endorse', attribution: 'anonymous' } })).toMatchObject({ ok: true });
		expect(checkBallot(rules('endorse'), { itemKey: 'a', value: { stance: 'object', attribution: 'anonymous' } })).toEqual({ ok: false, issue: 'reason_required' });
		expect(checkBallot(rules('endorse'), { itemKey: 'a', value: { stance: 'object', attribution: 'loud' }, reason: 'x' })).toEqual({ ok: false, issue: 'bad_attribution' });
		expect(checkBallot(rules('endorse'), { itemKey: 'b', value: { stance: 'endorse', attribution: 'named' } })).toEqual({ ok: false, issue: 'unknown_item' });
	});
});
