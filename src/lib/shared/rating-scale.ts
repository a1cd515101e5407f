/**
 * The rating scale of an assessment cycle. A cycle stores its own scale as JSON (`{ key, label }`
 * items); an empty list means the default scale below, whose labels are translated by key.
 */
export const DEFAULT_RATING_KEYS = ['in_place', 'partly_in_place', 'not_in_place', 'dont_know'] as const;

export interface RatingOption {
	key: string;
	/** Empty for the default options: screens show the translated label for the key. */
	label: string;
}

export const RATING_KEY_PATTERN = /^[a-z0-9_]{1,40}$/;

/** A cycle's stored scale, or the default scale when it is empty or malformed. */
export function parseRatingScale(json: string | null | undefined): RatingOption[] {
	try {
		const parsed: unknown = JSON.parse(json ?? '[]');
		if (Array.isArray(parsed) && parsed.length > 0) {
			const items = parsed.filter(
				(o): o is RatingOption => !!o && typeof o.key === 'string' && RATING_KEY_PATTERN.test(o.key) && typeof o.label === 'string'
			);
			if (items.length === parsed.length) return items;
		}
	} catch {
		// fall through to the default
	}
	return DEFAULT_RATING_KEYS.map((key) => ({ key, label: '' }));
}
