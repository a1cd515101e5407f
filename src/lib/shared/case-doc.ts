/**
 * The case-study document (`case.<workshopId>.<caseStudyId>`): one `Y.XmlFragment` per template
 * section and a `Y.Array` of the rights at stake. The one place that names its roots.
 */
import * as Y from 'yjs';
import { sectionRootName, type CaseSection } from './case-study-template';
import { parseChosenRight, type ChosenRight } from './rights-list';

export const CaseRoot = {
	rights: 'rights'
} as const;

/** The rich text of one section (ProseMirror content, bound by y-prosemirror). */
export function sectionFragment(doc: Y.Doc, section: CaseSection): Y.XmlFragment {
	return doc.getXmlFragment(sectionRootName(section));
}

function rightsArray(doc: Y.Doc): Y.Array<unknown> {
	return doc.getArray(CaseRoot.rights);
}

/** The rights chosen so far, each once, in the order they were first chosen. */
export function readRights(doc: Y.Doc): ChosenRight[] {
	const seen = new Set<string>();
	const out: ChosenRight[] = [];
	for (const value of rightsArray(doc).toArray()) {
		const right = parseChosenRight(value);
		if (!right || seen.has(right.id)) continue;
		seen.add(right.id);
		out.push(right);
	}
	return out;
}

/** Chooses or un-chooses a right (un-choosing removes every copy two people may have added at once). */
export function setRightChosen(doc: Y.Doc, right: ChosenRight, chosen: boolean): void {
	const array = rightsArray(doc);
	doc.transact(() => {
		const indexes = array
			.toArray()
			.map((v, i) => (parseChosenRight(v)?.id === right.id ? i : -1))
			.filter((i) => i >= 0);
		if (chosen && indexes.length === 0) array.push([right.label ? { id: right.id, label: right.label } : { id: right.id }]);
		if (!chosen) for (const i of indexes.reverse()) array.delete(i, 1);
	});
}

/** Observes the chosen rights; returns the unsubscribe. */
export function observeRights(doc: Y.Doc, onChange: () => void): () => void {
	const array = rightsArray(doc);
	array.observe(onChange);
	return () => array.unobserve(onChange);
}
