/** A small levelled logger: one line per event, values bounded so a hostile client cannot flood logs. */
import { config, type LogLevel } from './config';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_VALUE = 200;

function format(value: unknown): string {
	let text: string;
	if (value instanceof Error) text = value.stack ?? value.message;
	else if (typeof value === 'string') text = value;
	else text = JSON.stringify(value) ?? String(value);
	return text.length > MAX_VALUE && !(value instanceof Error) ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
	if (ORDER[level] < ORDER[config().logLevel]) return;
	const parts = [new Date().toISOString(), level.toUpperCase(), message];
	if (fields) for (const [k, v] of Object.entries(fields)) parts.push(`${k}=${format(v)}`);
	const line = parts.join(' ');
	if (level === 'error' || level === 'warn') console.error(line);
	else console.log(line);
}

export const log = {
	debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
	info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
	warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
	error: (m: string, f?: Record<string, unknown>) => write('error', m, f)
};
