import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { coordinatorRegister, rethrowRegisterAccess } from '$lib/server/register/route-guard';
import { changePublicPage, cycleOfOrg, publicSetting, type PublicPageChange } from '$lib/server/register/public-page';
import { formString } from '$lib/server/form-data';

/** The cycle of this organisation (404 otherwise) for a coordinator (members and outsiders get 404). */
async function cycleFor(event: RequestEvent) {
	const found = await coordinatorRegister(event);
	try {
		return { ...found, cycle: await cycleOfOrg(getDb(), found.organisation.id, event.params.cycleId) };
	} catch (err) {
		rethrowRegisterAccess(err);
		throw err;
	}
}

export const load: PageServerLoad = async (event) => {
	const { organisation, cycle } = await cycleFor(event);
	const setting = await publicSetting(getDb(), cycle.id);
	return { organisation, cycle, enabled: setting.enabled, link: setting.token ? `${event.url.origin}/p/${setting.token}` : null };
};

const CHANGES: Record<string, PublicPageChange> = { enable: 'enable', disable: 'disable', rotate: 'rotate' };

export const actions: Actions = {
	default: async (event) => {
		const { userId, organisation, cycle } = await cycleFor(event);
		const change = CHANGES[formString(await event.request.formData(), 'change')] ?? 'disable';
		try {
			await changePublicPage(getDb(), userId, organisation.id, cycle.id, change);
		} catch (err) {
			rethrowRegisterAccess(err);
			throw err;
		}
		const success = { enable: m.register_public_enabled_done, disable: m.register_public_disabled_done, rotate: m.register_public_rotated_done }[change]();
		return { success };
	}
};
