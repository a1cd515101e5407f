/**
 * The control document (`control.<workshopId>`): what the server decided about a live workshop,
 * published for every screen to read. Clients never write it (the sync server refuses).
 */
import * as Y from 'yjs';

export const ControlRoot = {
	state: 'state',
	agenda: 'agenda',
	presence: 'presence'
} as const;

/** Who is connected, counted by role group (never names). */
export interface Presence {
	here: number;
	writing: number;
	byRoleGroup: Record<string, number>;
}

export const EMPTY_PRESENCE: Presence = { here: 0, writing: 0, byRoleGroup: {} };

/** Writes the presence counts (server only). */
export function writePresence(doc: Y.Doc, presence: Presence): void {
	const map = doc.getMap(ControlRoot.presence);
	if (JSON.stringify(map.get('counts')) !== JSON.stringify(presence)) map.set('counts', presence);
}

/** Reads the presence counts. */
export function readPresence(doc: Y.Doc): Presence {
	const value = doc.getMap(ControlRoot.presence).get('counts') as Partial<Presence> | undefined;
	if (!value || typeof value.here !== 'number' || typeof value.writing !== 'number' || typeof value.byRoleGroup !== 'object') return EMPTY_PRESENCE;
	return { here: value.here, writing: value.writing, byRoleGroup: value.byRoleGroup ?? {} };
}

export interface TimerState {
	/** Server time (ms) the running timer ends; null when paused or unset. */
	endsAt: number | null;
	/** Time left while paused; null when running or unset. */
	remainingMs: number | null;
}

export interface ControlState {
	version: number;
	currentActivityId: string | null;
	focus: boolean;
	locked: boolean;
	hiddenWriting: boolean;
	revealed: boolean;
	timer: TimerState;
	joiningOpen: boolean;
	/** Server time when this state was written; clients use it to correct for clock skew. */
	publishedAt: number;
}

export interface AgendaItem {
	id: string;
	type: string;
	title: string;
	prompt: string;
	/** The prompt in plain language; absent or empty when none was written. */
	plainPrompt?: string;
	plannedMinutes: number;
	anonymity: string;
	/** What the activity works on (the case study of a case_study activity), or null. */
	ref?: string | null;
}

export const EMPTY_CONTROL: ControlState = {
	version: 0,
	currentActivityId: null,
	focus: true,
	locked: false,
	hiddenWriting: false,
	revealed: true,
	timer: { endsAt: null, remainingMs: null },
	joiningOpen: true,
	publishedAt: 0
};

function stateMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(ControlRoot.state);
}

function agendaArray(doc: Y.Doc): Y.Array<AgendaItem> {
	return doc.getArray<AgendaItem>(ControlRoot.agenda);
}

/** Writes the state and agenda; only changed values are written, so peers get small updates. */
export function writeControl(doc: Y.Doc, state: ControlState, agenda: AgendaItem[]): void {
	doc.transact(() => {
		const map = stateMap(doc);
		for (const [key, value] of Object.entries(state)) {
			if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
		const list = agendaArray(doc);
		if (JSON.stringify(list.toArray()) !== JSON.stringify(agenda)) {
			list.delete(0, list.length);
			list.insert(0, agenda);
		}
	});
}

/** Reads the state, falling back to defaults for anything missing or malformed. */
export function readControl(doc: Y.Doc): ControlState {
	const map = stateMap(doc);
	const get = <T>(key: keyof ControlState, check: (v: unknown) => boolean): T =>
		(check(map.get(key)) ? map.get(key) : EMPTY_CONTROL[key]) as T;
	const bool = (v: unknown) => typeof v === 'boolean';
	const num = (v: unknown) => typeof v === 'number';
	const timer = map.get('timer') as Partial<TimerState> | undefined;
	return {
		version: get('version', num),
		currentActivityId: get('currentActivityId', (v) => typeof v === 'string'),
		focus: get('focus', bool),
		locked: get('locked', bool),
		hiddenWriting: get('hiddenWriting', bool),
		revealed: get('revealed', bool),
		timer: {
			endsAt: typeof timer?.endsAt === 'number' ? timer.endsAt : null,
			remainingMs: typeof timer?.remainingMs === 'number' ? timer.remainingMs : null
		},
		joiningOpen: get('joiningOpen', bool),
		publishedAt: get('publishedAt', num)
	};
}

/** The agenda as published. */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
	// Documents written before `ref` existed lack it.
	return agendaArray(doc)
		.toArray()
		.map((item) => ({ ...item, ref: item.ref ?? null }));
}

/** Milliseconds left on the timer at local time `now`, given the local time the state arrived. */
export function timeLeft(state: ControlState, receivedAt: number, now: number): number | null {
	if (state.timer.remainingMs !== null) return state.timer.remainingMs;
	if (state.timer.endsAt === null) return null;
	const localEnd = receivedAt + (state.timer.endsAt - state.publishedAt);
	return Math.max(0, localEnd - now);
}
