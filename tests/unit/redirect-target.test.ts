import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from '../../src/lib/server/auth/redirect-target';

describe('safeRedirectTarget', () => {
	it('keeps same-site paths with their query and fragment', () => {
		expect(safeRedirectTarget('/orgs/abc')).toBe('/orgs/abc');
		expect(safeRedirectTarget('/workshops/x?tab=notes#top')).toBe('/workshops/x?tab=notes#top');
	});

	it('falls back to / for missing, relative or absolute targets', () => {
		for (const target of [null, undefined, '', 'orgs', 'https://evil.example/', 'javascript:alert(1)']) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});

	it('refuses protocol-relative and backslash tricks that browsers read as another host', () => {
		for (const target of ['//evil.example', '/\\evil.example', '/\\/evil.example', '/\t/evil.example', '/%0a/x\n']) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});

	it('normalises dot segments without leaving the site', () => {
		expect(safeRedirectTarget('/a/../../b')).toBe('/b');
		expect(safeRedirectTarget('/./orgs')).toBe('/orgs');
	});
});
