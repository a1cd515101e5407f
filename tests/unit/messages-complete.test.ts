/**
 * Every language the project lists has every message of the base language, with the same
 * placeholders and the plural cases its grammar needs; and no language keeps stale keys.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIR = resolve(import.meta.dirname, '../../src/lib/i18n');
const settings = JSON.parse(readFileSync(join(DIR, 'project.inlang/settings.json'), 'utf8')) as {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const patterns = settings['plugin.inlang.messageFormat'].pathPattern;
type Messages = Record<string, unknown>;

const read = (pattern: string, locale: string): Messages | null => {
	const path = join(DIR, pattern.replace('{locale}', locale));
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Messages) : null;
};
const placeholders = (value: unknown) => [...new Set(JSON.stringify(value).match(/\{[a-zA-Z_]+\}/g) ?? [])].sort();

/** Problems of one locale's messages against the base language's. */
export function problemsOf(base: Messages, messages: Messages | null, locale: string): string[] {
	if (!messages) return ['file missing'];
	const out: string[] = [];
	const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
	for (const [key, value] of Object.entries(base)) {
		if (key === '$schema') continue;
		const own = messages[key];
		if (own === undefined) {
			out.push(`${key}: missing`);
			continue;
		}
		if (typeof own === 'string' && own.trim() === '') out.push(`${key}: empty`);
		if (placeholders(own).join() !== placeholders(value).join()) out.push(`${key}: placeholders ${placeholders(own).join()} ≠ ${placeholders(value).join()}`);
		if (Array.isArray(value) !== Array.isArray(own)) out.push(`${key}: shape differs from ${settings.baseLocale}`);
		if (Array.isArray(own)) {
			for (const variant of own as { match?: Record<string, string> }[]) {
				const cases = Object.keys(variant.match ?? {});
				for (const c of categories) if (!cases.some((k) => k.endsWith(`=${c}`))) out.push(`${key}: plural case "${c}" missing`);
			}
		}
	}
	for (const key of Object.keys(messages)) if (key !== '$schema' && !(key in base)) out.push(`${key}: not in ${settings.baseLocale}`);
	return out;
}

describe('message catalogue', () => {
	it('lists the five languages', () => {
		expect([...settings.locales].sort()).toEqual(['de', 'en', 'nl', 'pl', 'sv']);
	});

	for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
		it(`is complete in ${locale}`, () => {
			const problems = patterns.flatMap((p) => problemsOf(read(p, settings.baseLocale)!, read(p, locale), locale).map((issue) => `${p.replace('{locale}', locale)} ${issue}`));
			expect(problems).toEqual([]);
		});
	}

	it('would catch a missing message, a lost placeholder and a missing Polish plural case', () => {
		const base = { a: 'Hi {name}', b: [{ declarations: [], selectors: [], match: { 'n=one': 'x', 'n=other': 'y' } }] };
		expect(problemsOf(base, { a: 'Cześć' }, 'pl')).toEqual(['a: placeholders  ≠ {name}', 'b: missing']);
		expect(problemsOf(base, { a: 'Cześć {name}', b: [{ match: { 'n=one': 'x', 'n=other': 'y' } }] }, 'pl')).toEqual([
			'b: plural case "few" missing',
			'b: plural case "many" missing'
		]);
	});
});
