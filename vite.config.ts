import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { devSync } from './server/dev-plugin.ts';

// The integration suite runs a second time on PostgreSQL: the test process picks the dialect from
// DATABASE_URL (see tests/helpers/test-database.ts); RIGHTSBOARD_TEST_PG_URL points it elsewhere.
const testPgUrl = process.env.RIGHTSBOARD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const integration = {
	environment: 'node' as const,
	include: ['tests/integration/**/*.test.ts'],
	testTimeout: 60_000,
	hookTimeout: 60_000
};

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		devSync()
	],
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: { name: 'integration', ...integration, env: { DATABASE_URL: '' } }
			},
			{
				extends: './vite.config.ts',
				test: { name: 'integration-pg', ...integration, env: { DATABASE_URL: testPgUrl } }
			},
			{
				// Several instances need the shared database (PostgreSQL) and Redis.
				extends: './vite.config.ts',
				test: { name: 'instances', ...integration, include: ['tests/instances/**/*.test.ts'], testTimeout: 120_000, env: { DATABASE_URL: testPgUrl } }
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 120_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
