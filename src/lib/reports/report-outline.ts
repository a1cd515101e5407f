/**
 * The workshop report in words, as a list of blocks (headings, paragraphs, lists, tables with
 * captions). The printable page and the DOCX both render this one outline, so they say the same.
 */
import { m } from '$lib/paraglide/messages';
import { activityTypeLabel } from '$lib/activity-type-label';
import { chosenRightLabel, groupLabel as contributorLabel, sectionLabel } from '$lib/components/case-study/case-labels';
import { answerLabel, groupLabel } from '$lib/components/votes/labels';
import { tableCells, tableColumns } from '$lib/components/votes/tally-text';
import type { ReportActionPoint, ReportCaseStudy, ReportFindingVote, WorkshopReport } from '$lib/shared/workshop-report';

export type ReportBlock =
	| { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
	| { kind: 'paragraph'; text: string; note?: boolean }
	| { kind: 'list'; items: string[] }
	/** The first cell of each row is the row's header. */
	| { kind: 'table'; caption: string; head: string[]; rows: string[][] };

const OUTCOMES: Record<string, () => string> = {
	validated: m.votes_outcome_validated,
	contested: m.votes_outcome_contested,
	revised: m.votes_outcome_revised,
	// Validation of action points (endorse votes), as the recording page says it.
	endorsed: m.recording_outcome_endorsed,
	endorsed_with_changes: m.recording_outcome_endorsed_with_changes,
	not_endorsed: m.recording_outcome_not_endorsed,
	too_few_answers: m.recording_outcome_too_few_answers
};
const outcomeLabel = (o: string | null): string => (o ? (OUTCOMES[o]?.() ?? o) : m.report_outcome_none());

const HORIZONS: Record<string, () => string> = { quick_win: m.report_horizon_quick_win, strategic: m.report_horizon_strategic };
const STATUSES: Record<string, () => string> = {
	planned: m.report_status_planned,
	in_progress: m.report_status_in_progress,
	done: m.report_status_done,
	stuck: m.report_status_stuck,
	dropped: m.report_status_dropped
};

const h = (level: 1 | 2 | 3 | 4, text: string): ReportBlock => ({ kind: 'heading', level, text });
const p = (text: string): ReportBlock => ({ kind: 'paragraph', text });
const empty = (text: string): ReportBlock => ({ kind: 'paragraph', text, note: true });

function overview(r: WorkshopReport): ReportBlock[] {
	return [
		h(1, m.report_heading({ title: r.title })),
		{
			kind: 'list',
			items: [
				m.report_meta_organisation({ name: r.organisation }),
				m.report_meta_date({ date: r.date ?? m.report_date_unset() }),
				m.report_meta_language({ language: r.language })
			]
		},
		h(2, m.report_purpose()),
		r.purpose.trim() ? p(r.purpose.trim()) : empty(m.report_purpose_empty())
	];
}

function agenda(r: WorkshopReport): ReportBlock[] {
	if (r.agenda.length === 0) return [h(2, m.report_agenda()), empty(m.report_agenda_empty())];
	const rows = r.agenda.map((a) => [a.title, activityTypeLabel(a.type), String(a.plannedMinutes)]);
	return [h(2, m.report_agenda()), { kind: 'table', caption: m.report_agenda_caption(), head: [m.report_col_activity(), m.report_col_type(), m.report_col_minutes()], rows }];
}

function participation(r: WorkshopReport): ReportBlock[] {
	const { total, byRoleGroup } = r.participation;
	if (total === 0) return [h(2, m.report_participation()), empty(m.report_participation_empty())];
	return [
		h(2, m.report_participation()),
		p(m.report_participation_total({ count: total })),
		{
			kind: 'table',
			caption: m.report_participation_caption(),
			head: [m.report_col_role_group(), m.report_col_participants()],
			rows: byRoleGroup.map((g) => [g.roleGroup, String(g.count)])
		}
	];
}

function caseStudy(c: ReportCaseStudy): ReportBlock[] {
	const out: ReportBlock[] = [h(3, c.title)];
	const written = c.sections.filter((s) => s.paragraphs.length > 0);
	if (written.length === 0) out.push(empty(m.report_case_text_empty()));
	for (const s of written) {
		out.push(h(4, sectionLabel(s.section)), ...s.paragraphs.map(p));
		if (s.contributors.length > 0) out.push(p(m.report_case_contributors({ groups: s.contributors.map(contributorLabel).join(', ') })));
	}
	out.push(h(4, m.report_case_rights()));
	out.push(c.rights.length ? { kind: 'list', items: c.rights.map(chosenRightLabel) } : empty(m.report_case_rights_empty()));
	out.push(h(4, m.report_case_disputed()));
	out.push(c.disputed.length ? { kind: 'list', items: c.disputed.map((d) => m.report_case_disputed_item({ text: d.text, reason: d.reason || m.report_case_no_reason() })) } : empty(m.report_case_disputed_empty()));
	if (c.anonymous) out.push(p(m.report_case_anonymous()));
	return out;
}

function findingVote(v: ReportFindingVote): ReportBlock[] {
	const out: ReportBlock[] = [h(3, v.title)];
	if (v.findings.length === 0) out.push(empty(m.report_findings_vote_empty()));
	v.findings.forEach((f, i) => {
		out.push(h(4, m.report_finding_heading({ n: i + 1, statement: f.statement })));
		out.push(p(m.report_finding_outcome({ outcome: outcomeLabel(f.outcome) })));
		if (f.gap) out.push(p(m.report_finding_gap()));
		if (f.groups.length === 0) out.push(empty(m.report_finding_no_groups()));
		else
			out.push({
				kind: 'table',
				caption: m.report_finding_caption({ statement: f.statement }),
				head: [m.votes_col_group(), m.votes_col_voters(), ...tableColumns('agree').map((c) => c())],
				rows: f.groups.map((g) => [groupLabel(g), String(g.voters ?? ''), ...tableCells(g)])
			});
	});
	return out;
}

const ANSWER_KEYS = ['agree', 'disagree', 'unsure'];
const STANCES: Record<string, () => string> = { endorse: m.validation_stance_endorse, endorse_changes: m.validation_stance_endorse_changes, object: m.validation_stance_object };

function countsText(counts: Record<string, number>): string {
	return Object.entries(counts)
		.map(([answer, n]) => `${ANSWER_KEYS.includes(answer) ? answerLabel(answer) : (STANCES[answer]?.() ?? answer)}: ${n}`)
		.join(', ');
}

function actionPoint(a: ReportActionPoint): ReportBlock[] {
	const facts = [
		m.report_action_horizon({ horizon: HORIZONS[a.horizon]?.() ?? a.horizon }),
		m.report_action_status({ status: STATUSES[a.status]?.() ?? a.status }),
		m.report_action_outcome({ outcome: outcomeLabel(a.outcome) })
	];
	if (a.department) facts.splice(1, 0, m.report_action_department({ department: a.department }));
	const out: ReportBlock[] = [h(3, a.title), { kind: 'list', items: facts }];
	if (a.tallies.length)
		out.push({
			kind: 'table',
			caption: m.report_action_tallies_caption({ title: a.title }),
			head: [m.votes_col_group(), m.votes_col_voters(), m.report_col_answers()],
			rows: a.tallies.map((t) => [groupLabel({ scope: t.label ? 'role_group' : 'all', name: t.label }), String(t.voters ?? ''), countsText(t.counts)])
		});
	const attributed = (e: { text: string; attribution: string }) => (e.attribution ? m.report_attributed({ text: e.text, attribution: e.attribution }) : e.text);
	if (a.objections.length) out.push(h(4, m.report_action_objections()), { kind: 'list', items: a.objections.map(attributed) });
	if (a.changes.length) out.push(h(4, m.report_action_changes()), { kind: 'list', items: a.changes.map(attributed) });
	return out;
}

/** The whole report as blocks, in reading order. */
export function reportOutline(r: WorkshopReport): ReportBlock[] {
	const out = [...overview(r), ...agenda(r), ...participation(r)];
	out.push(h(2, m.report_case_studies()));
	if (r.caseStudies.length === 0) out.push(empty(m.report_case_studies_empty()));
	for (const c of r.caseStudies) out.push(...caseStudy(c));
	out.push(h(2, m.report_findings()));
	if (r.findingVotes.length === 0) out.push(empty(m.report_findings_empty()));
	else out.push(p(m.report_findings_suppression()));
	for (const v of r.findingVotes) out.push(...findingVote(v));
	out.push(h(2, m.report_actions()));
	if (r.actionPoints.length === 0) out.push(empty(m.report_actions_empty()));
	for (const a of r.actionPoints) out.push(...actionPoint(a));
	out.push(h(2, m.report_acknowledgements()));
	if (r.acknowledgements.length === 0) out.push(empty(m.report_acknowledgements_empty()));
	else out.push(p(m.report_acknowledgements_intro()), { kind: 'list', items: r.acknowledgements });
	return out;
}
