/** The demo workshop's agenda: the shape of a real first session on housing barriers. */
import type { Db } from './db/client';
import { addActivity } from './agenda';
import { m } from '../paraglide/messages.js';
import { baseLocale } from '../paraglide/runtime.js';

/** Adds orientation, a brainstorm (role group only) and a discussion to the demo workshop. */
export async function seedDemoAgenda(db: Db, actorUserId: string, workshopId: string): Promise<void> {
	const opts = { locale: baseLocale } as const;
	const steps = [
		{ type: 'orientation', title: m.demo_agenda_orientation_title({}, opts), prompt: m.demo_agenda_orientation_prompt({}, opts), plannedMinutes: 10, anonymity: 'role_group' },
		{ type: 'brainstorm', title: m.demo_agenda_brainstorm_title({}, opts), prompt: m.demo_agenda_brainstorm_prompt({}, opts), plannedMinutes: 15, anonymity: 'role_group' },
		{ type: 'discussion', title: m.demo_agenda_discussion_title({}, opts), prompt: m.demo_agenda_discussion_prompt({}, opts), plannedMinutes: 20, anonymity: 'role_group' }
	];
	for (const step of steps) await addActivity(db, actorUserId, workshopId, step);
}
