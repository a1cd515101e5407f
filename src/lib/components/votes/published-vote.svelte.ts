/** The `votes` root of the control document as reactive state for one activity. */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { readPublishedVote, VOTES_ROOT, type PublishedVote } from '$lib/shared/vote-control';

export class PublishedVoteView {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;

	constructor(
		doc: Y.Doc,
		readonly activityId: string
	) {
		this.#doc = doc;
		this.#subscribe = createSubscriber((update) => {
			const map = doc.getMap(VOTES_ROOT);
			map.observe(update);
			return () => map.unobserve(update);
		});
	}

	get vote(): PublishedVote | null {
		this.#subscribe();
		return readPublishedVote(this.#doc, this.activityId);
	}
}
