/** Reading form posts without trusting their shape. */

/** The named field as a string; '' when missing or when a file was posted in its place. */
export function formString(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}
