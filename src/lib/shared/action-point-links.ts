/** What an action point may link to, as the server offers it to the editor: ids with labels only. */
export interface LinkOption {
	id: string;
	label: string;
}

export interface ActionPointLinks {
	findings: LinkOption[];
	caseStudies: LinkOption[];
}
