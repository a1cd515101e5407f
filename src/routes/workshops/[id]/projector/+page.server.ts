import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { workshopRole } from '$lib/server/access';
import { requireUser } from '$lib/server/require-user';
import { ensureJoinCredentials, formatShortCode, getJoinWorkshop } from '$lib/server/join-credentials';
import { joinQrSvg } from '$lib/server/join-qr';
import { docName } from '$lib/shared/protocol';

/** Any member of the organisation may project a workshop; the projector only ever reads. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const workshop = await getJoinWorkshop(db, params.id);
	if (!workshop || !(await workshopRole(db, user.id, workshop.id))) error(404, 'Not found');
	const credentials = await ensureJoinCredentials(db, workshop.id);
	const joinUrl = `${url.origin}/j/${credentials.joinToken}`;
	return {
		workshop: { id: workshop.id, title: workshop.title },
		join: { url: `${url.host}/join`, link: joinUrl, code: formatShortCode(credentials.shortCode), qrSvg: await joinQrSvg(joinUrl) },
		docs: { control: docName('control', workshop.id), board: docName('board', workshop.id) }
	};
};
