/** Reading what a person would read out of HTML pages and DOCX files, for assertions on text. */
import { strFromU8, unzipSync } from 'fflate';

/** Text without markup, entities decoded, whitespace folded. */
export function plain(markup: string): string {
	return markup
		.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

/** The raw XML of a DOCX file's main document. */
export function docxXml(bytes: Uint8Array): string {
	return strFromU8(unzipSync(bytes)['word/document.xml']!);
}

/** A DOCX file's text, paragraphs and table cells kept apart by a space. */
export function docxText(bytes: Uint8Array): string {
	return plain(docxXml(bytes).replace(/<\/w:p>|<\/w:tc>/g, ' $&'));
}
