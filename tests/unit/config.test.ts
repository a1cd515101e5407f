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
		expect(cfg.database.path).toBe(resolve('./tmp/x.db'));
		expect(cfg.logLevel).toBe('debug');
	});

	it('keeps an in-memory database as is', () => {
		expect(parseConfig({ DATABASE_URL: ':memory:' }).database.path).toBe(':memory:');
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

	it('explains that PostgreSQL is not supported yet', () => {
		expect(errorOf({ DATABASE_URL: 'postgres://u@localhost/db' }).message).toMatch(/PostgreSQL is not supported yet/);
		expect(errorOf({ DATABASE_URL: 'mysql://u@localhost/db' }).message).toMatch(/unsupported scheme/);
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
