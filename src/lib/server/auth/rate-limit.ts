/**
 * An in-memory fixed-window rate limiter: each key gets `max` hits per window, the window
 * starting at the key's first hit. One process only; with several instances each counts
 * alone, which still bounds guessing to `max × instances`.
 */

export interface RateLimitOptions {
	/** Hits allowed per window. */
	max: number;
	windowMs: number;
	/**
	 * Upper bound on remembered keys. When full after pruning, the oldest windows are
	 * forgotten first: memory stays bounded even under a flood of distinct keys.
	 */
	maxKeys?: number;
}

export interface RateLimitResult {
	allowed: boolean;
	/** Hits left in the current window (after this one, for `hit`). */
	remaining: number;
	/** Seconds until the window resets; 0 when the key is not limited. */
	retryAfterSeconds: number;
}

interface Window {
	count: number;
	resetAt: number;
}

export class RateLimiter {
	readonly #max: number;
	readonly #windowMs: number;
	readonly #maxKeys: number;
	readonly #now: () => number;
	/** Insertion order is window start order, so the first entries expire first. */
	readonly #windows = new Map<string, Window>();

	constructor(options: RateLimitOptions, now: () => number = Date.now) {
		if (!(options.max >= 1) || !(options.windowMs > 0)) throw new Error('RateLimiter: max must be ≥ 1 and windowMs > 0');
		this.#max = options.max;
		this.#windowMs = options.windowMs;
		this.#maxKeys = options.maxKeys ?? 10_000;
		this.#now = now;
	}

	/** Reports whether `key` may proceed, without counting a hit. */
	check(key: string): RateLimitResult {
		const w = this.#current(key);
		const count = w?.count ?? 0;
		if (count >= this.#max) return { allowed: false, remaining: 0, retryAfterSeconds: this.#retryAfter(w) };
		return { allowed: true, remaining: this.#max - count, retryAfterSeconds: 0 };
	}

	/** Counts one hit for `key`; `allowed` is false when this hit is over the limit. */
	hit(key: string): RateLimitResult {
		let w = this.#current(key);
		if (!w) {
			this.#makeRoom();
			w = { count: 0, resetAt: this.#now() + this.#windowMs };
			this.#windows.set(key, w);
		}
		w.count += 1;
		if (w.count > this.#max) return { allowed: false, remaining: 0, retryAfterSeconds: this.#retryAfter(w) };
		return { allowed: true, remaining: this.#max - w.count, retryAfterSeconds: 0 };
	}

	/**
	 * Takes back one hit of `key` in its current window: for a hit counted before its outcome
	 * was known (so that parallel requests cannot all pass a check first) that turned out not to count.
	 */
	refund(key: string): void {
		const w = this.#current(key);
		if (w && w.count > 0) w.count -= 1;
	}

	/** Forgets `key` (after a successful sign-in, for example). */
	reset(key: string): void {
		this.#windows.delete(key);
	}

	/** Drops every expired window. */
	prune(): void {
		const now = this.#now();
		for (const [key, w] of this.#windows) {
			if (w.resetAt <= now) this.#windows.delete(key);
		}
	}

	/** Number of keys currently remembered. */
	get size(): number {
		return this.#windows.size;
	}

	#current(key: string): Window | undefined {
		const w = this.#windows.get(key);
		if (w && w.resetAt <= this.#now()) {
			this.#windows.delete(key);
			return undefined;
		}
		return w;
	}

	#retryAfter(w: Window | undefined): number {
		return w ? Math.max(1, Math.ceil((w.resetAt - this.#now()) / 1000)) : 0;
	}

	#makeRoom(): void {
		if (this.#windows.size < this.#maxKeys) return;
		this.prune();
		for (const key of this.#windows.keys()) {
			if (this.#windows.size < this.#maxKeys) break;
			this.#windows.delete(key);
		}
	}
}
