/** Random identifiers and tokens from the platform CSPRNG, base32-encoded (lowercase, no padding). */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

function random(bytes: number): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

/** A 120-bit random id (24 base32 characters), used for rows and document names. */
export function newId(): string {
	return random(15);
}

/** A 160-bit random secret (32 base32 characters), for session and join tokens. */
export function newToken(): string {
	return random(20);
}
