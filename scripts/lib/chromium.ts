/**
 * The browser the e2e tests and Lighthouse drive. Playwright cannot download its own browser on
 * our machines (no internet), so Debian's Chromium is used where it is installed;
 * CHROMIUM_PATH overrides, and elsewhere the tools fall back to their own browser.
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  return process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Headless-friendly flags; without the networking ones Chromium tries to reach Google's hosts. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
