// Page weight budgets, measured from the production build (npm test builds first).
import { describe, expect, it } from 'vitest';
import { describeWeight, pageWeight } from '../helpers/page-weight';

const KB = 1024;
const BUDGETS = [
	{ route: '/j/[token]', what: 'join page', budget: 60 * KB },
	{ route: '/w/[workshopId]', what: 'participant board', budget: 150 * KB }
];

describe('page weight (gzipped JavaScript loaded before the page runs)', () => {
	for (const { route, what, budget } of BUDGETS) {
		it(`the ${what} stays within ${budget / KB} KB`, () => {
			const w = pageWeight(route);
			// Everything SvelteKit preloads for the page is in the measured set (nothing is missed).
			const measured = new Set(w.files.map((f) => f.file));
			expect(w.preloads.filter((f) => !measured.has(f))).toEqual([]);
			console.log(describeWeight(w));
			expect(w.gzipBytes, describeWeight(w)).toBeLessThanOrEqual(budget);
		});
	}
});
