/**
 * The demo's case study (Gdańsk style): a case-study activity on the demo agenda with its case
 * written out section by section. The text goes into the case document as ProseMirror
 * paragraphs, exactly as the editor stores them.
 */
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { addActivity } from '../agenda';
import { saveCaseForActivity } from '../case-studies';
import { sectionFragment, setRightChosen } from '../../shared/case-doc';
import { isCaseSection } from '../../shared/case-study-template';
import { caseDocName } from '../../shared/protocol';
import { demoAssessmentContent as content } from './assessment';
import { m } from '../../paraglide/messages.js';
import { baseLocale } from '../../paraglide/runtime.js';

/** The case document's first state: every section's paragraphs and the rights at stake. */
export function demoCaseUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const [section, paragraphs] of Object.entries(content.caseStudy.sections)) {
			if (!isCaseSection(section)) throw new Error(`unknown case section in the demo content: ${section}`);
			sectionFragment(doc, section).insert(
				0,
				paragraphs.map((text) => {
					const paragraph = new Y.XmlElement('paragraph');
					paragraph.insert(0, [new Y.XmlText(text)]);
					return paragraph;
				})
			);
		}
		for (const id of content.caseStudy.rights) setRightChosen(doc, { id }, true);
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** Adds the case-study activity and its case; returns the case document to store. */
export async function seedDemoCase(db: Db, actorUserId: string, workshopId: string): Promise<{ doc: string; update: Uint8Array }> {
	const opts = { locale: baseLocale } as const;
	const step = await addActivity(db, actorUserId, workshopId, {
		type: 'case_study',
		title: m.demo_agenda_case_title({}, opts),
		prompt: m.demo_agenda_case_prompt({}, opts),
		plannedMinutes: 40,
		anonymity: 'role_group'
	});
	const created = await saveCaseForActivity(db, actorUserId, workshopId, step.id, content.caseStudy.title);
	return { doc: caseDocName(workshopId, created.id), update: demoCaseUpdate() };
}
