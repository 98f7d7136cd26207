import { after } from 'node:test';
import type { Page } from 'playwright-core';
import type { Settings } from '../../contract/index.js';
import type { HearthOptions } from '../../main/app/createHearth.js';
import { rendererDir } from '../../main/web/rendererDir.js';
import { WebHost } from '../../main/web/WebHost.js';
import { launchChromium } from './browser.js';
import { startHearth, type TestHearth } from './startHearth.js';

export interface BrowserSession {
  hearth: TestHearth;
  host: WebHost;
  page: Page;
  modelId: string;
  /** Uncaught page errors and console errors (CSP violations among them). */
  pageErrors: string[];
}

/**
 * A real Hearth with one model, served by the real web host, opened in headless Chromium with
 * this launch's token. Everything is closed when the test file ends.
 */
export async function openInBrowser(
  modelPath: string | null,
  settings: Partial<Settings>,
  { locale = 'en-US', hearth: options = {} }: { locale?: string; hearth?: Partial<HearthOptions> } = {},
): Promise<BrowserSession> {
  const hearth = startHearth(options);
  // null: no model at all (a first run); modelId is then ''.
  const modelId = modelPath === null ? '' : hearth.addModel(modelPath, 'forged-model.gguf');
  await hearth.call('settings.update', settings);
  const host = new WebHost({ hearth, staticDir: rendererDir(), port: 0 });
  await host.start();
  after(() => host.close());
  const browser = await launchChromium();
  // The page's languages are the test's, not the machine's: the UI follows them (language: system).
  const page = await browser.newPage({ locale });
  // Waits are for events (an element appearing); their deadlines are only safety nets against a
  // hang, so they are generous: a loaded 2-core machine may take far longer than a laptop.
  page.setDefaultTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(host.url);
  return { hearth, host, page, modelId, pageErrors };
}
