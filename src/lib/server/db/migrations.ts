/** Finds the migrations of a dialect (drizzle/sqlite or drizzle/pg) from source, the bundled build or the app bundle. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from './dialect';

const FOLDER: Record<Dialect, string> = { sqlite: 'sqlite', pg: 'pg' };

export function migrationsFolder(dialect: Dialect): string {
	const sub = FOLDER[dialect];
	const roots = [process.env.RIGHTSBOARD_MIGRATIONS, resolve(process.cwd(), 'drizzle'), resolve(dirname(fileURLToPath(import.meta.url)), '../../../../drizzle')];
	for (const root of roots) {
		const candidate = root ? resolve(root, sub) : null;
		if (candidate && existsSync(resolve(candidate, 'meta/_journal.json'))) return candidate;
	}
	throw new Error(
		`Database migrations not found: expected drizzle/${sub} in the project folder. ` +
			'Start the app from the project folder, or set RIGHTSBOARD_MIGRATIONS to its drizzle folder.'
	);
}
