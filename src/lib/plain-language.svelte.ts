/**
 * The participant's "Plain language" choice: off by default, remembered on this device only
 * (localStorage), never sent to the server. Shared by every view that has a plain version of a text.
 */
const STORAGE_KEY = 'rightsboard.plain-language';

class PlainLanguage {
	#on = $state(false);

	/** Whether plain versions are shown where they exist. */
	get on(): boolean {
		return this.#on;
	}

	/** Reads the device's choice; call once the page runs in the browser (not during server rendering). */
	restore(): void {
		try {
			this.#on = localStorage.getItem(STORAGE_KEY) === 'on';
		} catch {
			// Storage blocked (private mode, policy): the choice lasts for this page only.
		}
	}

	set(on: boolean): void {
		this.#on = on;
		try {
			if (on) localStorage.setItem(STORAGE_KEY, 'on');
			else localStorage.removeItem(STORAGE_KEY);
		} catch {
			// As above: nothing to remember it in.
		}
	}

	toggle(): void {
		this.set(!this.#on);
	}
}

export const plainLanguage = new PlainLanguage();

/** The text to show: the plain version when plain language is on and one exists, else the original. */
export function plainOr(original: string, plain: string | null | undefined, on: boolean): { text: string; isPlain: boolean } {
	const usable = typeof plain === 'string' && plain.trim() !== '';
	return on && usable ? { text: plain, isPlain: true } : { text: original, isPlain: false };
}
