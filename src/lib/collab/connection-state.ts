/**
 * What the board tells people about its link to the server. Kept apart from the connection class
 * so the rule can be read (and tested) without a browser.
 */
import { CloseCode } from '../shared/protocol';

/**
 * - connecting: first attempt, nothing synced yet
 * - connected: socket open and the document synced with the server
 * - reconnecting: was connected before, trying again (local edits are kept meanwhile)
 * - offline: the browser reports no network
 * - closed: the server ended the connection for good (signed out, access removed)
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionFacts {
	socket: SocketStatus;
	synced: boolean;
	everSynced: boolean;
	online: boolean;
	closed: boolean;
}

/** Folds the provider's facts into the one state shown to people. */
export function connectionState(f: ConnectionFacts): ConnectionState {
	if (f.closed) return 'closed';
	if (!f.online) return 'offline';
	if (f.socket === 'connected' && f.synced) return 'connected';
	return f.everSynced ? 'reconnecting' : 'connecting';
}

/**
 * Close codes after which reconnecting cannot help: the final 44xx refusals (as y-websocket's
 * default) and an oversized frame, which would only be sent again.
 */
const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
	CloseCode.Unauthorised.code,
	CloseCode.ReadOnly.code,
	CloseCode.MalformedMessage.code,
	CloseCode.MessageTooLarge.code
]);

/** Whether the client should try again after the server closed the socket with `code`. */
export function shouldReconnectAfter(code: number): boolean {
	return !FINAL_CLOSE_CODES.has(code);
}
