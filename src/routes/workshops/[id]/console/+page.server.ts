import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { ControlPermissionError, runCommand } from '$lib/server/live/control';
import { CommandError, parseCommand } from '$lib/server/live/commands';
import { docName } from '$lib/shared/protocol';
import { getJoinWorkshop } from '$lib/server/join-credentials';
import { log } from '$lib/server/logger';
import { requireFacilitator } from '$lib/server/live/require-facilitator';
import { actionPointLinks } from '$lib/server/action-points/links';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { workshop } = await requireFacilitator(locals, url, params.id);
	const join = await getJoinWorkshop(getDb(), workshop.id);
	return {
		workshop: { id: workshop.id, title: workshop.title },
		controlDoc: docName('control', workshop.id),
		boardDoc: docName('board', workshop.id),
		roleGroups: join?.roleGroups ?? [],
		expectedRoleGroups: workshop.expectedRoleGroups,
		actionPointLinks: await actionPointLinks(getDb(), workshop.id)
	};
};

const ERRORS: Record<CommandError['code'], () => string> = {
	unknown_activity: m.console_error_unknown_activity,
	bad_minutes: m.console_error_bad_minutes,
	no_timer: m.console_error_no_timer,
	bad_command: m.console_error_bad_command
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const { user, workshop } = await requireFacilitator(locals, url, params.id);
		const form = await request.formData();
		const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
		try {
			const state = await runCommand(getDb(), user.id, workshop.id, parseCommand(fields));
			return { version: state.version };
		} catch (e) {
			if (e instanceof CommandError) return fail(400, { message: ERRORS[e.code]() });
			if (e instanceof ControlPermissionError) error(404, 'Not found');
			log.error('console command failed', { workshopId: workshop.id, error: e });
			return fail(500, { message: m.console_error_unexpected() });
		}
	}
};
