/**
 * Bad input from a person (form, CLI), as a code per field. Routes turn codes into translated
 * messages; the CLI prints the English summary. Never used for bugs or outages.
 */

export class InputError extends Error {
	constructor(readonly issues: Readonly<Record<string, string>>) {
		super(`Invalid input: ${Object.entries(issues).map(([field, code]) => `${field} (${code})`).join(', ')}`);
		this.name = 'InputError';
	}
}

/** Throws an InputError when `issues` holds at least one entry. */
export function throwIfIssues(issues: Record<string, string | null | undefined>): void {
	const found: Record<string, string> = {};
	for (const [field, code] of Object.entries(issues)) if (code) found[field] = code;
	if (Object.keys(found).length > 0) throw new InputError(found);
}
