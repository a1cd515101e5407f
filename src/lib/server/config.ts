/**
 * Configuration, parsed once from the environment and validated with clear errors.
 * No `$env` import: the sync server and CLI load this file too.
 */
import { resolve } from 'node:path';
import type { DatabaseConfig } from './db/client';
import { isPostgresUrl } from './db/dialect';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
	port: number;
	host: string;
	/** Public origin (scheme://host[:port]); when unset, the request's own Host is trusted. */
	origin: string | null;
	database: DatabaseConfig;
	/** Redis for fan-out between several instances; null when this is the only instance. */
	redisUrl: string | null;
	logLevel: LogLevel;
	demo: boolean;
	signup: boolean;
}

export class ConfigError extends Error {
	constructor(messages: string[]) {
		super(`Invalid configuration:\n  - ${messages.join('\n  - ')}`);
		this.name = 'ConfigError';
	}
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];
const DEFAULT_DB = './data/rightsboard.db';

function flag(value: string | undefined, name: string, errors: string[]): boolean {
	if (value === undefined || value === '') return false;
	if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
	if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
	errors.push(`${name} must be 1 or 0 (got "${value}")`);
	return false;
}

function parseDatabase(raw: string | undefined, errors: string[]): Config['database'] {
	const value = raw && raw.trim() !== '' ? raw.trim() : DEFAULT_DB;
	if (isPostgresUrl(value)) {
		try {
			const url = new URL(value);
			if (!url.hostname) throw new Error('host');
		} catch {
			errors.push(`DATABASE_URL: "${redact(value)}" is not a valid postgres:// URL (postgres://user:password@host:5432/database)`);
		}
		return { kind: 'postgres', url: value };
	}
	const path = value.startsWith('file:') ? value.slice('file:'.length) : value;
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
		errors.push(`DATABASE_URL: unsupported scheme in "${redact(value)}"; use a SQLite file path or a postgres:// URL`);
	}
	return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}

/** A URL as it may appear in a message: without its password. */
function redact(value: string): string {
	return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function parseRedis(raw: string | undefined, errors: string[]): string | null {
	const value = raw?.trim() ?? '';
	if (value === '') return null;
	if (!/^rediss?:\/\/[^/]/i.test(value)) {
		errors.push(`REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (got "${redact(value)}")`);
		return null;
	}
	return value;
}

/** Parses and validates configuration; throws ConfigError listing every problem at once. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const errors: string[] = [];
	let port = 3000;
	if (env.PORT !== undefined && env.PORT !== '') {
		port = Number(env.PORT);
		if (!Number.isInteger(port) || port < 0 || port > 65535) {
			errors.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
		}
	}
	const host = env.HOST && env.HOST.trim() !== '' ? env.HOST.trim() : '0.0.0.0';
	let origin: string | null = null;
	if (env.ORIGIN && env.ORIGIN.trim() !== '') {
		try {
			const url = new URL(env.ORIGIN.trim());
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
			origin = url.origin;
		} catch {
			errors.push(`ORIGIN must be an http(s) origin such as https://rights.example.org (got "${env.ORIGIN}")`);
		}
	}
	const logLevel = (env.LOG_LEVEL?.toLowerCase() || 'info') as LogLevel;
	if (!LEVELS.includes(logLevel)) {
		errors.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
	}
	const database = parseDatabase(env.DATABASE_URL, errors);
	const redisUrl = parseRedis(env.REDIS_URL, errors);
	if (redisUrl && database.kind !== 'postgres') {
		errors.push('REDIS_URL is for several instances sharing one database: set DATABASE_URL to a postgres:// URL as well (SQLite serves one instance)');
	}
	const demo = flag(env.RIGHTSBOARD_DEMO, 'RIGHTSBOARD_DEMO', errors);
	const signup = flag(env.RIGHTSBOARD_SIGNUP, 'RIGHTSBOARD_SIGNUP', errors);
	if (errors.length > 0) throw new ConfigError(errors);
	return { port, host, origin, database, redisUrl, logLevel, demo, signup };
}

const KEY = Symbol.for('rightsboard.config');
type Holder = { [KEY]?: Config };

/** The process-wide configuration, parsed on first use. */
export function config(): Config {
	const g = globalThis as Holder;
	return (g[KEY] ??= parseConfig(process.env));
}
