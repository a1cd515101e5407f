import { describe, expect, it } from 'vitest';
import { hiddenGroups, hiddenSiblings } from '../../src/lib/server/votes/suppression';

const kinds = (cs: number, soc: number, other: number) => ({ civil_servants: cs, civil_society: soc, other });

describe('small groups are hidden', () => {
	it('hides groups of 1 or 2 and shows groups of 0 or 3 and more', () => {
		expect([...hiddenSiblings(9, [{ key: 'a', voters: 3 }, { key: 'b', voters: 3 }, { key: 'c', voters: 3 }])]).toEqual([]);
		expect([...hiddenGroups({ all: 6, kinds: kinds(3, 3, 0), roleGroups: [] })]).toEqual([]);
	});

	it('hides everything below 3 voters in total', () => {
		const hidden = hiddenGroups({ all: 2, kinds: kinds(1, 1, 0), roleGroups: [{ label: 'Resident', kind: 'civil_society', voters: 1 }] });
		expect(hidden).toEqual(new Set(['all', 'kind:civil_servants', 'kind:civil_society', 'kind:other', 'group:Resident']));
	});

	it('complementary suppression: a lone hidden voter cannot be worked out from the total, and both sides stay shown', () => {
		// 5 civil servants, 4 civil society, 1 other: "other" is hidden, but 10 - 5 - 4 = 1 would reveal it,
		// so the total is hidden rather than a side.
		const hidden = hiddenGroups({ all: 10, kinds: kinds(5, 4, 1), roleGroups: [] });
		expect(hidden).toEqual(new Set(['kind:other', 'all']));
	});

	it('keeps the total when the hidden kinds hold 3 or more people', () => {
		expect(hiddenGroups({ all: 15, kinds: kinds(10, 3, 2), roleGroups: [] })).toEqual(new Set(['kind:other', 'all']));
		expect(hiddenGroups({ all: 12, kinds: kinds(8, 2, 2), roleGroups: [] })).toEqual(new Set(['kind:civil_society', 'kind:other']));
		expect(hiddenGroups({ all: 9, kinds: kinds(6, 3, 0), roleGroups: [] })).toEqual(new Set());
		// two hidden groups of 2 make a remainder of 4: nothing more to hide.
		expect(hiddenSiblings(10, [{ key: 'a', voters: 6 }, { key: 'b', voters: 2 }, { key: 'c', voters: 2 }])).toEqual(new Set(['b', 'c']));
	});

	it('role groups within a kind: the kind minus the shown groups must not reveal 1 or 2 people', () => {
		// Civil society 7: Residents 5 shown, NGOs 2 hidden -> remainder 2 -> Residents hidden too.
		const hidden = hiddenGroups({
			all: 12,
			kinds: kinds(5, 7, 0),
			roleGroups: [
				{ label: 'Resident', kind: 'civil_society', voters: 5 },
				{ label: 'NGO', kind: 'civil_society', voters: 2 }
			]
		});
		expect(hidden).toEqual(new Set(['group:NGO', 'group:Resident']));
	});

	it('unshown role groups count in the remainder too', () => {
		// Only "Resident" (4) is shown of civil society (5): the 1 left would be revealed.
		const hidden = hiddenGroups({ all: 10, kinds: kinds(5, 5, 0), roleGroups: [{ label: 'Resident', kind: 'civil_society', voters: 4 }] });
		expect(hidden).toEqual(new Set(['group:Resident']));
	});

	it('role groups of a hidden kind are hidden', () => {
		const hidden = hiddenGroups({ all: 8, kinds: kinds(6, 2, 0), roleGroups: [{ label: 'Resident', kind: 'civil_society', voters: 2 }] });
		expect(hidden.has('kind:civil_society')).toBe(true);
		expect(hidden.has('group:Resident')).toBe(true);
		// 8 - 6 = 2 would reveal civil society: the total is hidden, civil servants stay.
		expect(hidden.has('all')).toBe(true);
		expect(hidden.has('kind:civil_servants')).toBe(false);
	});
});
