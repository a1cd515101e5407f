/**
 * What a case document says, as plain text for the report: each section's paragraphs, the rights
 * at stake and the disputed passages with their reasons (ProseMirror content read through
 * y-prosemirror with the case schema).
 */
import type * as Y from 'yjs';
import type { Node as PmNode } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { caseSchema, disputedPassages } from '../../collab/case-schema';
import { readRights, sectionFragment } from '../../shared/case-doc';
import { CASE_SECTIONS, type CaseSection } from '../../shared/case-study-template';
import type { ChosenRight } from '../../shared/rights-list';

export interface CaseText {
	sections: { section: CaseSection; paragraphs: string[] }[];
	rights: ChosenRight[];
	disputed: { text: string; reason: string }[];
}

/** The non-empty paragraphs of a section, line breaks kept as "\n". */
function paragraphs(root: PmNode): string[] {
	const out: string[] = [];
	root.forEach((block) => {
		const text = block.textBetween(0, block.content.size, '\n', '\n').trim();
		if (text) out.push(text);
	});
	return out;
}

export function readCaseText(doc: Y.Doc): CaseText {
	const disputed: CaseText['disputed'] = [];
	const sections = CASE_SECTIONS.map((section) => {
		const root = yXmlFragmentToProseMirrorRootNode(sectionFragment(doc, section), caseSchema);
		for (const d of disputedPassages(root)) disputed.push({ text: d.text, reason: d.reason });
		return { section, paragraphs: paragraphs(root) };
	});
	return { sections, rights: readRights(doc), disputed };
}
