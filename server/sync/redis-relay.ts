/**
 * The relay between several instances, through Redis pub/sub (REDIS_URL). Each loaded room
 * subscribes to its document's channel; a committed update is published with its per-document
 * seq, an awareness change as it is. Messages an instance sent itself are ignored. Pub/sub keeps
 * nothing: after Redis was unreachable, every room catches up from the database (onResync), and
 * a gap in the seqs received is filled from the database by the room itself.
 *
 * Server-side writes to a document take a lock in Redis (SET NX with expiry, released by a
 * compare-and-delete script), so they run one after another across instances.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { log } from '../../src/lib/server/logger';
import { KeyedLock } from './keyed-lock';
import type { PresenceShare, Relay, RelaySink } from './relay';

const KIND_UPDATE = 1;
const KIND_AWARENESS = 2;
const CHANNEL_PREFIX = 'rb:doc:';
const LOCK_PREFIX = 'rb:lock:';
/** A lock outlives a crashed holder by at most this long. */
const LOCK_TTL_MS = 30_000;
/** How long a server write waits for a document's lock before giving up with an error. */
const LOCK_WAIT_MS = 20_000;
/** How long loading a room waits for its subscription before serving anyway (it catches up later). */
const SUBSCRIBE_WAIT_MS = 2_000;

