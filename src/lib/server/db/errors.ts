/** Database errors both dialects can raise, recognised whatever driver (or drizzle wrapper) threw them. */

/** The driver's error code (SQLite `SQLITE_…`, PostgreSQL SQLSTATE), looking through wrapping errors. */
export function errorCode(error: unknown): string | undefined {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string') return code;
	}
	return undefined;
}

/** True when a unique index or primary key refused a row. */
export function isUniqueViolation(error: unknown): boolean {
	const code = errorCode(error);
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
