/**
 * Debian's Chromium driven by playwright-core (no browser download). playwright-core gives every
 * launch a fresh temporary profile and removes it on close, so runs never share cookies or caches.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Launches headless Chromium; fails with a hint when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
