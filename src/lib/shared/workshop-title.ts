/** The rule for a workshop title, shared by the create form (limits) and the server (validation). */

export const WORKSHOP_TITLE_MAX = 120;

export type WorkshopTitleProblem = 'empty' | 'too_long';

export type WorkshopTitleResult = { ok: true; title: string } | { ok: false; problem: WorkshopTitleProblem };

/** Trims the title and checks it is 1–120 characters (counted as code points, so emoji count once). */
export function validateWorkshopTitle(raw: unknown): WorkshopTitleResult {
	const title = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
	if (title.length === 0) return { ok: false, problem: 'empty' };
	if ([...title].length > WORKSHOP_TITLE_MAX) return { ok: false, problem: 'too_long' };
	return { ok: true, title };
}
