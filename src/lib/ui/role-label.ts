/** The translated name of an organisation role. */
import { m } from '$lib/paraglide/messages';

export function roleLabel(role: string): string {
	if (role === 'owner') return m.org_role_owner();
	if (role === 'facilitator') return m.org_role_facilitator();
	return m.org_role_member();
}
