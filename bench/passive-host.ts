/**
 * A process holding passive room members (passive-wire.ts), forked by the room benchmark so that
 * receiving hundreds of copies of every update does not share an event loop with the measuring
 * clients. Talks to the parent over IPC: `join` → `joined` (after every member of that join synced,
 * or how many did within the timeout), `stats` → `stats`, `stop` → exits. Exits when the parent goes away.
 */
import { WireMember, type MemberTarget } from './passive-wire';
import { keepPresence } from './wire-presence';

export type ToHost =
	| { type: 'join'; target: MemberTarget; count: number; batch: number; timeoutMs: number }
	| { type: 'stats' }
	| { type: 'stop' };
export type FromHost = { type: 'joined'; synced: number } | { type: 'stats'; frames: number; bytes: number; closed: number } | { type: 'error'; message: string };

const members: WireMember[] = [];
const presences: (() => void)[] = [];
const send = (message: FromHost) => process.send?.(message);

async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const ok = await Promise.race([p.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
	clearTimeout(timer);
	return ok;
}

async function join(target: MemberTarget, count: number, batch: number, timeoutMs: number): Promise<void> {
	const first = members.length;
	const end = first + count;
	while (members.length < end) {
		const waits: Promise<boolean>[] = [];
		for (let i = Math.min(batch, end - members.length); i > 0; i--) {
			const m = new WireMember(target);
			members.push(m);
			waits.push(m.whenSynced());
		}
		if (!(await within(Promise.all(waits), timeoutMs))) break;
	}
	if (target.awareness) for (const m of members.slice(first)) if (m.synced) presences.push(keepPresence(m, `Member ${members.indexOf(m)}`));
	send({ type: 'joined', synced: members.slice(first).filter((m) => m.synced).length });
}

process.on('message', (message: ToHost) => {
	if (message.type === 'join') {
		join(message.target, message.count, message.batch, message.timeoutMs).catch((error: unknown) => send({ type: 'error', message: String(error) }));
	} else if (message.type === 'stats') {
		let frames = 0;
		let bytes = 0;
		let closed = 0;
		for (const m of members) {
			frames += m.frames;
			bytes += m.bytes;
			if (m.closed) closed++;
		}
		send({ type: 'stats', frames, bytes, closed });
	} else if (message.type === 'stop') {
		for (const stop of presences) stop();
		for (const m of members) m.close();
		setTimeout(() => process.exit(0), 100);
	}
});
process.on('disconnect', () => process.exit(0));
