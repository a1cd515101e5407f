/**
 * The simulated participants of one workshop. Each holds what a phone holds: a writable
 * connection to its own `mine` document and a read-only view of the board. They join in batches
 * (so connection set-up does not swamp the server), then each adds or edits a note every few
 * seconds, jittered so writes do not arrive in lockstep.
 */
import type { Fixtures } from '../tests/helpers/fixtures';
import { createClient } from '../tests/helpers/yclient';
import { docName, mineDocName } from '../src/lib/shared/protocol';
import { addNote, contributionsOf, readContribution, updateNoteText } from '../src/lib/shared/doc-schema';
import type { Deliveries } from './deliveries';
import { now, probeText, readProbe } from './probe';

type Client = ReturnType<typeof createClient>;

interface Participant {
	index: number;
	mine: Client;
	board: Client;
	notes: string[];
	seq: number;
	timer?: NodeJS.Timeout;
}

export interface WritePlan {
	/** Gap between one participant's changes, drawn uniformly from [minMs, maxMs]. */
	minMs: number;
	maxMs: number;
	/** Notes per participant; once reached, a participant only edits (bounds document growth). */
	maxNotes: number;
}

export interface Sinks {
	/** Arrivals at the other participants. */
	participants: Deliveries;
	/** Arrivals at the projector (reported from its own process). */
	projector: Deliveries;
}

export class Crowd {
	readonly members: Participant[] = [];
	/** Close codes seen on any connection while the bench was not shutting it down. */
	readonly closes = new Map<number, number>();
	writes = 0;
	#stopping = false;

	constructor(
		private readonly url: string,
		private readonly workshopId: string,
		private readonly sinks: Sinks
	) {}

	/**
	 * Creates and connects `count` participants, `batch` at a time; each batch must finish its first
	 * sync within `batchTimeoutMs`. Returns how many are connected when it stops.
	 */
	async join(fx: Fixtures, count: number, batch: number, batchTimeoutMs: number, onBatch: (n: number) => void): Promise<number> {
		while (this.members.length < count) {
			const size = Math.min(batch, count - this.members.length);
			const fresh: Participant[] = [];
			for (let i = 0; i < size; i++) fresh.push(await this.#create(fx, this.members.length + i));
			this.members.push(...fresh);
			const synced = Promise.all(fresh.flatMap((p) => [p.mine.synced(), p.board.synced()]));
			const ok = await withTimeout(synced, batchTimeoutMs);
			if (!ok) {
				return this.members.filter((p) => p.mine.provider.synced && p.board.provider.synced).length;
			}
			onBatch(this.members.length);
		}
		return this.members.length;
	}

	async #create(fx: Fixtures, index: number): Promise<Participant> {
		const who = await fx.participant(this.workshopId, `Bench participant ${index}`, index % 2 ? 'resident / rights holder' : 'civil servant: policy');
		const mine = createClient(this.url, mineDocName(this.workshopId, who.id), { cookie: who.cookie });
		const board = createClient(this.url, docName('board', this.workshopId), { cookie: who.cookie });
		for (const c of [mine, board]) c.provider.on('connection-close', (e) => this.#closed(e?.code ?? 0));
		const map = contributionsOf(board.doc);
		// Observing the changed keys (rather than re-listing the whole board on every update)
		// keeps the bench's own CPU per update constant as the board grows.
		map.observe((event) => {
			const at = now();
			for (const key of event.keysChanged) {
				const probe = readProbe(readContribution(map.get(key))?.text);
				if (probe) this.sinks.participants.arrived(probe, index, at);
			}
		});
		return { index, mine, board, notes: [], seq: 0 };
	}

	#closed(code: number): void {
		if (!this.#stopping) this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
	}

	/** Starts every participant's write loop; the first change of each falls anywhere in one gap. */
	startWriting(plan: WritePlan): void {
		const readers = this.members.length - 1;
		const gap = () => plan.minMs + Math.random() * (plan.maxMs - plan.minMs);
		for (const p of this.members) {
			const tick = () => {
				if (this.#stopping) return;
				this.#write(p, plan.maxNotes, readers);
				p.timer = setTimeout(tick, gap());
			};
			p.timer = setTimeout(tick, Math.random() * plan.maxMs);
		}
	}

	#write(p: Participant, maxNotes: number, readers: number): void {
		const sentAt = now();
		const seq = ++p.seq;
		const text = probeText(p.index, seq, sentAt);
		const add = p.notes.length === 0 || (p.notes.length < maxNotes && Math.random() < 0.5);
		if (add) {
			const id = `note-${seq}`;
			addNote(p.mine.doc, id, text);
			p.notes.push(id);
		} else {
			updateNoteText(p.mine.doc, p.notes[Math.floor(Math.random() * p.notes.length)]!, text);
		}
		this.writes++;
		const probe = readProbe(text)!;
		this.sinks.participants.sent(probe, readers);
		this.sinks.projector.sent(probe, 1);
	}

	stopWriting(): void {
		for (const p of this.members) clearTimeout(p.timer);
	}

	/** Closes every connection; closes from here on are the bench's own and not counted. */
	destroy(): void {
		this.#stopping = true;
		this.stopWriting();
		for (const p of this.members) {
			p.mine.destroy();
			p.board.destroy();
		}
	}
}

/** True when `promise` settled within `ms`. */
async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
	try {
		return await Promise.race([promise.then(() => true), timeout]);
	} finally {
		clearTimeout(timer);
	}
}
