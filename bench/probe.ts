/**
 * How a change is traced from writer to readers: each version of a note carries a unique version
 * id and its send time in its own text, so any reader (in this process or the projector's) can tell
 * which version it sees without a side channel. Times are wall-clock milliseconds with sub-ms
 * resolution (performance.timeOrigin + performance.now()), comparable across local processes.
 */

/** High-resolution wall-clock time, ms. */
export const now = (): number => performance.timeOrigin + performance.now();

const PROBE = /⟦(p(\d+)v\d+) @(\d+\.\d+)⟧/;

const FILLER = [
	'forms are only in one language',
	'the office is up a flight of stairs',
	'opening hours clash with shift work',
	'nobody explains how to appeal',
	'the website fails with a screen reader'
];

/** Note text for version `seq` of participant `participant`, stamped with its send time. */
export function probeText(participant: number, seq: number, sentAt: number): string {
	return `⟦p${participant}v${seq} @${sentAt.toFixed(3)}⟧ ${FILLER[(participant + seq) % FILLER.length]}`;
}

export interface Probe {
	/** unique id of this version of the note */
	version: string;
	/** index of the participant who wrote it */
	author: number;
	sentAt: number;
}

/** The probe in a note's text; null for text the bench did not write. */
export function readProbe(text: string | undefined): Probe | null {
	const m = text ? PROBE.exec(text) : null;
	return m ? { version: m[1]!, author: Number(m[2]), sentAt: Number(m[3]) } : null;
}
