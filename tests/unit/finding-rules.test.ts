import { describe, expect, it } from 'vitest';
import {
	FINDING_STATUSES,
	canMoveStatus,
	checkEvidence,
	checkFinding,
	nextStatuses,
	normaliseEvidence,
	normaliseFinding,
	STATEMENT_MAX,
	EVIDENCE_TEXT_MAX,
	EVIDENCE_FIELD_MAX
} from '../../src/lib/shared/finding-rules';
import { DEFAULT_RATING_KEYS } from '../../src/lib/shared/rating-scale';

const finding = (over: Partial<Record<string, string>> = {}) =>
	normaliseFinding({ statement: 'A statement', rating: '', onPaper: '', inPractice: '', effect: '', confidence: '', ...over });
const evidence = (over: Partial<Record<string, string>> = {}) =>
	normaliseEvidence({ kind: 'story', text: 'What happened', source: '', date: '', holder: '', url: '', ...over });

describe('finding status transitions', () => {
	it('follows draft → under review → validated, contested or revised, and revised back to review', () => {
		expect(nextStatuses('draft')).toEqual(['under_review']);
		expect(nextStatuses('under_review')).toEqual(['validated', 'contested', 'revised', 'draft']);
		expect(nextStatuses('revised')).toEqual(['under_review', 'draft']);
		expect(canMoveStatus('draft', 'validated')).toBe(false);
		expect(canMoveStatus('validated', 'under_review')).toBe(false);
		expect(canMoveStatus('contested', 'revised')).toBe(false);
	});

	it('lets staff reset every status except draft itself to draft', () => {
		for (const status of FINDING_STATUSES) expect(canMoveStatus(status, 'draft')).toBe(status !== 'draft');
	});
});

describe('checking a finding', () => {
	const keys = [...DEFAULT_RATING_KEYS];

	it('accepts a statement alone and every known key', () => {
		expect(checkFinding(finding(), keys)).toEqual({});
		expect(checkFinding(finding({ rating: 'partly_in_place', onPaper: 'yes', inPractice: 'unknown', effect: 'mixed', confidence: 'high' }), keys)).toEqual({});
	});

	it('reports a missing or too long statement, and unknown keys per field', () => {
		expect(checkFinding(finding({ statement: '   ' }), keys)).toEqual({ statement: 'statement_missing' });
		expect(checkFinding(finding({ statement: 'x'.repeat(STATEMENT_MAX + 1) }), keys)).toEqual({ statement: 'statement_too_long' });
		expect(checkFinding(finding({ rating: 'good', onPaper: 'maybe', inPractice: 'sometimes', effect: 'great', confidence: 'total' }), keys)).toEqual({
			rating: 'rating_unknown',
			onPaper: 'on_paper_unknown',
			inPractice: 'in_practice_unknown',
			effect: 'effect_unknown',
			confidence: 'confidence_unknown'
		});
	});

	it('checks the rating against the cycle’s own scale', () => {
		expect(checkFinding(finding({ rating: 'in_place' }), ['green', 'red'])).toEqual({ rating: 'rating_unknown' });
		expect(checkFinding(finding({ rating: 'green' }), ['green', 'red'])).toEqual({});
	});
});

describe('checking evidence', () => {
	it('needs the figure and its source for a statistic; date and holder are optional', () => {
		expect(checkEvidence(evidence({ kind: 'statistic', text: '12%', source: 'Survey' }))).toEqual({});
		expect(checkEvidence(evidence({ kind: 'statistic', text: '', source: '' }))).toEqual({ text: 'text_missing', source: 'source_missing' });
	});

	it('needs an http(s) link for a document', () => {
		expect(checkEvidence(evidence({ kind: 'document', text: '', url: 'https://example.org/a.pdf' }))).toEqual({});
		expect(checkEvidence(evidence({ kind: 'document', text: '' }))).toEqual({ url: 'url_missing' });
		expect(checkEvidence(evidence({ kind: 'document', url: 'javascript:alert(1)' }))).toEqual({ url: 'url_invalid' });
		expect(checkEvidence(evidence({ kind: 'document', url: 'www.example.org' }))).toEqual({ url: 'url_invalid' });
	});

	it('needs text for stories and interview notes, and refuses unknown kinds and long fields', () => {
		expect(checkEvidence(evidence({ kind: 'interview', text: '' }))).toEqual({ text: 'text_missing' });
		expect(checkEvidence(evidence({ kind: 'rumour' }))).toEqual({ kind: 'kind_unknown' });
		expect(checkEvidence(evidence({ text: 'x'.repeat(EVIDENCE_TEXT_MAX + 1), holder: 'h'.repeat(EVIDENCE_FIELD_MAX + 1) }))).toEqual({
			text: 'text_too_long',
			holder: 'too_long'
		});
	});
});
