/** The board's contributions (participants' notes as the server lets them be seen), reactively. */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { contributionsOf, listContributions, type Contribution } from '../shared/doc-schema';

export class RoomContributions {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#subscribe = createSubscriber((update) => {
			const map = contributionsOf(doc);
			map.observe(update);
			return () => map.unobserve(update);
		});
	}

	/** Contributions of one activity, oldest first. */
	of(activityId: string): (Contribution & { id: string })[] {
		this.#subscribe();
		return listContributions(this.#doc, activityId);
	}
}
