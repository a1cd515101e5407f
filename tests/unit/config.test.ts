import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/lib/server/config';

/** The error parseConfig throws for `env`, failing the test when it does not throw. */
function errorOf(env: Record<string, string>): ConfigError {
	try {
		parseConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('expected parseConfig to throw a ConfigError');
}

describe('parseConfig', () => {
	it('uses safe defaults when nothing is set', () => {
		expect(parseConfig({})).toEqual({
			port: 3000,
			host: '0.0.0.0',
			origin: null,
			database: { kind: 'sqlite', path: resolve('./data/rightsboard.db') },
			redisUrl: null,
			logLevel: 'info',
			demo: false,
			signup: false
		});
	});

	it('reads port, host, origin, database path and log level', () => {
		const cfg = parseConfig({
			PORT: '8080',
			HOST: ' 127.0.0.1 ',
			ORIGIN: 'https://rights.example.org/some/path',
			DATABASE_URL: 'file:./tmp/x.db',
			LOG_LEVEL: 'DEBUG'
		});
		expect(cfg.port).toBe(8080);
		expect(cfg.host).toBe('127.0.0.1');
		expect(cfg.origin).toBe('https://rights.example.org');
		expect(cfg.database).toEqual({ kind: 'sqlite', path: resolve('./tmp/x.db') });
		expect(cfg.logLevel).toBe('debug');
	});

	it('keeps an in-memory database as is', () => {
		expect(parseConfig({ DATABASE_URL: ':memory:' }).database).toEqual({ kind: 'sqlite', path: ':memory:' });
	});

	it('rejects a port that is not a whole number from 0 to 65535', () => {
		for (const PORT of ['abc', '70000', '-1', '80.5']) {
			expect(errorOf({ PORT }).message).toContain(`PORT must be a whole number from 0 to 65535 (got "${PORT}")`);
		}
	});

	it('rejects an origin that is not an http(s) URL', () => {
		expect(errorOf({ ORIGIN: 'rights.example.org' }).message).toMatch(/ORIGIN must be an http\(s\) origin/);
		expect(errorOf({ ORIGIN: 'ftp://rights.example.org' }).message).toMatch(/ORIGIN/);
	});

	it('accepts a PostgreSQL URL, postgres:// or postgresql://', () => {
		const url = 'postgres://rb:s3cret@db.internal:5432/rightsboard';
		expect(parseConfig({ DATABASE_URL: ` ${url} ` }).database).toEqual({ kind: 'postgres', url });
		expect(parseConfig({ DATABASE_URL: 'postgresql://rb@localhost/rb' }).database).toEqual({ kind: 'postgres', url: 'postgresql://rb@localhost/rb' });
	});

	it('refuses a malformed PostgreSQL URL, naming DATABASE_URL without showing the password', () => {
		for (const DATABASE_URL of ['postgres://rb:s3cret@:5432/rightsboard', 'postgres://rb:s3cret@db host/rightsboard', 'postgresql://rb:s3cret@/rightsboard']) {
			const message = errorOf({ DATABASE_URL }).message;
			expect(message, DATABASE_URL).toMatch(/DATABASE_URL: .* is not a valid postgres:\/\/ URL/);
			expect(message, DATABASE_URL).toContain('rb:***@');
			expect(message, DATABASE_URL).not.toContain('s3cret');
		}
	});

	it('refuses other URL schemes for the database, without showing a password', () => {
		const message = errorOf({ DATABASE_URL: 'mysql://u:s3cret@localhost/db' }).message;
		expect(message).toMatch(/DATABASE_URL: unsupported scheme/);
		expect(message).not.toContain('s3cret');
	});

	it('reads REDIS_URL (redis:// or rediss://) alongside a PostgreSQL database, and null when unset', () => {
		const pg = { DATABASE_URL: 'postgres://rb@db.internal/rightsboard' };
		expect(parseConfig(pg).redisUrl).toBeNull();
		expect(parseConfig({ ...pg, REDIS_URL: '  ' }).redisUrl).toBeNull();
		expect(parseConfig({ ...pg, REDIS_URL: ' redis://127.0.0.1:6379 ' }).redisUrl).toBe('redis://127.0.0.1:6379');
		expect(parseConfig({ ...pg, REDIS_URL: 'rediss://:pw@cache.internal:6380/0' }).redisUrl).toBe('rediss://:pw@cache.internal:6380/0');
	});

	it('refuses a REDIS_URL that is not a redis URL, without showing its password', () => {
		const pg = { DATABASE_URL: 'postgres://rb@db.internal/rightsboard' };
		for (const REDIS_URL of ['127.0.0.1:6379', 'http://cache.internal', 'redis:///']) {
			expect(errorOf({ ...pg, REDIS_URL }).message, REDIS_URL).toContain('REDIS_URL must be a redis:// or rediss:// URL');
		}
		const message = errorOf({ ...pg, REDIS_URL: 'https://u:s3cret@cache.internal' }).message;
		expect(message).toContain('REDIS_URL');
		expect(message).not.toContain('s3cret');
	});

	it('refuses REDIS_URL with a SQLite database, which serves one instance only', () => {
		expect(errorOf({ REDIS_URL: 'redis://127.0.0.1:6379' }).message).toMatch(/REDIS_URL .*postgres:\/\//);
	});

	it('rejects an unknown log level and lists the valid ones', () => {
		expect(errorOf({ LOG_LEVEL: 'verbose' }).message).toContain('LOG_LEVEL must be one of debug, info, warn, error');
	});

	it('reads feature flags as 1/0, true/false, yes/no or on/off', () => {
		expect(parseConfig({ RIGHTSBOARD_SIGNUP: '1', RIGHTSBOARD_DEMO: 'yes' })).toMatchObject({ signup: true, demo: true });
		expect(parseConfig({ RIGHTSBOARD_SIGNUP: 'off', RIGHTSBOARD_DEMO: 'FALSE' })).toMatchObject({ signup: false, demo: false });
		expect(errorOf({ RIGHTSBOARD_SIGNUP: 'maybe' }).message).toContain('RIGHTSBOARD_SIGNUP must be 1 or 0 (got "maybe")');
	});

	it('reports every problem at once, one per line', () => {
		const error = errorOf({ PORT: 'x', ORIGIN: 'nope', LOG_LEVEL: 'loud', RIGHTSBOARD_DEMO: '2' });
		expect(error.name).toBe('ConfigError');
		const lines = error.message.split('\n').filter((l) => l.startsWith('  - '));
		expect(lines).toHaveLength(4);
		expect(error.message).toMatch(/PORT[\s\S]*ORIGIN[\s\S]*LOG_LEVEL[\s\S]*RIGHTSBOARD_DEMO/);
	});
});
