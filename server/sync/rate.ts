/** A token bucket: `take()` is false once a connection sends faster than its refill rate allows. */
export class TokenBucket {
	#tokens: number;
	#last: number;
	constructor(
		private readonly burst: number,
		private readonly perSecond: number
	) {
		this.#tokens = burst;
		this.#last = performance.now();
	}

	take(): boolean {
		const now = performance.now();
		this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
		this.#last = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}
