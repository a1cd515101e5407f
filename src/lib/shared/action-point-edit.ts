/**
 * Edits of one action point that the editor makes beyond `action-point-doc.ts`: the `Y.Text` of a
 * text field to bind an input to, indicators added and removed, links set. Each acts on the first
 * copy of the point (the one `readActionPoints` shows) and does nothing when the point is gone.
 */
import * as Y from 'yjs';
import { INDICATORS_MAX } from './action-rules';
import { INDICATOR_FIELDS, LINKS_MAX, findPointMap, type ActionTextField, type IndicatorField } from './action-point-doc';

export type LinkField = 'findingIds' | 'caseStudyIds';

/** The Y.Text of a text field, or null when the point is gone or the field is not text. */
export function pointText(doc: Y.Doc, id: string, field: ActionTextField): Y.Text | null {
	const v = findPointMap(doc, id)?.get(field);
	return v instanceof Y.Text ? v : null;
}

function indicatorsOf(doc: Y.Doc, id: string): Y.Array<unknown> | null {
	const v = findPointMap(doc, id)?.get('indicators');
	return v instanceof Y.Array ? v : null;
}

/** The Y.Text of one indicator's field (`index` counts only well-formed indicators, as readers do). */
export function indicatorText(doc: Y.Doc, id: string, index: number, field: IndicatorField): Y.Text | null {
	const maps = (indicatorsOf(doc, id)?.toArray() ?? []).filter((m) => m instanceof Y.Map);
	const v = (maps[index] as Y.Map<unknown> | undefined)?.get(field);
	return v instanceof Y.Text ? v : null;
}

/** Appends an empty indicator; false when the point is gone or already has the most allowed. */
export function addIndicator(doc: Y.Doc, id: string): boolean {
	const list = indicatorsOf(doc, id);
	if (!list || list.toArray().filter((m) => m instanceof Y.Map).length >= INDICATORS_MAX) return false;
	const map = new Y.Map<unknown>();
	for (const f of INDICATOR_FIELDS) map.set(f, new Y.Text(''));
	list.push([map]);
	return true;
}

/** Removes the indicator at `index` (counting well-formed indicators only). */
export function removeIndicator(doc: Y.Doc, id: string, index: number): void {
	const list = indicatorsOf(doc, id);
	if (!list) return;
	let seen = -1;
	const all = list.toArray();
	for (let i = 0; i < all.length; i++) {
		if (all[i] instanceof Y.Map) seen++;
		if (seen === index) return list.delete(i, 1);
	}
}

/** Links or unlinks a finding or case study; adding beyond LINKS_MAX does nothing. */
export function setLinked(doc: Y.Doc, id: string, field: LinkField, linkId: string, on: boolean): void {
	const v = findPointMap(doc, id)?.get(field);
	if (!(v instanceof Y.Array)) return;
	const items = v.toArray();
	doc.transact(() => {
		if (on) {
			if (!items.includes(linkId) && items.length < LINKS_MAX) v.push([linkId]);
			return;
		}
		for (let i = items.length - 1; i >= 0; i--) if (items[i] === linkId) v.delete(i, 1);
	});
}
