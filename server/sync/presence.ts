/**
 * Presence for the facilitator and the room: how many participants are connected to a workshop,
 * by role group, and how many are writing. Counted on the server from connections and from the
 * awareness of participants' own documents; published into the control document, debounced.
 * With several instances each one contributes the participants connected through it (the relay
 * combines them), and the counts are written under the control document's lock, so the last
 * writer counted everyone's latest share.
 */
import { inArray } from 'drizzle-orm';
import { getDb } from '../../src/lib/server/db';
import { participant } from '../../src/lib/server/db/schema';
import { log } from '../../src/lib/server/logger';
import { writePresence, type Presence } from '../../src/lib/shared/control-schema';
import type { DocChange } from '../../src/lib/server/live/hub';
import { docName, parseDocName } from '../../src/lib/shared/protocol';
import type { Connection } from './connection';
import type { PresenceShare, Relay } from './relay';
import type { Room } from './room';

const DEBOUNCE_MS = 300;
/** With several instances, counts are re-checked this often (an instance that stopped leaves no trace). */
const SHARED_REFRESH_MS = 15_000;

export interface PresenceSource {
	connections(): Iterable<Connection>;
	rooms(): Room[];
	relay(): Relay;
	publishDoc(name: string, compose: () => Promise<DocChange>): Promise<void>;
}

export class PresenceTracker {
	#timers = new Map<string, NodeJS.Timeout>();
	#refresh: NodeJS.Timeout | null = null;

	constructor(private readonly source: PresenceSource) {}

	/** Recounts a workshop's presence shortly (many joins at once make one update). */
	schedule(workshopId: string): void {
		if (this.#timers.has(workshopId)) return;
		const timer = setTimeout(() => {
			this.#timers.delete(workshopId);
			this.#publish(workshopId).catch((error: unknown) => log.error('presence update failed', { workshopId, error }));
		}, DEBOUNCE_MS);
		timer.unref();
		this.#timers.set(workshopId, timer);
	}

	/** Starts the periodic recount of the workshops this instance serves (only needed with several instances). */
	startSharedRefresh(): void {
		this.#refresh ??= setInterval(() => {
			for (const room of this.source.rooms()) {
				const name = parseDocName(room.name);
				if (name?.kind === 'control') this.schedule(name.workshopId);
			}
		}, SHARED_REFRESH_MS);
		this.#refresh.unref();
	}

	/** This instance's share: participants connected through it, and those of them writing. */
	localShare(workshopId: string): PresenceShare {
		const ids = new Set<string>();
		for (const c of this.source.connections()) {
			if (c.principal.kind === 'participant' && c.principal.workshopId === workshopId && !c.closed) ids.add(c.principal.participantId);
		}
		const writing: string[] = [];
		for (const room of this.source.rooms()) {
			const name = parseDocName(room.name);
			if (name?.kind !== 'mine' || name.workshopId !== workshopId) continue;
			for (const state of room.awareness.getStates().values()) {
				if ((state as { writing?: unknown }).writing === true) {
					writing.push(name.participantId);
					break;
				}
			}
		}
		return { participants: [...ids], writing };
	}

	/** The counts over every instance, right now. */
	async count(workshopId: string): Promise<Presence> {
		const all = await this.source.relay().combinePresence(workshopId, this.localShare(workshopId));
		const counts = new Map<string, number>();
		if (all.participants.length > 0) {
			const rows = await getDb().select({ roleGroup: participant.roleGroup }).from(participant).where(inArray(participant.id, all.participants));
			for (const r of rows) counts.set(r.roleGroup, (counts.get(r.roleGroup) ?? 0) + 1);
		}
		// Sorted, so equal counts are written identically whichever instance wrote them.
		const byRoleGroup = Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
		return { here: all.participants.length, writing: all.writing.length, byRoleGroup };
	}

	async #publish(workshopId: string): Promise<void> {
		await this.source.publishDoc(docName('control', workshopId), async () => {
			const presence = await this.count(workshopId);
			return (doc) => writePresence(doc, presence);
		});
	}

	stop(): void {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
		if (this.#refresh) clearInterval(this.#refresh);
		this.#refresh = null;
	}
}
