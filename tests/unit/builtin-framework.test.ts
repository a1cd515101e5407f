import { describe, expect, it } from 'vitest';
import { RIGHTSCITIES_PILOT } from '../../src/lib/server/frameworks/builtin-rightscities';

const nodes = RIGHTSCITIES_PILOT.nodes;
const byCode = new Map(nodes.map((n) => [n.code, n]));
const itemsOf = (section: string) => nodes.filter((n) => n.parent === section);

describe('the built-in RIGHTSCITIES pilot framework', () => {
	it('has unique codes', () => {
		expect(new Set(nodes.map((n) => n.code)).size).toBe(nodes.length);
	});

	it('puts every item under a section and every section under a part, parents first', () => {
		nodes.forEach((node, index) => {
			if (node.kind === 'part') return expect(node.parent).toBeNull();
			const parent = byCode.get(node.parent ?? '');
			expect(parent?.kind, node.code).toBe(node.kind === 'item' ? 'section' : 'part');
			expect(nodes.indexOf(parent!), node.code).toBeLessThan(index);
		});
	});

	it('has the two parts with their three areas each', () => {
		expect(nodes.filter((n) => n.kind === 'part').map((n) => n.code)).toEqual(['P1', 'P2']);
		expect(nodes.filter((n) => n.kind === 'section').map((n) => `${n.code} ${n.original}`)).toEqual([
			'P1.F Foundations',
			'P1.S Structures',
			'P1.T Tools',
			'P2.W Work and employment',
			'P2.H Housing',
			'P2.P Political, democratic and community participation'
		]);
	});

	it('lists the governance items known from the FRA framework: 4 foundations, 5 structures, 3 tools', () => {
		expect([itemsOf('P1.F').length, itemsOf('P1.S').length, itemsOf('P1.T').length]).toEqual([4, 5, 3]);
		expect(itemsOf('P1.S').map((n) => n.code)).toEqual(['P1.S.1', 'P1.S.2', 'P1.S.3', 'P1.S.4', 'P1.S.5']);
	});

	it('gives each disability-rights area at least four items, each with a plain-language explanation', () => {
		for (const area of ['P2.W', 'P2.H', 'P2.P']) {
			const items = itemsOf(area);
			expect(items.length, area).toBeGreaterThanOrEqual(4);
			for (const item of items) expect(item.explanation.length, item.code).toBeGreaterThan(20);
		}
	});

	it('starts with nothing hidden, internal-only or reworded', () => {
		expect(nodes.filter((n) => n.hidden || n.internalOnly || n.local !== null)).toEqual([]);
	});
});
