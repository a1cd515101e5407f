/** Summaries of latency samples: nearest-rank percentiles, so every reported value was observed. */

export interface Percentiles {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** Nearest-rank percentiles of `samples` (milliseconds); NaN everywhere when there are none. */
export function percentiles(samples: ArrayLike<number>): Percentiles {
	const sorted = Float64Array.from(samples).sort();
	const n = sorted.length;
	const at = (p: number) => (n === 0 ? Number.NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!);
	return { count: n, p50: at(50), p95: at(95), p99: at(99), max: n === 0 ? Number.NaN : sorted[n - 1]! };
}

/** Milliseconds for a table cell: whole numbers above 10 ms, one decimal below. */
export function ms(value: number): string {
	if (!Number.isFinite(value)) return '–';
	return value >= 10 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}
