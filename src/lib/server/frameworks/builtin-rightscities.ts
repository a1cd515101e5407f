/**
 * The built-in RIGHTSCITIES pilot framework, as data in the exchange format. Part 1 holds the
 * governance conditions of the FRA human rights cities framework known to us (the published
 * framework has 20 action points: coordinators add the rest); Part 2 holds starter items on the
 * rights of persons with disabilities drawn from the UN CRPD. Codes are stable: cycles on copies
 * of this framework stay comparable. Never change an existing code or original wording here.
 */
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION, type FrameworkJson, type FrameworkJsonNode } from '../../shared/framework-json';

export const RIGHTSCITIES_KEY = 'rightscities-pilot';

type Entry = [code: string, original: string, explanation: string];

function part(code: string, original: string, explanation: string): FrameworkJsonNode {
	return { code, kind: 'part', parent: null, original, local: null, explanation, internalOnly: false, hidden: false };
}

/** A section with its items; item codes are `<section>.<n>` in the order given. */
function section(parent: string, [code, original, explanation]: Entry, items: [string, string][]): FrameworkJsonNode[] {
	return [
		{ code, kind: 'section', parent, original, local: null, explanation, internalOnly: false, hidden: false },
		...items.map(([text, plain], i): FrameworkJsonNode => ({
			code: `${code}.${i + 1}`,
			kind: 'item',
			parent: code,
			original: text,
			local: null,
			explanation: plain,
			internalOnly: false,
			hidden: false
		}))
	];
}

const PART_1: FrameworkJsonNode[] = [
	part('P1', 'Governance conditions', 'How the city is set up to respect, protect and fulfil human rights: its commitments, its structures and its tools.'),
	...section('P1', ['P1.F', 'Foundations', 'What the city has committed itself to.'], [
		['Commit to the rights in the EU Charter of Fundamental Rights and EU law.', 'The city has said, in an official decision, that it will respect the rights in the EU Charter and EU law.'],
		['Commit to international human rights standards.', 'The city has said it follows the human rights treaties its country has signed, such as the UN conventions.'],
		['Commit to the UN Sustainable Development Goals (2030 Agenda).', 'The city links its plans to the UN goals for 2030, such as ending poverty and reducing inequality.'],
		['Commit to contribute to international monitoring mechanisms.', 'The city shares information with international bodies that check how rights are respected.']
	]),
	...section('P1', ['P1.S', 'Structures', 'The mechanisms and procedures the city has set up.'], [
		['A declaration of the city’s human rights commitment.', 'The city council has adopted a public statement that the city is committed to human rights.'],
		['An elected representative for human rights.', 'A member of the council or the city government is responsible for human rights.'],
		['A human rights office or department.', 'There is a team in the city administration whose job is human rights.'],
		['A consultative participatory human rights council.', 'Residents and organisations meet in a council that advises the city on human rights.'],
		['An anti-discrimination office or local ombudsperson.', 'People can go to an independent office with complaints about discrimination or unfair treatment by the city.']
	]),
	...section('P1', ['P1.T', 'Tools', 'The methods and resources the city uses.'], [
		['A human-rights-based approach across the city.', 'Every department checks how its work affects people’s rights, and involves the people concerned.'],
		['Human rights in the general budget.', 'The city budget shows how money is spent on rights, and who benefits.'],
		['Local action plans.', 'The city has written plans with concrete steps, deadlines and people responsible for improving rights.']
	])
];

const PART_2: FrameworkJsonNode[] = [
	part('P2', 'Rights of persons with disabilities', 'EU Charter of Fundamental Rights, Article 26, read through the UN Convention on the Rights of Persons with Disabilities (CRPD).'),
	...section('P2', ['P2.W', 'Work and employment', 'UN CRPD Article 27: the right to work on an equal basis with others.'], [
		['The city as employer recruits, hires and promotes persons with disabilities on an equal basis with others.', 'Disabled people have the same chance to get a job at the city, and to move up, as everyone else.'],
		['City employees with disabilities get reasonable accommodation at work.', 'If a worker needs a change, such as other hours, a ramp or special software, the city provides it.'],
		['Vocational training, job placement and return-to-work services are accessible to persons with disabilities.', 'Courses and job services of the city can be used by disabled people, and help them find or keep work.'],
		['The city promotes employment of persons with disabilities in the open labour market, including through public procurement.', 'The city helps disabled people get ordinary jobs, for example by asking its suppliers to employ them.'],
		['Persons with disabilities are protected from discrimination and harassment at work, with accessible ways to complain.', 'Nobody may be treated badly at work because of a disability, and there is an easy way to report it.']
	]),
	...section('P2', ['P2.H', 'Housing', 'UN CRPD Article 19 (living independently and being included in the community) and Article 28 (adequate standard of living).'], [
		['Persons with disabilities choose where and with whom they live, and are not obliged to live in a particular living arrangement.', 'Disabled people decide for themselves where they live and with whom, like everyone else.'],
		['Public and social housing is accessible, and new housing follows universal design.', 'City homes can be entered and used by people with different disabilities, and new homes are built that way.'],
		['Support services in the community, including personal assistance, make independent living possible.', 'People get the help they need at home and in their neighbourhood, so they do not have to move into an institution.'],
		['Persons with disabilities have equal access to public housing programmes and housing benefits.', 'Disabled people can apply for city housing and housing money on the same terms as others.'],
		['Housing rules and procedures respect the autonomy and dignity of tenants with disabilities.', 'Rules for tenants, and what the city does when there are problems at home, respect the person’s own choices and dignity.']
	]),
	...section('P2', ['P2.P', 'Political, democratic and community participation', 'UN CRPD Article 29: participation in political and public life.'], [
		['Voting procedures, polling stations and election materials are accessible and easy to understand.', 'Disabled people can get into the polling station, use the ballot and understand the information.'],
		['Persons with disabilities vote by secret ballot, with assistance of their own choice when they ask for it.', 'Nobody sees how a disabled person votes, and they choose who helps them if they need help.'],
		['Organisations of persons with disabilities are consulted on city decisions that affect them.', 'The city asks groups of disabled people for their views before it decides on things that concern them.'],
		['City meetings, consultations and information are accessible (venues, sign language, easy-to-read texts, websites).', 'Everyone can take part in city meetings and understand city information, in a form that works for them.'],
		['Persons with disabilities can stand for election and hold public office in the city.', 'Disabled people can become council members or hold other city posts, with the support they need.']
	])
];

/** The built-in framework; coordinators copy it into their organisation and adapt the copy. */
export const RIGHTSCITIES_PILOT: FrameworkJson = {
	format: FRAMEWORK_FORMAT,
	version: FRAMEWORK_FORMAT_VERSION,
	name: 'RIGHTSCITIES pilot framework',
	description:
		'Part 1: governance conditions (foundations, structures, tools). Part 2: rights of persons with disabilities (work and employment; housing; political, democratic and community participation). A starting point: add the missing action points and adapt the wording to your city.',
	nodes: [...PART_1, ...PART_2]
};
