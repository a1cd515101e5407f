/**
 * The control document as reactive state: the current activity, the agenda and the timer, as the
 * server published them. Read-only: the server refuses any change from a client.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { ControlRoot, readAgenda, readControl, readPresence, timeLeft, type AgendaItem, type ControlState, type Presence } from '../shared/control-schema';

export class ControlView {
	readonly #doc: Y.Doc;
	readonly #subscribe: () => void;
	#receivedAt = Date.now();
	#now = $state(Date.now());

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#subscribe = createSubscriber((update) => {
			const onChange = () => {
				this.#receivedAt = Date.now();
				update();
			};
			const state = doc.getMap(ControlRoot.state);
			const agenda = doc.getArray(ControlRoot.agenda);
			const presence = doc.getMap(ControlRoot.presence);
			state.observe(onChange);
			agenda.observe(onChange);
			presence.observe(onChange);
			// The timer display needs a clock; it only ticks while someone reads it.
			const tick = setInterval(() => (this.#now = Date.now()), 250);
			return () => {
				state.unobserve(onChange);
				agenda.unobserve(onChange);
				presence.unobserve(onChange);
				clearInterval(tick);
			};
		});
	}

	/** The control document itself, for views of roots this class does not read (votes, case studies). */
	get doc(): Y.Doc {
		return this.#doc;
	}

	get state(): ControlState {
		this.#subscribe();
		return readControl(this.#doc);
	}

	get agenda(): AgendaItem[] {
		this.#subscribe();
		return readAgenda(this.#doc);
	}

	/** Who is connected, by role group. */
	get presence(): Presence {
		this.#subscribe();
		return readPresence(this.#doc);
	}

	/** The current activity, or null before the facilitator starts the agenda. */
	get current(): AgendaItem | null {
		const id = this.state.currentActivityId;
		return this.agenda.find((a) => a.id === id) ?? null;
	}

	/** Milliseconds left on the timer, or null when there is none. */
	get timeLeft(): number | null {
		this.#subscribe();
		return timeLeft(readControl(this.#doc), this.#receivedAt, this.#now);
	}
}

/** mm:ss for a duration in milliseconds (rounded up, so 0:00 means done). */
export function formatTimer(ms: number): string {
	const total = Math.ceil(ms / 1000);
	const minutes = Math.floor(total / 60);
	return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}
