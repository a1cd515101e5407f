/** aria-describedby for a field with id `id`: its hint, then its error, when present. */
export function describedByOf(id: string, hint: unknown, error: unknown): string | undefined {
	return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}
