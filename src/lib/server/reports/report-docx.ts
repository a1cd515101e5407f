/**
 * The report outline as a Word document (docx package): headings as Word headings, lists as
 * bullets, tables with a caption paragraph and a repeated header row.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportBlock } from '../../reports/report-outline';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** Text runs keeping the line breaks written in a case study. */
function runs(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
	return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function cell(text: string, header: boolean): TableCell {
	return new TableCell({ children: [new Paragraph({ children: runs(text, { bold: header }) })] });
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): (Paragraph | Table)[] {
	const head = new TableRow({ tableHeader: true, children: block.head.map((t) => cell(t, true)) });
	const rows = block.rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i === 0)) }));
	return [
		new Paragraph({ style: 'Caption', keepNext: true, children: runs(block.caption, { bold: true }) }),
		new Table({ rows: [head, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
		new Paragraph({ children: [] })
	];
}

function toDocx(block: ReportBlock): (Paragraph | Table)[] {
	switch (block.kind) {
		case 'heading':
			return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.text) })];
		case 'paragraph':
			return [new Paragraph({ children: runs(block.text, { italics: block.note }) })];
		case 'list':
			return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
		case 'table':
			return table(block);
	}
}

/** The .docx file's bytes. */
export async function reportDocx(blocks: ReportBlock[], meta: { title: string }): Promise<Buffer> {
	const doc = new Document({
		title: meta.title,
		creator: 'Rightsboard',
		sections: [{ children: blocks.flatMap(toDocx) }]
	});
	return Packer.toBuffer(doc);
}

/** A file name from the workshop title: letters, digits and dashes only, never empty. */
export function reportFileName(title: string): string {
	const base = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return `${base || 'workshop'}-report.docx`;
}
