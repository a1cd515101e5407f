/**
 * How a workshop's action point is named in the register: its source key. Recording is idempotent
 * on (organisation, source key), so the same point is never recorded twice.
 */

export function recordingSourceKey(workshopId: string, actionPointId: string): string {
	return `${workshopId}:${actionPointId}`;
}

/** The action point id of a source key recorded from `workshopId`, or null. */
export function pointOfSourceKey(workshopId: string, sourceKey: string): string | null {
	const prefix = `${workshopId}:`;
	return sourceKey.startsWith(prefix) ? sourceKey.slice(prefix.length) : null;
}
