import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { formString } from '$lib/server/form-data';
import { joinCodeLimiter, lookupJoinCode } from '$lib/server/join-code-limits';
import { minutesToWait } from '$lib/server/auth/signin-limits';
import { log } from '$lib/server/logger';

export const load: PageServerLoad = ({ url }) => ({ left: url.searchParams.has('left') });

export const actions: Actions = {
	default: async (event) => {
		const code = formString(await event.request.formData(), 'code').slice(0, 64);
		if (code.trim() === '') return fail(400, { code, message: m.join_code_missing() });
		const ip = event.getClientAddress();
		const found = await lookupJoinCode(getDb(), joinCodeLimiter(), ip, code);
		if (found.kind === 'rate_limited') {
			log.warn('join code guessing rate limited', { ip, retryAfterSeconds: found.retryAfterSeconds });
			event.setHeaders({ 'retry-after': String(found.retryAfterSeconds) });
			return fail(429, { code, message: m.join_code_rate_limited({ minutes: minutesToWait(found.retryAfterSeconds) }) });
		}
		if (found.kind === 'not_found') return fail(400, { code, message: m.join_code_wrong() });
		redirect(303, `/j/${found.joinToken}`);
	}
};
