/**
 * CPU time and memory of another process (the server), read from /proc so the numbers are the
 * kernel's and cost the bench nothing but a file read. Linux only; elsewhere the bench says so.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLK_TCK = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

export interface Usage {
	/** user + system CPU time so far, milliseconds */
	cpuMs: number;
	/** resident set size now, MiB */
	rssMb: number;
	/** the anonymous part of it (heaps; not mapped files), MiB */
	anonMb: number;
	/** peak resident set size over the process's life (VmHWM), MiB */
	peakRssMb: number;
}

/** Reads the process's usage; null when it is gone or /proc is unavailable. */
export function readUsage(pid: number): Usage | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const utime = Number(fields[11]);
		const stime = Number(fields[12]);
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
		return { cpuMs: ((utime + stime) * 1000) / CLK_TCK, rssMb: kib('VmRSS') / 1024, anonMb: kib('RssAnon') / 1024, peakRssMb: kib('VmHWM') / 1024 };
	} catch {
		return null;
	}
}

/** CPU use between two readings as a percentage of one core (200 % = both cores of a 2-core box). */
export function cpuPercent(before: Usage, after: Usage, wallMs: number): number {
	return wallMs > 0 ? ((after.cpuMs - before.cpuMs) / wallMs) * 100 : Number.NaN;
}

/** CPU time of the whole machine so far (busy and total, ms summed over cores), from /proc/stat. */
export function readMachine(): { busyMs: number; totalMs: number } | null {
	try {
		const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
		const ticks = line.trim().split(/\s+/).slice(1).map(Number);
		const total = ticks.reduce((a, b) => a + b, 0);
		const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
		return { busyMs: ((total - idle) * 1000) / CLK_TCK, totalMs: (total * 1000) / CLK_TCK };
	} catch {
		return null;
	}
}