const PRESENCE_PREFIX = 'rb:presence:';
const ALIVE_PREFIX = 'rb:instance:';
/** An instance that stopped renewing its mark for this long no longer counts in presence. */
const ALIVE_TTL_MS = 20_000;
const ALIVE_RENEW_MS = 5_000;
/** After a reconnection, rooms catch up again this much later (resubscribing takes a round trip). */
const RESYNC_AGAIN_MS = 1_000;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RedisRelay implements Relay {
	readonly shared = true;
	readonly instance = randomBytes(8);
	#pub: Redis;
	#sub: Redis;
	#sinks = new Map<string, RelaySink>();
	#local = new KeyedLock();
	#resync: (() => void)[] = [];
	#wasReady = false;
	#lostSinceReady = false;
	#alive: NodeJS.Timeout;

	constructor(url: string) {
		const options = { maxRetriesPerRequest: null, connectionName: 'rightsboard', lazyConnect: false };
		this.#pub = new Redis(url, options);
		this.#sub = new Redis(url, options);
		for (const [name, client] of [['publish', this.#pub], ['subscribe', this.#sub]] as const) {
			client.on('error', (error: Error) => log.warn('redis connection error', { connection: name, error: error.message }));
		}
		this.#sub.on('close', () => (this.#lostSinceReady = this.#wasReady));
		this.#sub.on('ready', () => {
			// Messages published while the subscription was down are gone: catch up from the database,
			// now and once more after the channels are surely subscribed again.
			if (this.#lostSinceReady) {
				this.#resyncNow();
				setTimeout(() => this.#resyncNow(), RESYNC_AGAIN_MS).unref();
			}
			this.#wasReady = true;
			this.#lostSinceReady = false;
		});
		this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#receive(channel, message));
		const markAlive = () =>
			void this.#pub.set(ALIVE_PREFIX + this.#id, '1', 'PX', ALIVE_TTL_MS).catch((error: unknown) => log.debug('redis alive mark failed', { error: String(error) }));
		markAlive();
		this.#alive = setInterval(markAlive, ALIVE_RENEW_MS);
		this.#alive.unref();
	}

	get #id(): string {
		return this.instance.toString('hex');
	}

	update(room: string, seq: number, update: Uint8Array): void {
		const e = this.#header(KIND_UPDATE);
		encoding.writeVarUint(e, seq);
		encoding.writeVarUint8Array(e, update);
		this.#publish(room, e);
	}

	awareness(room: string, update: Uint8Array): void {
		const e = this.#header(KIND_AWARENESS);
		encoding.writeVarUint8Array(e, update);
		this.#publish(room, e);
	}

	async join(room: string, sink: RelaySink): Promise<void> {
		this.#sinks.set(room, sink);
		const subscribed = this.#sub.subscribe(CHANNEL_PREFIX + room).then(() => true);
		subscribed.catch((error: unknown) => log.warn('redis subscribe failed', { doc: room, error: String(error) }));
		const ok = await Promise.race([subscribed.catch(() => false), sleep(SUBSCRIBE_WAIT_MS).then(() => false)]);
		if (!ok) log.warn('redis subscription not confirmed; serving the room, it catches up when redis is back', { doc: room });
	}

	leave(room: string): void {
		this.#sinks.delete(room);
		this.#sub.unsubscribe(CHANNEL_PREFIX + room).catch((error: unknown) => log.debug('redis unsubscribe failed', { doc: room, error: String(error) }));
	}

	lockDoc<T>(doc: string, fn: () => Promise<T>): Promise<T> {
		// This process's writers queue locally first, so Redis sees one contender per instance.
		return this.#local.run(doc, async () => {
			const key = LOCK_PREFIX + doc;
			const token = randomBytes(12).toString('hex');
			const deadline = Date.now() + LOCK_WAIT_MS;
			for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
				if ((await this.#pub.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) === 'OK') break;
				if (Date.now() > deadline) throw new Error(`could not lock document ${doc} in redis within ${LOCK_WAIT_MS / 1000} s`);
				await sleep(wait * (0.5 + Math.random()));
			}
			try {
				return await fn();
			} finally {
				await this.#pub.eval(RELEASE, 1, key, token).catch((error: unknown) => log.warn('redis unlock failed', { doc, error: String(error) }));
			}
		});
	}

	async combinePresence(workshopId: string, local: PresenceShare): Promise<PresenceShare> {
		const key = PRESENCE_PREFIX + workshopId;
		const [, , all] = (await this.#pub.multi().hset(key, this.#id, JSON.stringify(local)).pexpire(key, 10 * ALIVE_TTL_MS).hgetall(key).exec()) ?? [];
		const shares = (all?.[1] ?? {}) as Record<string, string>;
		const others = Object.keys(shares).filter((id) => id !== this.#id);
		const alive = others.length > 0 ? await this.#pub.mget(others.map((id) => ALIVE_PREFIX + id)) : [];
		const participants = new Set(local.participants);
		const writing = new Set(local.writing);
		others.forEach((id, i) => {
			if (alive[i] === null) return; // that instance stopped: its connections are gone
			try {
				const share = JSON.parse(shares[id]!) as PresenceShare;
				for (const p of share.participants) participants.add(p);
				for (const p of share.writing) writing.add(p);
			} catch {
				log.warn('ignored a malformed presence share', { workshopId, instance: id });
			}
		});
		return { participants: [...participants], writing: [...writing] };
	}

	onResync(listener: () => void): void {
		this.#resync.push(listener);
	}

	async close(): Promise<void> {
		clearInterval(this.#alive);
		this.#sinks.clear();
		await this.#pub.del(ALIVE_PREFIX + this.#id).catch(() => {});
		await Promise.allSettled([this.#sub.quit(), this.#pub.quit()]);
	}

	#resyncNow(): void {
		for (const listener of this.#resync) listener();
	}

	#header(kind: number): encoding.Encoder {
		const e = encoding.createEncoder();
		encoding.writeUint8(e, kind);
		encoding.writeUint8Array(e, this.instance);
		return e;
	}

	#publish(room: string, e: encoding.Encoder): void {
		this.#pub.publish(CHANNEL_PREFIX + room, Buffer.from(encoding.toUint8Array(e))).catch((error: unknown) => log.warn('redis publish failed', { doc: room, error: String(error) }));
	}

	#receive(channel: Buffer, message: Buffer): void {
		const room = channel.toString('utf8').slice(CHANNEL_PREFIX.length);
		const sink = this.#sinks.get(room);
		if (!sink) return;
		try {
			const d = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
			const kind = decoding.readUint8(d);
			const from = decoding.readUint8Array(d, this.instance.length);
			if (Buffer.compare(from, this.instance) === 0) return;
			if (kind === KIND_UPDATE) {
				const seq = decoding.readVarUint(d);
				sink.update(seq, decoding.readVarUint8Array(d));
			} else if (kind === KIND_AWARENESS) {
				sink.awareness(decoding.readVarUint8Array(d));
			}
		} catch (error) {
			log.warn('ignored a malformed relay message', { doc: room, error: String(error) });
		}
	}
}
