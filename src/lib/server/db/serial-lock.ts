/**
 * A first-come, first-served asynchronous lock. SQLite has one connection per process, so its
 * transactions take this lock for their whole body, and statements outside a transaction take it
 * for their one statement: a statement can never slip into another caller's open transaction
 * (and be rolled back with it).
 */
export class SerialLock {
	#tail: Promise<void> = Promise.resolve();

	/** Runs `fn` once every earlier holder has finished; releases the lock when `fn` settles. */
	async run<T>(fn: () => T | Promise<T>): Promise<T> {
		const previous = this.#tail;
		let release!: () => void;
		this.#tail = new Promise<void>((resolve) => (release = resolve));
		try {
			await previous;
			return await fn();
		} finally {
			release();
		}
	}
}
