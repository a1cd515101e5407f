/** What every labelled field of the findings forms takes. */
export interface FieldProps {
	id: string;
	name: string;
	label: string;
	value: string;
	hint?: string;
	error?: string;
}

/** aria-describedby for a field with id `id`: its hint, then its error, when present. */
export function describedByOf(id: string, hint: unknown, error: unknown): string | undefined {
	return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}
