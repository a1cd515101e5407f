/**
 * A workshop with case-study activities for the integration tests: cases created through the real
 * preparation route, the live activity chosen through the real console command.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { Fixtures, type TestUser } from './fixtures';
import { postAction } from './actions';
import type { RunningServer } from './server';
import { activity } from '../../src/lib/server/db/schema';

export interface CaseWorkshop {
	fx: Fixtures;
	facilitator: TestUser;
	workshopId: string;
	/** Activity ids: one case in a role-group activity, one in an anonymous one, and a brainstorm. */
	activities: { roleGroup: string; anonymous: string; other: string };
	/** Case ids by activity kind. */
	cases: { roleGroup: string; anonymous: string };
}

/** Creates (or renames) the case of an activity through the preparation page's action. */
export async function saveCase(server: RunningServer, cookie: string, workshopId: string, activityId: string, title: string) {
	return postAction(server.url, `/workshops/${workshopId}/prepare/${activityId}/case-study?/save`, { title }, { cookie });
}

/** Makes an activity the current one through the console, as a facilitator would. */
export async function goTo(server: RunningServer, cookie: string, workshopId: string, activityId: string): Promise<void> {
	const result = await postAction(server.url, `/workshops/${workshopId}/console`, { command: 'goto', activityId }, { cookie });
	expect(result.type, JSON.stringify(result)).toBe('success');
}

export async function caseWorkshop(server: RunningServer): Promise<CaseWorkshop> {
	const fx = new Fixtures(server.database);
	const facilitator = await fx.user('Fay Facilitator');
	const workshopId = await fx.workshop(await fx.organisation([[facilitator, 'facilitator']]));
	const activities = {
		roleGroup: await fx.activity(workshopId, 'Case: housing', 'case_study', 0, 'role_group'),
		anonymous: await fx.activity(workshopId, 'Case: benefits', 'case_study', 1, 'anonymous'),
		other: await fx.activity(workshopId, 'Ideas', 'brainstorm', 2, 'named')
	};
	for (const [id, title] of [
		[activities.roleGroup, 'Housing for a wheelchair user'],
		[activities.anonymous, 'Benefits letter nobody understood']
	] as const) {
		const result = await saveCase(server, facilitator.cookie, workshopId, id, title);
		expect(result.type, JSON.stringify(result)).toBe('success');
	}
	const refOf = async (id: string) => (await fx.db.select({ ref: activity.refId }).from(activity).where(eq(activity.id, id)).limit(1))[0]!.ref!;
	return { fx, facilitator, workshopId, activities, cases: { roleGroup: await refOf(activities.roleGroup), anonymous: await refOf(activities.anonymous) } };
}
