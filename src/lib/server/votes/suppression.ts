/**
 * Which groups' results stay hidden. A group with 1 or 2 voters is hidden. Complementary
 * suppression, so that "parent minus the shown groups" never reveals 1 or 2 people:
 * - the three kinds: when the hidden kinds hold 1 or 2 voters, the total ("everyone") is hidden
 *   rather than a side, so civil servants and civil society stay side by side (a lone expert must
 *   not cost the room its comparison);
 * - role groups within a kind: the smallest shown siblings are hidden too until the remainder
 *   is 0 or at least 3.
 * Role groups of a hidden kind are hidden, and everything is hidden below 3 voters.
 */
import { MIN_GROUP_SIZE } from '../../shared/vote-rules';
import { KIND_KEYS } from '../../shared/vote-results';

export interface GroupCount {
	key: string;
	voters: number;
}

const small = (n: number) => n > 0 && n < MIN_GROUP_SIZE;

/** The keys of `children` to hide, given their parent's voter count. */
export function hiddenSiblings(parentVoters: number, children: readonly GroupCount[]): Set<string> {
	const hidden = new Set(children.filter((c) => small(c.voters)).map((c) => c.key));
	for (;;) {
		const shown = children.filter((c) => !hidden.has(c.key));
		const remainder = parentVoters - shown.reduce((sum, c) => sum + c.voters, 0);
		if (!small(remainder)) return hidden;
		// Hide the smallest shown sibling that has voters; ties go to the later one, for stable output.
		const candidates = shown.filter((c) => c.voters > 0);
		if (candidates.length === 0) return hidden;
		const smallest = candidates.reduce((a, b) => (b.voters <= a.voters ? b : a));
		hidden.add(smallest.key);
	}
}

export interface GroupCounts {
	all: number;
	/** Voters per kind (civil_servants, civil_society, other). */
	kinds: Record<string, number>;
	/** The role groups the workshop shows, with their kind and voters. */
	roleGroups: { label: string; kind: string; voters: number }[];
}

/** Every hidden key ('all', 'kind:<kind>', 'group:<label>') for one item's voters. */
export function hiddenGroups(counts: GroupCounts): Set<string> {
	const hidden = new Set<string>();
	if (counts.all < MIN_GROUP_SIZE) {
		hidden.add('all');
		for (const k of KIND_KEYS) hidden.add(`kind:${k}`);
		for (const g of counts.roleGroups) hidden.add(`group:${g.label}`);
		return hidden;
	}
	const smallKinds = KIND_KEYS.filter((k) => small(counts.kinds[k] ?? 0));
	for (const k of smallKinds) hidden.add(`kind:${k}`);
	if (small(smallKinds.reduce((sum, k) => sum + (counts.kinds[k] ?? 0), 0))) hidden.add('all');
	for (const kind of KIND_KEYS) {
		const members = counts.roleGroups.filter((g) => g.kind === kind).map((g) => ({ key: `group:${g.label}`, voters: g.voters }));
		const inner = hidden.has(`kind:${kind}`) ? new Set(members.map((g) => g.key)) : hiddenSiblings(counts.kinds[kind] ?? 0, members);
		for (const key of inner) hidden.add(key);
	}
	return hidden;
}
