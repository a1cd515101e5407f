/**
 * Rules for an assessment cycle's settings: name, period, purpose, framework and rating scale.
 * `checkCycleInput` returns the cleaned values and one issue code per field with a problem.
 */
import type { RatingOption } from './rating-scale';

export const CYCLE_NAME_MAX = 120;
export const CYCLE_PURPOSE_MAX = 2000;
export const RATING_LABEL_MAX = 60;
export const RATING_OPTIONS_MIN = 2;
export const RATING_OPTIONS_MAX = 10;

/** What a form posts: the scale is either the default or custom labels, one per line. */
export interface CycleInput {
	name: string;
	periodStart: string;
	periodEnd: string;
	purpose: string;
	frameworkId: string;
	scale: string;
	scaleLabels: string;
}

export interface CleanCycle {
	name: string;
	periodStart: string | null;
	periodEnd: string | null;
	purpose: string;
	frameworkId: string;
	/** Empty for the default scale. */
	ratingScale: RatingOption[];
}

export type CycleIssues = Partial<Record<'name' | 'periodStart' | 'periodEnd' | 'purpose' | 'frameworkId' | 'scaleLabels' | 'scale', string>>;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A key for a custom label: lowercase ASCII words joined by "_", or `option_<n>` when none. */
export function ratingKeyFor(label: string, index: number): string {
	const slug = label
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40)
		.replace(/_+$/, '');
	return slug || `option_${index + 1}`;
}

/** Custom labels (one per line, blank lines ignored) as scale options, or an issue code. */
export function customScale(text: string): { options: RatingOption[]; issue: string | null } {
	const labels = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
	if (labels.length < RATING_OPTIONS_MIN) return { options: [], issue: 'scale_too_few' };
	if (labels.length > RATING_OPTIONS_MAX) return { options: [], issue: 'scale_too_many' };
	if (labels.some((l) => l.length > RATING_LABEL_MAX)) return { options: [], issue: 'scale_label_too_long' };
	const folded = labels.map((l) => l.toLocaleLowerCase());
	if (new Set(folded).size !== labels.length) return { options: [], issue: 'scale_duplicate' };
	const used = new Set<string>();
	const options = labels.map((label, i) => {
		let key = ratingKeyFor(label, i);
		for (let n = 2; used.has(key); n++) key = `${ratingKeyFor(label, i).slice(0, 36)}_${n}`;
		used.add(key);
		return { key, label };
	});
	return { options, issue: null };
}

function checkDate(value: string): string | null {
	return value === '' || isIsoDate(value) ? null : 'date_invalid';
}

/** Checks and cleans a cycle's settings. */
export function checkCycleInput(input: CycleInput): { value: CleanCycle; issues: CycleIssues } {
	const issues: CycleIssues = {};
	const name = input.name.trim();
	if (name === '') issues.name = 'name_required';
	else if (name.length > CYCLE_NAME_MAX) issues.name = 'name_too_long';
	const periodStart = input.periodStart.trim();
	const periodEnd = input.periodEnd.trim();
	const startIssue = checkDate(periodStart);
	const endIssue = checkDate(periodEnd);
	if (startIssue) issues.periodStart = startIssue;
	if (endIssue) issues.periodEnd = endIssue;
	if (!startIssue && !endIssue && periodStart && periodEnd && periodEnd < periodStart) issues.periodEnd = 'end_before_start';
	const purpose = input.purpose.trim();
	if (purpose.length > CYCLE_PURPOSE_MAX) issues.purpose = 'purpose_too_long';
	const frameworkId = input.frameworkId.trim();
	if (frameworkId === '') issues.frameworkId = 'framework_required';
	let ratingScale: RatingOption[] = [];
	if (input.scale === 'custom') {
		const custom = customScale(input.scaleLabels);
		if (custom.issue) issues.scaleLabels = custom.issue;
		ratingScale = custom.options;
	} else if (input.scale !== 'default') issues.scale = 'scale_invalid';
	return {
		value: { name, periodStart: periodStart || null, periodEnd: periodEnd || null, purpose, frameworkId, ratingScale },
		issues
	};
}
