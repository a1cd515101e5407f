/**
 * Spread-out reconnects. After the n-th failed attempt the stock y-websocket provider waits
 * min(2^n × 100 ms, maxBackoffTime) — the same instants for every client — so when a server
 * restarts, every open page knocks at once, again and again. This keeps the provider's doubling
 * but waits a random time between half and all of each step ("equal jitter").
 */
import type { WebsocketProvider } from 'y-websocket';

/** The stock provider's cap on one wait (its default `maxBackoffTime`). */
export const MAX_BACKOFF_MS = 2500;

/** The wait before attempt `attempt` (1 after the first close): half to all of the stock step. */
export function jitteredBackoff(attempt: number, cap = MAX_BACKOFF_MS, random: () => number = Math.random): number {
	const step = Math.min(2 ** attempt * 100, cap);
	return Math.round(step * (0.5 + random() * 0.5));
}

/**
 * Makes `provider` wait a jittered time before each reconnect. The provider announces a closed
 * socket ('connection-close') just before it counts the failure and schedules the next attempt
 * with min(2^n × 100, maxBackoffTime); setting maxBackoffTime there sets that wait.
 * Returns a function that removes the behaviour.
 */
export function jitterReconnects(provider: WebsocketProvider, cap = MAX_BACKOFF_MS): () => void {
	const onClose = () => {
		provider.maxBackoffTime = jitteredBackoff(provider.wsUnsuccessfulReconnects + 1, cap);
	};
	provider.on('connection-close', onClose);
	return () => {
		provider.off('connection-close', onClose);
		provider.maxBackoffTime = cap;
	};
}
