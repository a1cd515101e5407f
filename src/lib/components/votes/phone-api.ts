/** The phone's calls to the vote endpoints; the server answers with a translated message on refusal. */
import { m } from '$lib/paraglide/messages';
import type { BallotValue } from '$lib/shared/vote-rules';

export type Answer = { ok: true } | { ok: false; message: string };

async function post(url: string, body: unknown): Promise<Answer> {
	try {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (res.ok) return { ok: true };
		const data = (await res.json().catch(() => ({}))) as { message?: string };
		return { ok: false, message: data.message ?? m.votes_error_network() };
	} catch {
		return { ok: false, message: m.votes_error_network() };
	}
}

export const voteUrl = (workshopId: string, activityId: string) => `/w/${workshopId}/votes/${activityId}`;

export function sendBallot(workshopId: string, activityId: string, itemKey: string, value: BallotValue, reason = ''): Promise<Answer> {
	return post(voteUrl(workshopId, activityId), { itemKey, value, reason });
}

export function sendProposal(workshopId: string, activityId: string, body: { findingId?: string; statement: string; reason: string }): Promise<Answer> {
	return post(`${voteUrl(workshopId, activityId)}/proposals`, body);
}

export interface OwnVote {
	ballots: { itemKey: string; value: BallotValue; reason: string }[];
	/** Whether this participant's role group answers the vote (the server decides). */
	eligible: boolean;
}

/** The participant's own ballots and whether they may answer. */
export async function loadOwnVote(workshopId: string, activityId: string): Promise<OwnVote> {
	const res = await fetch(voteUrl(workshopId, activityId), { headers: { accept: 'application/json' } });
	if (!res.ok) return { ballots: [], eligible: true };
	const data = (await res.json()) as Partial<OwnVote>;
	return { ballots: data.ballots ?? [], eligible: data.eligible !== false };
}
