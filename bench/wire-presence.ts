/**
 * Presence for a bare-socket member, as a stock y-websocket client keeps it: an awareness state
 * published once synced, then the same state re-sent about every 15 s (y-protocols renews a state
 * after half of its 30 s timeout; the client checks every 3 s, hence the jitter). Lets the load
 * bench show what awareness renewals cost a server when every member has a state.
 */
import * as encoding from 'lib0/encoding';
import type { WireMember } from './passive-wire';

const RENEW_MS = 15_000;

function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, clientId);
	encoding.writeVarUint(update, clock);
	encoding.writeVarString(update, JSON.stringify(state));
	const message = encoding.createEncoder();
	encoding.writeVarUint(message, 1); // messageAwareness
	encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
	return encoding.toUint8Array(message);
}

/** Publishes a state for `member` and keeps renewing it; returns a function that stops. */
export function keepPresence(member: WireMember, name: string): () => void {
	const clientId = Math.floor(Math.random() * 2 ** 32);
	const state = { user: { name, colour: '#3366cc' } };
	// A stock client's first published state has clock 1 (its constructor used 0 for an empty state);
	// y-protocols ignores clock 0 from a client it does not know.
	let clock = 1;
	const send = () => !member.closed && member.send(awarenessMessage(clientId, clock++, state));
	send();
	let timer = setTimeout(function renew() {
		send();
		timer = setTimeout(renew, RENEW_MS);
	}, RENEW_MS + Math.random() * 3000);
	return () => clearTimeout(timer);
}
