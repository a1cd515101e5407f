import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { getJoinWorkshop } from '$lib/server/join-credentials';
import { moderate, ModerationError, type ModerationOp } from '$lib/server/live/moderation';
import { log } from '$lib/server/logger';
import { requireFacilitator } from '$lib/server/live/require-facilitator';

/** Reached only by a form posted without scripts; it offers the way back to the console. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { workshop } = await requireFacilitator(locals, url, params.id);
	return { workshop: { id: workshop.id, title: workshop.title } };
};

const NOTE_ERRORS: Record<ModerationError['code'], () => string> = {
	forbidden: m.console_error_bad_command,
	not_found: m.console_note_error_not_found,
	empty: m.board_note_error_empty,
	no_brainstorm: m.console_note_error_no_brainstorm,
	bad_merge: m.console_note_error_bad_merge,
	bad_role_group: m.console_note_error_role_group
};

function moderationStep(f: Record<string, string>): ModerationOp | null {
	switch (f.op) {
		case 'add':
			return { op: 'add', text: f.text ?? '', roleGroup: f.roleGroup ?? '' };
		case 'edit':
			return { op: 'edit', id: f.id ?? '', text: f.text ?? '' };
		case 'group':
			return { op: 'group', id: f.id ?? '', label: f.label ?? '' };
		case 'merge':
			return { op: 'merge', id: f.id ?? '', into: f.into ?? '' };
		default:
			return null;
	}
}

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const { user, workshop } = await requireFacilitator(locals, url, params.id);
		const form = await request.formData();
		const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
		const step = moderationStep(fields);
		if (!step) return fail(400, { message: m.console_error_bad_command(), noteOp: fields.op });
		const join = await getJoinWorkshop(getDb(), workshop.id);
		try {
			await moderate(getDb(), user.id, workshop.id, step, join?.roleGroups ?? []);
			return { noteDone: step.op };
		} catch (e) {
			if (e instanceof ModerationError) return fail(400, { message: NOTE_ERRORS[e.code](), noteOp: step.op });
			log.error('note moderation failed', { workshopId: workshop.id, error: e });
			return fail(500, { message: m.console_error_unexpected(), noteOp: step.op });
		}
	},
};
