/** HTTP calls of the vote tests: a participant's ballot, a facilitator's command, the staff results. */
import { postAction } from '../helpers/actions';
import type { RunningServer } from '../helpers/server';

export interface Answer {
	status: number;
	body: Record<string, unknown>;
}

export async function castOver(server: RunningServer, cookie: string | null, workshopId: string, activityId: string, body: unknown): Promise<Answer> {
	const res = await fetch(`${server.url}/w/${workshopId}/votes/${activityId}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.origin, ...(cookie ? { cookie } : {}) },
		body: JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

export function voteCommand(server: RunningServer, cookie: string, workshopId: string, activityId: string, command: string) {
	return postAction(server.url, `/workshops/${workshopId}/votes/${activityId}?/command`, { command }, { cookie });
}

export async function staffGet(server: RunningServer, cookie: string, path: string): Promise<{ status: number; text: string }> {
	const res = await fetch(`${server.url}${path}`, { headers: { cookie, accept: 'application/json' }, redirect: 'manual' });
	return { status: res.status, text: await res.text() };
}
