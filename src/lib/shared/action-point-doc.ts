/**
 * The action-points document (`actions.<workshopId>`): the workshop's drafted action points,
 * co-edited live. The one place that names its roots and fields.
 *
 * Root `points` is a `Y.Array` of `Y.Map`s, one per action point, in the order shown. Each map:
 * - `id`: string, made by the client that added it (`newActionPointId`);
 * - text fields (`TEXT_FIELDS`) as `Y.Text`, so two people can type in the same field;
 * - choice fields (`CHOICE_FIELDS`) as plain strings (last writer wins; '' = not chosen);
 * - `indicators`: `Y.Array` of `Y.Map`s with `name`, `baseline`, `target` as `Y.Text`;
 * - `findingIds`, `caseStudyIds`: `Y.Array<string>` of linked findings and case studies.
 *
 * A synced document is not trusted: `readActionPoints` reads whatever is there into well-formed
 * drafts (unknown values become '', over-long text is cut, duplicates dropped), so every reader
 * (phone, console, report, recording) sees the same normalised drafts.
 */
import * as Y from 'yjs';
import { FIELD_MAX, INDICATORS_MAX, TEXT_MAX, TITLE_MAX, isActionType, isCompetence, isHorizon, isIsoDate, type Indicator } from './action-rules';

export const ActionsRoot = { points: 'points' } as const;

export const TEXT_FIELDS = ['title', 'description', 'department', 'ownerName', 'target', 'resources', 'affectedGroups'] as const;
export type ActionTextField = (typeof TEXT_FIELDS)[number];
export const CHOICE_FIELDS = ['type', 'horizon', 'competence', 'deadline'] as const;
export type ActionChoiceField = (typeof CHOICE_FIELDS)[number];
export const INDICATOR_FIELDS = ['name', 'baseline', 'target'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Most action points one workshop's document holds; adding more is refused by the editor. */
export const ACTION_POINTS_MAX = 60;
/** Most links of each kind (findings, case studies) on one action point. */
export const LINKS_MAX = 30;

const TEXT_LIMIT: Record<ActionTextField, number> = {
	title: TITLE_MAX,
	description: TEXT_MAX,
	department: FIELD_MAX,
	ownerName: FIELD_MAX,
	target: TEXT_MAX,
	resources: TEXT_MAX,
	affectedGroups: TEXT_MAX
};

/** One drafted action point as every reader sees it. Field names match the register's `ActionInput`. */
export interface ActionPointDraft {
	id: string;
	title: string;
	description: string;
	/** One of ACTION_TYPES, or ''. */
	type: string;
	/** quick_win | strategic | ''. */
	horizon: string;
	department: string;
	ownerName: string;
	target: string;
	indicators: Indicator[];
	/** YYYY-MM-DD or ''. */
	deadline: string;
	resources: string;
	/** city | regional_national | ''. */
	competence: string;
	affectedGroups: string;
	findingIds: string[];
	caseStudyIds: string[];
}

const ID = /^[a-z0-9]{8,32}$/;

/** A fresh id for a new action point (lowercase letters and digits, 20 characters). */
export function newActionPointId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

export function isActionPointId(value: unknown): value is string {
	return typeof value === 'string' && ID.test(value);
}

export function pointsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
	return doc.getArray<Y.Map<unknown>>(ActionsRoot.points);
}

const cut = (s: string, max: number) => (Array.from(s).length > max ? Array.from(s).slice(0, max).join('') : s);

function textOf(map: Y.Map<unknown>, key: string, max: number): string {
	const v = map.get(key);
	const s = v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : '';
	return cut(s.replace(/\r\n/g, '\n'), max);
}

function choiceOf(map: Y.Map<unknown>, key: ActionChoiceField): string {
	const v = map.get(key);
	if (typeof v !== 'string') return '';
	if (key === 'type') return isActionType(v) ? v : '';
	if (key === 'horizon') return isHorizon(v) ? v : '';
	if (key === 'competence') return isCompetence(v) ? v : '';
	return isIsoDate(v) ? v : '';
}

