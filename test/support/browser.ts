import { after } from 'node:test';
import { type Browser, chromium } from 'playwright-core';

/** The flags Debian's Chromium needs here: headless, as root, and with no traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

/** Real headless Chromium, closed when the test file ends. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  after(() => browser.close());
  return browser;
}
