/**
 * What the control document says about a workshop's votes (status, ballot counts, revealed
 * results). Read from the database when publishing; returns a writer applied inside the
 * control document's transaction. Every participant reads this document, so it never holds
 * unrevealed results, names or anything about one participant.
 */
import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { readWorkshopVotes, voterCount } from '../votes/read';
import { voteResults } from '../votes/activity-results';
import { findingPlainExplanations } from './finding-plain';
import { VOTES_ROOT, type PublishedVote } from '../../shared/vote-control';

export async function publishedVotes(db: Db, workshopId: string): Promise<Record<string, PublishedVote>> {
	const out: Record<string, PublishedVote> = {};
	const votes = await readWorkshopVotes(db, workshopId);
	const plain = await findingPlainExplanations(db, votes.flatMap((v) => v.items.flatMap((i) => (i.findingId ? [i.findingId] : []))));
	for (const vote of votes) {
		out[vote.activityId] = {
			kind: vote.kind,
			status: vote.status,
			revealed: vote.revealed,
			items: vote.items.map((i) =>
				i.findingId ? { id: i.id, text: i.text, findingId: i.findingId, ...(plain.has(i.findingId) ? { plain: plain.get(i.findingId) } : {}) } : i.actionPointId ? { id: i.id, text: i.text, actionPointId: i.actionPointId } : { id: i.id, text: i.text }
			),
			budget: vote.budget,
			cap: vote.cap,
			answerGroups: vote.answerGroups,
			anonymity: vote.anonymity,
			ballots: await voterCount(db, vote.activityId),
			...(vote.revealed ? { results: await voteResults(db, vote) } : {})
		};
	}
	return out;
}

export async function voteControlWriter(db: Db, workshopId: string): Promise<(doc: Y.Doc) => void> {
	const votes = await publishedVotes(db, workshopId);
	return (doc) => {
		const map = doc.getMap(VOTES_ROOT);
		for (const key of [...map.keys()]) if (!(key in votes)) map.delete(key);
		for (const [id, vote] of Object.entries(votes)) {
			if (JSON.stringify(map.get(id)) !== JSON.stringify(vote)) map.set(id, vote);
		}
	};
}
