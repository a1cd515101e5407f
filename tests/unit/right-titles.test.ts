// Every built-in right has its translated title named in right-titles.ts (named, not looked up by
// a computed key, which would put every message of every language into the page bundles).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RIGHTS } from '../../src/lib/shared/rights-list';

const source = readFileSync(resolve(import.meta.dirname, '../../src/lib/components/case-study/right-titles.ts'), 'utf8');

describe('right titles', () => {
	it('names the message of every built-in right', () => {
		const missing = BUILT_IN_RIGHTS.filter((r) => !source.includes(`\t${r.key}: m.case_right_${r.key},`) && !source.includes(`\t${r.key}: m.case_right_${r.key}\n`));
		expect(missing.map((r) => r.key)).toEqual([]);
	});

	it('no component looks a message up by a computed key on the whole catalogue', () => {
		const labels = readFileSync(resolve(import.meta.dirname, '../../src/lib/components/case-study/case-labels.ts'), 'utf8');
		expect(labels).not.toMatch(/as unknown as Record<string/);
	});
});
