/**
 * A case study as reactive state: its title, contributors per section and the organisation's own
 * rights (from the read-only control document), and the rights chosen in the case document.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { observeCaseControl, readCaseContributors, readCaseTitle, readCustomRights, type CustomRightOption, type SectionContributors } from '../shared/case-control';
import { observeRights, readRights, setRightChosen } from '../shared/case-doc';
import type { ChosenRight } from '../shared/rights-list';

export class CaseView {
	readonly #control: Y.Doc;
	readonly #doc: Y.Doc;
	readonly #caseStudyId: string;
	readonly #subscribeControl: () => void;
	readonly #subscribeDoc: () => void;

	constructor(control: Y.Doc, doc: Y.Doc, caseStudyId: string) {
		this.#control = control;
		this.#doc = doc;
		this.#caseStudyId = caseStudyId;
		this.#subscribeControl = createSubscriber((update) => observeCaseControl(control, update));
		this.#subscribeDoc = createSubscriber((update) => observeRights(doc, update));
	}

	get title(): string | null {
		this.#subscribeControl();
		return readCaseTitle(this.#control, this.#caseStudyId);
	}

	get contributors(): SectionContributors {
		this.#subscribeControl();
		return readCaseContributors(this.#control, this.#caseStudyId);
	}

	get customRights(): CustomRightOption[] {
		this.#subscribeControl();
		return readCustomRights(this.#control);
	}

	get rights(): ChosenRight[] {
		this.#subscribeDoc();
		return readRights(this.#doc);
	}

	choose(right: ChosenRight, chosen: boolean): void {
		setRightChosen(this.#doc, right, chosen);
	}
}
