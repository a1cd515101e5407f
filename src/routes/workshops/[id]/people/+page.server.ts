import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { workshopRole, managesWorkshops } from '$lib/server/access';
import { formString } from '$lib/server/form-data';
import { JoinError } from '$lib/server/join-error';
import { ensureJoinCredentials, formatShortCode, getJoinWorkshop, rotateJoinLink, setJoiningOpen } from '$lib/server/join-credentials';
import { joinQrSvg } from '$lib/server/join-qr';
import { listParticipants, removeParticipant } from '$lib/server/participants';
import { requireUser } from '$lib/server/require-user';
import { log } from '$lib/server/logger';

/** The signed-in manager of this workshop; everyone else gets the same 404 as for a missing workshop. */
async function requireManager(event: RequestEvent): Promise<{ userId: string; workshopId: string }> {
	const user = requireUser(event.locals, event.url);
	const workshopId = event.params.id ?? '';
	const role = await workshopRole(getDb(), user.id, workshopId);
	if (!managesWorkshops(role)) error(404, 'Not found');
	return { userId: user.id, workshopId };
}

export const load: PageServerLoad = async (event) => {
	const { userId, workshopId } = await requireManager(event);
	const db = getDb();
	const workshop = await getJoinWorkshop(db, workshopId);
	if (!workshop) error(404, 'Not found');
	const credentials = await ensureJoinCredentials(db, workshopId);
	const joinUrl = `${event.url.origin}/j/${credentials.joinToken}`;
	// Server time zone: good enough for "who came when" in a room; the ISO value is in the markup too.
	const time = new Intl.DateTimeFormat(getLocale(), { hour: '2-digit', minute: '2-digit' });
	return {
		workshop: { id: workshop.id, title: workshop.title },
		joiningOpen: workshop.joiningOpen,
		joinUrl,
		codeUrl: `${event.url.origin}/join`,
		shortCode: formatShortCode(credentials.shortCode),
		qrSvg: await joinQrSvg(joinUrl),
		participants: (await listParticipants(db, userId, workshopId)).map((p) => ({
			id: p.id,
			displayName: p.displayName,
			roleGroup: p.roleGroup,
			organisation: p.organisation,
			joinedAt: new Date(p.createdAt).toISOString(),
			joinedTime: time.format(p.createdAt)
		}))
	};
};

/** Runs a management change; a lost permission is a 404, anything unexpected a kind message. */
async function manage<T>(event: RequestEvent, what: string, change: (userId: string, workshopId: string) => Promise<T>) {
	const { userId, workshopId } = await requireManager(event);
	try {
		return { ok: true as const, value: await change(userId, workshopId) };
	} catch (err) {
		if (err instanceof JoinError && err.code === 'forbidden') error(404, 'Not found');
		log.error(`people page: ${what} failed`, { workshopId, error: err });
		return { ok: false as const };
	}
}

const failed = () => fail(500, { problem: 'unexpected' as const });

export const actions: Actions = {
	close: async (event) => {
		const done = await manage(event, 'closing joining', async (u, w) => setJoiningOpen(getDb(), u, w, false));
		return done.ok ? { done: 'closed' as const } : failed();
	},
	open: async (event) => {
		const done = await manage(event, 'opening joining', async (u, w) => setJoiningOpen(getDb(), u, w, true));
		return done.ok ? { done: 'opened' as const } : failed();
	},
	rotate: async (event) => {
		// Two steps, also without scripts: the first post asks for confirmation, the second rotates.
		if (formString(await event.request.formData(), 'confirm') !== 'yes') {
			await requireManager(event);
			return { confirm: 'rotate' as const };
		}
		const done = await manage(event, 'rotating the join link', async (u, w) => rotateJoinLink(getDb(), u, w));
		return done.ok ? { done: 'rotated' as const } : failed();
	},
	remove: async (event) => {
		const data = await event.request.formData();
		const participantId = formString(data, 'participantId');
		if (formString(data, 'confirm') !== 'yes') {
			await requireManager(event);
			return { confirmRemove: participantId };
		}
		const done = await manage(event, 'removing a participant', async (u, w) => removeParticipant(getDb(), u, w, participantId));
		return done.ok ? { done: 'removed' as const } : failed();
	}
};
