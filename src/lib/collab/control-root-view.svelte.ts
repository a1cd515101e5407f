/**
 * One root map of the control document (votes, review of open actions…) as reactive state: `value`
 * re-reads it with `read` whenever the map changes. For roots ControlView does not read itself.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';

export class ControlRootView<T> {
	readonly #subscribe: () => void;

	constructor(
		readonly doc: Y.Doc,
		root: string,
		readonly read: (doc: Y.Doc) => T
	) {
		this.#subscribe = createSubscriber((update) => {
			const map = doc.getMap(root);
			map.observe(update);
			return () => map.unobserve(update);
		});
	}

	get value(): T {
		this.#subscribe();
		return this.read(this.doc);
	}
}
