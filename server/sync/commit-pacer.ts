/**
 * When the update log commits. The log commits a batch `groupCommitMs` after the batch's first
 * append, so every change, even in a quiet room, waits that long before its fsync, and peers see it
 * that much later (5 ms of a ~0.4 ms commit on our test machine). The window exists to bound the
 * commits per second under load, and that bound is kept here with less waiting: after an append,
 * the log is flushed at the end of the current event-loop turn (setImmediate: everything applied
 * in that turn shares the transaction) unless the previous flush began less than `windowMs` ago,
 * in which case it is flushed once the window since that flush is over. At most one commit per
 * window, as before; a change arriving after a quiet moment is committed at once. The log's own
 * timer still runs as the upper bound, and whatever the timing, broadcasts wait for the commit.
 */

/** The one method of the update log the pacer needs. */
interface Flushable {
	flush(): void;
}

interface Pace {
	lastFlush: number;
	pending: boolean;
}

const paces = new WeakMap<Flushable, Pace>();

/** Call after each append to `log`. */
export function commitSoon(log: Flushable, windowMs: number): void {
	let pace = paces.get(log);
	if (!pace) paces.set(log, (pace = { lastFlush: -Infinity, pending: false }));
	if (pace.pending) return;
	pace.pending = true;
	const p = pace;
	const run = () => {
		p.pending = false;
		p.lastFlush = performance.now();
		log.flush();
	};
	const wait = p.lastFlush + windowMs - performance.now();
	if (wait <= 0) setImmediate(run);
	else setTimeout(run, wait).unref();
}
