/** The `reviewActions` root of the control document as reactive state for one activity. */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { readPublishedReview, REVIEW_ACTIONS_ROOT, type PublishedReview } from '$lib/shared/review-actions-control';

export class PublishedReviewView {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;

	constructor(
		doc: Y.Doc,
		readonly activityId: string
	) {
		this.#doc = doc;
		this.#subscribe = createSubscriber((update) => {
			const map = doc.getMap(REVIEW_ACTIONS_ROOT);
			map.observe(update);
			return () => map.unobserve(update);
		});
	}

	get review(): PublishedReview | null {
		this.#subscribe();
		return readPublishedReview(this.#doc, this.activityId);
	}
}
