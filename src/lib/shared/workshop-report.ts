/**
 * The workshop report as plain data: built on the server (`src/lib/server/reports/`), rendered as
 * a printable page and as DOCX. It never holds a participant's name; role groups appear only
 * where the activity's anonymity allows them.
 */
import type { CaseSection } from './case-study-template';
import type { ChosenRight } from './rights-list';
import type { GroupResult } from './vote-results';

export interface ReportAgendaItem {
	title: string;
	/** Activity type key (orientation, brainstorm, …). */
	type: string;
	plannedMinutes: number;
}

export interface ReportParticipation {
	/** Participants not removed. */
	total: number;
	/** Count per role group, largest first. */
	byRoleGroup: { roleGroup: string; count: number }[];
}

export interface ReportCaseSection {
	section: CaseSection;
	/** Paragraphs of plain text (empty when nothing was written). */
	paragraphs: string[];
	/** Role groups that contributed ("staff" for facilitators); always empty in anonymous activities. */
	contributors: string[];
}

export interface ReportCaseStudy {
	title: string;
	anonymous: boolean;
	sections: ReportCaseSection[];
	rights: ChosenRight[];
	disputed: { text: string; reason: string }[];
}

export interface ReportFindingResult {
	statement: string;
	/** Shown groups only, exactly as the staff results give them (suppressed groups left out). */
	groups: GroupResult[];
	gap: boolean;
	/** validated | contested | revised, or null when no outcome was recorded. */
	outcome: string | null;
}

export interface ReportFindingVote {
	title: string;
	/** Number of voters, null below the minimum group size. */
	voters: number | null;
	findings: ReportFindingResult[];
}

export interface ReportTally {
	label: string;
	voters: number | null;
	counts: Record<string, number>;
}

export interface ReportActionPoint {
	title: string;
	horizon: string;
	department: string;
	status: string;
	outcome: string | null;
	tallies: ReportTally[];
	objections: { text: string; attribution: string }[];
	changes: { text: string; attribution: string }[];
}

export interface WorkshopReport {
	title: string;
	/** YYYY-MM-DD or null. */
	date: string | null;
	language: string;
	purpose: string;
	organisation: string;
	agenda: ReportAgendaItem[];
	participation: ReportParticipation;
	caseStudies: ReportCaseStudy[];
	findingVotes: ReportFindingVote[];
	actionPoints: ReportActionPoint[];
	/** Organisations of participants who agreed to be thanked, distinct and sorted. */
	acknowledgements: string[];
}
