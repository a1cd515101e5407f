/** Calls a SvelteKit form action over HTTP the way `use:enhance` does, and returns its JSON result. */
export interface ActionResult {
	status: number;
	type?: string;
	data?: unknown;
}

export async function postAction(
	baseUrl: string,
	path: string,
	fields: Record<string, string>,
	headers: { cookie?: string; origin?: string } = {}
): Promise<ActionResult> {
	const res = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin: headers.origin ?? new URL(baseUrl).origin,
			...(headers.cookie ? { cookie: headers.cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
	const text = await res.text();
	try {
		const json = JSON.parse(text) as { type?: string; status?: number; data?: unknown };
		return { status: json.status ?? res.status, type: json.type, data: json.data };
	} catch {
		return { status: res.status };
	}
}
