/** Reading finding and evidence fields from form posts. */
import { formString } from '../form-data';
import type { EvidenceInput, FindingInput } from '../../shared/finding-rules';

export function findingFromForm(data: FormData): FindingInput {
	return {
		statement: formString(data, 'statement'),
		rating: formString(data, 'rating'),
		onPaper: formString(data, 'onPaper'),
		inPractice: formString(data, 'inPractice'),
		effect: formString(data, 'effect'),
		confidence: formString(data, 'confidence')
	};
}

export function evidenceFromForm(data: FormData): EvidenceInput {
	return {
		kind: formString(data, 'kind'),
		text: formString(data, 'text'),
		source: formString(data, 'source'),
		date: formString(data, 'date'),
		holder: formString(data, 'holder'),
		url: formString(data, 'url')
	};
}
