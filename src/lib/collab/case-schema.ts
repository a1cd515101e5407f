/**
 * The ProseMirror schema of case-study sections: paragraphs and line breaks, bold and italic,
 * and the `disputed` mark ({ id, reason }) that y-prosemirror stores as Yjs formatting on the
 * text, so a dispute survives concurrent edits around and inside it. Loads in Node too (tests).
 */
import { Schema, type MarkSpec } from 'prosemirror-model';
import { nodes, marks } from 'prosemirror-schema-basic';

export const DISPUTED = 'disputed';

const disputed: MarkSpec = {
	attrs: { id: { default: '' }, reason: { default: '' } },
	inclusive: false,
	parseDOM: [
		{
			tag: 'mark[data-dispute-id]',
			getAttrs: (dom) => ({ id: (dom as HTMLElement).dataset.disputeId ?? '', reason: (dom as HTMLElement).title })
		}
	],
	toDOM: (mark) => ['mark', { class: 'disputed', 'data-dispute-id': mark.attrs.id as string, title: mark.attrs.reason as string }, 0]
};

export const caseSchema = new Schema({
	nodes: { doc: nodes.doc, paragraph: nodes.paragraph, text: nodes.text, hard_break: nodes.hard_break },
	marks: { strong: marks.strong, em: marks.em, [DISPUTED]: disputed }
});

/** A disputed passage: its mark id, the reason given, and the text it covers now. */
export interface DisputedPassage {
	id: string;
	reason: string;
	text: string;
}

/** The disputed passages of a document, in reading order (pieces of one mark joined). */
export function disputedPassages(doc: import('prosemirror-model').Node): DisputedPassage[] {
	const byId = new Map<string, DisputedPassage>();
	doc.descendants((node) => {
		if (!node.isText) return true;
		for (const mark of node.marks) {
			if (mark.type.name !== DISPUTED) continue;
			const id = String(mark.attrs.id);
			const found = byId.get(id);
			if (found) found.text += node.text ?? '';
			else byId.set(id, { id, reason: String(mark.attrs.reason), text: node.text ?? '' });
		}
		return false;
	});
	return [...byId.values()];
}
