/**
 * Which versions of each writer's key an observer has received, and when. A server that merges
 * the updates committed close together may deliver two versions of one key in one frame; the
 * observer's document then holds only the later one, as any Yjs peer would after a reconnect. The
 * earlier version was not lost, it was superseded on arrival: it counts as delivered when its
 * successor arrived. Writers and observers share this process, so the writers' send times are
 * known to every observer.
 */
export class SentVersions {
	/** Send times per writer, in order (each writer's values increase). */
	readonly #sent: number[][] = [];

	/** Records that `writer` sent the version stamped `sentAt`. */
	sent(writer: number, sentAt: number): void {
		(this.#sent[writer] ??= []).push(sentAt);
	}

	/** An observer's view: call `arrived` with each value it sees; `onLatency` gets one call per version. */
	observer(onLatency: (ms: number) => void): (writer: number, value: number, at: number) => void {
		const seen: number[] = [];
		return (writer, value, at) => {
			const list = this.#sent[writer];
			if (!list) return;
			let next = (seen[writer] ?? -1) + 1;
			while (next < list.length && list[next]! <= value) onLatency(at - list[next++]!);
			seen[writer] = next - 1;
		};
	}
}
