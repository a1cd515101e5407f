/**
 * Presence for the facilitator and the room: how many participants are connected to a workshop,
 * by role group, and how many are writing. Counted on the server from connections and from the
 * awareness of participants' own documents; published into the control document, debounced.
 */
import { inArray } from 'drizzle-orm';
import { getDb } from '../../src/lib/server/db';
import { participant } from '../../src/lib/server/db/schema';
import { log } from '../../src/lib/server/logger';
import { writePresence, type Presence } from '../../src/lib/shared/control-schema';
import { docName } from '../../src/lib/shared/protocol';
import type { Connection } from './connection';
import type { Room } from './room';

const DEBOUNCE_MS = 300;

export interface PresenceSource {
	connections(): Iterable<Connection>;
	rooms(): Room[];
	changeDoc(name: string, change: (doc: import('yjs').Doc) => void): Promise<void>;
}

export class PresenceTracker {
	#timers = new Map<string, NodeJS.Timeout>();
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

	/** The counts right now. */
	count(workshopId: string): Presence {
		const ids = new Set<string>();
		for (const c of this.source.connections()) {
			if (c.principal.kind === 'participant' && c.principal.workshopId === workshopId && !c.closed) ids.add(c.principal.participantId);
		}
		const byRoleGroup: Record<string, number> = {};
		if (ids.size > 0) {
			const rows = getDb().select({ roleGroup: participant.roleGroup }).from(participant).where(inArray(participant.id, [...ids])).all();
			for (const r of rows) byRoleGroup[r.roleGroup] = (byRoleGroup[r.roleGroup] ?? 0) + 1;
		}
		let writing = 0;
		const prefix = `mine.${workshopId}.`;
		for (const room of this.source.rooms()) {
			if (!room.name.startsWith(prefix)) continue;
			for (const state of room.awareness.getStates().values()) {
				if ((state as { writing?: unknown }).writing === true) {
					writing++;
					break;
				}
			}
		}
		return { here: ids.size, writing, byRoleGroup };
	}

	async #publish(workshopId: string): Promise<void> {
		const presence = this.count(workshopId);
		await this.source.changeDoc(docName('control', workshopId), (doc) => writePresence(doc, presence));
	}

	stop(): void {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
	}
}
