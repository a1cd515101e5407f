import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { CASE_SECTIONS, isCaseSection, sectionOfRoot, sectionRootName, validateCaseTitle } from '../../src/lib/shared/case-study-template';
import { BUILT_IN_RIGHTS, customRightId, parseChosenRight, validateRightLabel } from '../../src/lib/shared/rights-list';
import { readRights, setRightChosen } from '../../src/lib/shared/case-doc';

const messages = JSON.parse(readFileSync('src/lib/i18n/messages/case-studies/en.json', 'utf8')) as Record<string, string>;

describe('the case-study template', () => {
	it('has the nine Gdańsk sections in order, each with a translated label and its own Yjs root', () => {
		expect(CASE_SECTIONS).toEqual(['situation', 'wants_needs', 'rights', 'city_action', 'critical_factors', 'dilemmas', 'problem_areas', 'good_practices', 'proposed_actions']);
		for (const section of CASE_SECTIONS) {
			expect(messages[`case_section_${section}`], section).toBeTruthy();
			expect(sectionOfRoot(sectionRootName(section))).toBe(section);
		}
		expect(sectionOfRoot('rights')).toBeNull();
		expect(sectionOfRoot('section.nope')).toBeNull();
		expect(isCaseSection('situation')).toBe(true);
	});

	it('accepts a trimmed title and refuses blank or overlong ones with an issue code', () => {
		expect(validateCaseTitle('  Housing  ')).toEqual({ ok: true, title: 'Housing' });
		expect(validateCaseTitle('   ')).toEqual({ ok: false, issue: 'title_required' });
		expect(validateCaseTitle(undefined)).toEqual({ ok: false, issue: 'title_required' });
		expect(validateCaseTitle('x'.repeat(121))).toEqual({ ok: false, issue: 'title_too_long' });
	});
});

describe('the rights list', () => {
	it('holds EU Charter and CRPD articles with unique keys and a translated short title each', () => {
		const keys = BUILT_IN_RIGHTS.map((r) => r.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const key of ['eu_charter_1', 'eu_charter_21', 'eu_charter_26', 'eu_charter_34', 'crpd_9', 'crpd_19', 'crpd_27', 'crpd_28', 'crpd_29']) expect(keys).toContain(key);
		for (const right of BUILT_IN_RIGHTS) expect(messages[`case_right_${right.key}`], right.key).toBeTruthy();
		expect(messages.case_right_eu_charter_21).toBe('Non-discrimination');
		expect(messages.case_right_crpd_19).toBe('Living independently and being included in the community');
	});

	it('reads only well-formed chosen rights from a shared document', () => {
		expect(parseChosenRight({ id: 'crpd_9' })).toEqual({ id: 'crpd_9' });
		expect(parseChosenRight({ id: 'crpd_999' })).toBeNull();
		expect(parseChosenRight({ id: customRightId('abc'), label: 'Local housing act' })).toEqual({ id: 'custom:abc', label: 'Local housing act' });
		expect(parseChosenRight({ id: customRightId('abc') })).toBeNull();
		expect(parseChosenRight('crpd_9')).toBeNull();
	});

	it('chooses each right once, and un-choosing removes copies two people added at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		setRightChosen(a, { id: 'eu_charter_34' }, true);
		setRightChosen(b, { id: 'eu_charter_34' }, true);
		setRightChosen(b, { id: 'crpd_28' }, true);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(readRights(a).map((r) => r.id).sort()).toEqual(['crpd_28', 'eu_charter_34']);
		setRightChosen(a, { id: 'eu_charter_34' }, false);
		expect(readRights(a)).toEqual([{ id: 'crpd_28' }]);
	});

	it('validates an organisation’s own right: required, bounded, not a duplicate', () => {
		expect(validateRightLabel('  Local  housing act ', [])).toEqual({ ok: true, label: 'Local housing act' });
		expect(validateRightLabel('', [])).toEqual({ ok: false, issue: 'right_label_required' });
		expect(validateRightLabel('x'.repeat(161), [])).toEqual({ ok: false, issue: 'right_label_too_long' });
		expect(validateRightLabel('local HOUSING act', ['Local housing act'])).toEqual({ ok: false, issue: 'right_label_duplicate' });
	});
});
