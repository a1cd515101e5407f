/** How memory moved during the churn: least-squares slopes per half of the run, floors and peak. */

export interface Sample {
	cycle: number;
	rssMb: number;
	anonMb: number;
}

/** Least-squares slope of RSS, MB per 10,000 cycles. */
function slope(samples: Sample[]): number {
	const n = samples.length;
	const mx = samples.reduce((s, p) => s + p.cycle, 0) / n;
	const my = samples.reduce((s, p) => s + p.rssMb, 0) / n;
	let num = 0;
	let den = 0;
	for (const p of samples) {
		num += (p.cycle - mx) * (p.rssMb - my);
		den += (p.cycle - mx) ** 2;
	}
	return den > 0 ? (num / den) * 10_000 : Number.NaN;
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** One line: the slope in each half of the run (a leak keeps its slope; warming up does not) and the lowest RSS in the first and last tenth. */
export function memoryTrend(samples: Sample[]): string {
	if (samples.length < 6) return 'too few samples';
	const half = Math.floor(samples.length / 2);
	const tenth = Math.max(1, Math.floor(samples.length / 10));
	const floor = (part: Sample[]) => Math.min(...part.map((p) => p.rssMb)).toFixed(1);
	const peak = Math.max(...samples.map((p) => p.rssMb)).toFixed(1);
	return `slope ${signed(slope(samples.slice(0, half)))} MB per 10,000 cycles in the first half, ${signed(slope(samples.slice(half)))} in the second; lowest ${floor(samples.slice(0, tenth))} MB in the first tenth, ${floor(samples.slice(-tenth))} MB in the last; highest ${peak} MB`;
}
