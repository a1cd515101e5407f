/**
 * The action-points document as reactive state: the drafted points (re-read with
 * `readActionPoints` on every change of the document) and how many people are editing (from the
 * awareness the server reduced to `{ editing }`), with the edits the editor makes.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { addActionPoint, pointsArray, readActionPoints, removeActionPoint, setChoice, type ActionChoiceField, type ActionPointDraft, type ActionTextField, type IndicatorField } from '../shared/action-point-doc';
import { addIndicator, indicatorText, pointText, removeIndicator, setLinked, type LinkField } from '../shared/action-point-edit';

/** The part of a y-protocols Awareness this view uses. */
export interface EditingAwareness {
	getStates(): Map<number, Record<string, unknown>>;
	on(event: 'change', handler: () => void): void;
	off(event: 'change', handler: () => void): void;
}

export class ActionPointsView {
	readonly doc: Y.Doc;
	readonly #awareness: EditingAwareness | null;
	readonly #subscribe: () => void;
	readonly #subscribeAwareness: () => void;

	constructor(doc: Y.Doc, awareness: EditingAwareness | null = null) {
		this.doc = doc;
		this.#awareness = awareness;
		this.#subscribe = createSubscriber((update) => {
			const points = pointsArray(doc);
			points.observeDeep(update);
			return () => points.unobserveDeep(update);
		});
		this.#subscribeAwareness = createSubscriber((update) => {
			awareness?.on('change', update);
			return () => awareness?.off('change', update);
		});
	}

	get points(): ActionPointDraft[] {
		this.#subscribe();
		return readActionPoints(this.doc);
	}

	/** How many connected screens say they are editing (this one included). */
	get editing(): number {
		this.#subscribeAwareness();
		let count = 0;
		for (const state of this.#awareness?.getStates().values() ?? []) if (state?.editing === true) count++;
		return count;
	}

	add(): string {
		return addActionPoint(this.doc);
	}

	remove(id: string): void {
		removeActionPoint(this.doc, id);
	}

	choose(id: string, field: ActionChoiceField, value: string): void {
		setChoice(this.doc, id, field, value);
	}

	text(id: string, field: ActionTextField): Y.Text | null {
		return pointText(this.doc, id, field);
	}

	indicatorText(id: string, index: number, field: IndicatorField): Y.Text | null {
		return indicatorText(this.doc, id, index, field);
	}

	addIndicator(id: string): boolean {
		return addIndicator(this.doc, id);
	}

	removeIndicator(id: string, index: number): void {
		removeIndicator(this.doc, id, index);
	}

	link(id: string, field: LinkField, linkId: string, on: boolean): void {
		setLinked(this.doc, id, field, linkId, on);
	}
}
