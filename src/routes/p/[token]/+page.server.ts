import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { publicView } from '$lib/server/register/public-page';
import { ACTION_STATUSES } from '$lib/shared/action-rules';

/** A cycle's "you said, we did" page: no sign-in; 404 when the link is unknown or the page is off. No personal data. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const view = await publicView(getDb(), params.token);
	if (!view) error(404, 'Not found');
	setHeaders({ 'x-robots-tag': 'noindex', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long' });
	const groups = ACTION_STATUSES.map((status) => ({
		status,
		entries: view.entries
			.filter((e) => e.status === status)
			.map((e) => ({ ...e, updatedIso: new Date(e.lastUpdateAt).toISOString().slice(0, 10), updated: date.format(e.lastUpdateAt) }))
	})).filter((g) => g.entries.length > 0);
	return { cycleName: view.cycleName, purpose: view.purpose, total: view.entries.length, groups };
};
