/**
 * The plain-language prompt of an activity: its limits and normalisation, how it is stored and
 * copied by "Use as template", and which text a participant's screen shows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareFixture, type PrepareFixture } from './prepare-fixture';
import { ACTIVITY_PLAIN_PROMPT_MAX, validateActivityInput } from '../../src/lib/shared/agenda';
import { addActivity, listActivities, updateActivity } from '../../src/lib/server/agenda';
import { duplicateWorkshop } from '../../src/lib/server/workshop-template';
import { InputError } from '../../src/lib/server/input-error';
import { plainOr } from '../../src/lib/plain-language.svelte';

const brainstorm = { type: 'brainstorm', title: 'Barriers', prompt: 'What barriers do residents face?', plannedMinutes: '10', anonymity: 'role_group' };

describe('validateActivityInput: plain prompt', () => {
	it('is optional: missing, empty or not text reads as no plain version', () => {
		for (const plainPrompt of [undefined, '', '   ', 42, null]) {
			const { value, issues } = validateActivityInput({ ...brainstorm, plainPrompt });
			expect(issues).toEqual({});
			expect(value.plainPrompt).toBe('');
		}
	});

	it('trims the ends and keeps line breaks, written the same whatever the browser sent', () => {
		const { value } = validateActivityInput({ ...brainstorm, plainPrompt: '  What makes life hard?\r\nSay one thing.\n ' });
		expect(value.plainPrompt).toBe('What makes life hard?\nSay one thing.');
	});

	it(`accepts up to ${ACTIVITY_PLAIN_PROMPT_MAX} characters as people count them and refuses one more`, () => {
		expect(validateActivityInput({ ...brainstorm, plainPrompt: 'x'.repeat(ACTIVITY_PLAIN_PROMPT_MAX) }).issues).toEqual({});
		expect(validateActivityInput({ ...brainstorm, plainPrompt: '🙂'.repeat(ACTIVITY_PLAIN_PROMPT_MAX) }).issues).toEqual({});
		expect(validateActivityInput({ ...brainstorm, plainPrompt: 'x'.repeat(ACTIVITY_PLAIN_PROMPT_MAX + 1) }).issues).toEqual({ plainPrompt: 'plain_prompt_too_long' });
		// Surrounding spaces do not count against the limit.
		expect(validateActivityInput({ ...brainstorm, plainPrompt: ` ${'x'.repeat(ACTIVITY_PLAIN_PROMPT_MAX)} ` }).issues).toEqual({});
	});

	it('is checked beside the other fields', () => {
		expect(validateActivityInput({ ...brainstorm, title: '', plainPrompt: 'x'.repeat(ACTIVITY_PLAIN_PROMPT_MAX + 1) }).issues).toEqual({
			title: 'title_required',
			plainPrompt: 'plain_prompt_too_long'
		});
	});
});

describe('storing the plain prompt', () => {
	let f: PrepareFixture;
	beforeEach(async () => {
		f = await prepareFixture();
	});
	afterEach(async () => await f.t.dispose());

	it('is saved when adding and editing, and a too long one changes nothing', async () => {
		const added = await addActivity(f.t.db, f.facilitator, f.workshopId, { ...brainstorm, plainPrompt: 'What makes life hard?' });
		expect((await listActivities(f.t.db, f.workshopId))[0]?.plainPrompt).toBe('What makes life hard?');
		await expect(updateActivity(f.t.db, f.facilitator, f.workshopId, added.id, { ...brainstorm, plainPrompt: 'x'.repeat(ACTIVITY_PLAIN_PROMPT_MAX + 1) })).rejects.toBeInstanceOf(InputError);
		expect((await listActivities(f.t.db, f.workshopId))[0]?.plainPrompt).toBe('What makes life hard?');
		await updateActivity(f.t.db, f.facilitator, f.workshopId, added.id, { ...brainstorm, plainPrompt: '' });
		expect((await listActivities(f.t.db, f.workshopId))[0]?.plainPrompt).toBe('');
	});

	it('is copied by "Use as template"', async () => {
		await addActivity(f.t.db, f.owner, f.workshopId, { ...brainstorm, plainPrompt: 'What makes life hard?' });
		const copy = await duplicateWorkshop(f.t.db, f.owner, f.workshopId, 'Housing rights, again');
		expect((await listActivities(f.t.db, copy.id)).map((a) => a.plainPrompt)).toEqual(['What makes life hard?']);
	});
});

describe('plainOr', () => {
	it('shows the plain version only when plain language is on and one exists', () => {
		expect(plainOr('Original', 'Plain', true)).toEqual({ text: 'Plain', isPlain: true });
		expect(plainOr('Original', 'Plain', false)).toEqual({ text: 'Original', isPlain: false });
		for (const missing of ['', '  ', undefined, null]) expect(plainOr('Original', missing, true)).toEqual({ text: 'Original', isPlain: false });
	});
});
