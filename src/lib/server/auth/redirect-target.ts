/** Where to send someone after signing in, without becoming an open redirect. */

/**
 * `target` when it is a path on this site ('/x', not '//host' or '/\host', which browsers
 * treat as another host), else '/'. Only the path, query and fragment are kept.
 */
export function safeRedirectTarget(target: string | null | undefined): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
	// Control characters and backslashes are rewritten or stripped by URL parsers in ways that
	// can turn a path into a host; refuse rather than reason about each browser.
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return '/';
	const base = 'http://rightsboard.invalid';
	const url = new URL(target, base);
	if (url.origin !== base) return '/';
	return url.pathname + url.search + url.hash;
}