function idsOf(map: Y.Map<unknown>, key: string): string[] {
	const v = map.get(key);
	if (!(v instanceof Y.Array)) return [];
	const out: string[] = [];
	for (const id of v.toArray()) if (typeof id === 'string' && id.length <= 64 && !out.includes(id)) out.push(id);
	return out.slice(0, LINKS_MAX);
}

function indicatorsOf(map: Y.Map<unknown>): Indicator[] {
	const v = map.get('indicators');
	if (!(v instanceof Y.Array)) return [];
	const out: Indicator[] = [];
	for (const item of v.toArray()) {
		if (!(item instanceof Y.Map)) continue;
		out.push({ name: textOf(item, 'name', FIELD_MAX), baseline: textOf(item, 'baseline', FIELD_MAX), target: textOf(item, 'target', FIELD_MAX) });
	}
	return out.slice(0, INDICATORS_MAX);
}

/** Reads one point's map; null when it has no valid id. */
export function readActionPoint(map: Y.Map<unknown>): ActionPointDraft | null {
	const id = map.get('id');
	if (!isActionPointId(id)) return null;
	const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, textOf(map, f, TEXT_LIMIT[f])])) as Record<ActionTextField, string>;
	const choice = Object.fromEntries(CHOICE_FIELDS.map((f) => [f, choiceOf(map, f)])) as Record<ActionChoiceField, string>;
	return { id, ...text, ...choice, indicators: indicatorsOf(map), findingIds: idsOf(map, 'findingIds'), caseStudyIds: idsOf(map, 'caseStudyIds') };
}

/** Every action point in the document, in order, each id once (the first copy wins). */
export function readActionPoints(doc: Y.Doc): ActionPointDraft[] {
	const seen = new Set<string>();
	const out: ActionPointDraft[] = [];
	for (const item of pointsArray(doc).toArray()) {
		if (!(item instanceof Y.Map)) continue;
		const point = readActionPoint(item);
		if (!point || seen.has(point.id)) continue;
		seen.add(point.id);
		out.push(point);
		if (out.length >= ACTION_POINTS_MAX) break;
	}
	return out;
}

/** The map of one point, or null. */
export function findPointMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	for (const item of pointsArray(doc).toArray()) if (item instanceof Y.Map && item.get('id') === id) return item;
	return null;
}

/** Fields a new point may start with (demo content, tests, "duplicate"). */
export type ActionPointSeed = Partial<Omit<ActionPointDraft, 'id'>> & { id?: string };

/** Builds the map of a new point with every field present, so editors can bind to it at once. */
export function newPointMap(seed: ActionPointSeed = {}): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('id', seed.id ?? newActionPointId());
	for (const f of TEXT_FIELDS) map.set(f, new Y.Text(seed[f] ?? ''));
	for (const f of CHOICE_FIELDS) map.set(f, seed[f] ?? '');
	const indicators = new Y.Array<Y.Map<unknown>>();
	indicators.push(
		(seed.indicators ?? []).map((i) => {
			const m = new Y.Map<unknown>();
			for (const f of INDICATOR_FIELDS) m.set(f, new Y.Text(i[f] ?? ''));
			return m;
		})
	);
	map.set('indicators', indicators);
	map.set('findingIds', Y.Array.from(seed.findingIds ?? []));
	map.set('caseStudyIds', Y.Array.from(seed.caseStudyIds ?? []));
	return map;
}

/** Appends a new point; returns its id. */
export function addActionPoint(doc: Y.Doc, seed: ActionPointSeed = {}): string {
	const map = newPointMap(seed);
	pointsArray(doc).push([map]);
	return map.get('id') as string;
}

/** Removes every copy of a point. */
export function removeActionPoint(doc: Y.Doc, id: string): void {
	const array = pointsArray(doc);
	doc.transact(() => {
		const at = array
			.toArray()
			.map((m, i) => (m instanceof Y.Map && m.get('id') === id ? i : -1))
			.filter((i) => i >= 0);
		for (const i of at.reverse()) array.delete(i, 1);
	});
}

/** Sets a choice field of a point (no-op when the point is gone). */
export function setChoice(doc: Y.Doc, id: string, field: ActionChoiceField, value: string): void {
	const map = findPointMap(doc, id);
	if (map && map.get(field) !== value) map.set(field, value);
}
