import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb, initDb } from '$lib/server/db';
import { hasAccounts } from '$lib/server/setup';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { log } from '$lib/server/logger';
import { SYNC_PATH } from '$lib/shared/protocol';

/** Opens the database before the first request (PostgreSQL connects and migrates asynchronously). */
export const init: ServerInit = async () => {
	await initDb();
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

/** Paths that work before the first account exists. */
function openBeforeSetup(pathname: string): boolean {
	if (pathname === '/setup' || pathname === '/healthz' || pathname === '/accessibility') return true;
	if (pathname === SYNC_PATH || pathname.startsWith(`${SYNC_PATH}/`)) return true;
	// Build assets and files from static/ (adapter-node serves them before hooks; Vite dev does not).
	return pathname.startsWith('/_app/') || /\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

/** On a fresh database every page leads to /setup, so the first visitor can create the owner account. */
const handleSetup: Handle = async ({ event, resolve }) => {
	if (!openBeforeSetup(event.url.pathname) && !(await hasAccounts(getDb()))) redirect(303, '/setup');
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(getDb(), token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) setSessionCookie(event, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event);
		}
	}
	return resolve(event);
};

export const handle = sequence(handleLocale, handleSetup, handleSession);

export const handleError: HandleServerError = ({ error, event, status }) => {
	// 4xx are the client's doing (bad form encoding, unknown page): not an operator's concern.
	if (status >= 500) log.error('request failed', { path: event.url.pathname, status, error });
	return { message: status === 404 ? 'Not found' : 'Something went wrong' };
};
