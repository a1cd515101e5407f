/** The Redis server the multi-instance tests use (RIGHTSBOARD_TEST_REDIS_URL points them elsewhere). */
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.RIGHTSBOARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Throws a clear error when Redis is not reachable. */
export async function requireRedis(): Promise<void> {
	const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
	client.on('error', () => {});
	try {
		await client.connect();
		await client.ping();
	} catch (error) {
		const u = new URL(TEST_REDIS_URL);
		throw new Error(
			`The multi-instance tests need Redis, which is not reachable at ${u.hostname}:${u.port || 6379} (${String(error)}). ` +
				'Start it (redis-server --daemonize yes --port 6379), or point the tests at another one with RIGHTSBOARD_TEST_REDIS_URL=redis://host:6379.',
			{ cause: error }
		);
	} finally {
		client.disconnect();
	}
}

/** Cuts every Redis pub/sub connection (the servers' subscriptions reconnect by themselves). */
export async function dropSubscriptions(): Promise<void> {
	const client = new Redis(TEST_REDIS_URL);
	try {
		await client.client('KILL', 'TYPE', 'pubsub');
	} finally {
		client.disconnect();
	}
}
