import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { MAIN_SCREENS, openChatWithAnswer, SHORT_ANSWERS } from '../support/screens.js';

const forged = useForgedModels();

const THEMES = ['light', 'dark'] as const;

async function setTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.evaluate((value) => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { dataset: Record<string, string> } };
    };
    document.documentElement.dataset.theme = value;
  }, theme);
}

describe('accessibility (axe-core in Chromium)', () => {
  test('every main screen, in the light and the dark theme, has no axe violation', async () => {
    const { page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, SHORT_ANSWERS);
    await page.setViewportSize({ width: 1280, height: 900 });
    const found: string[] = [];

    // The new-chat screen, before any conversation.
    await page.getByTestId('empty-state').first().waitFor();
    for (const theme of THEMES) {
      await setTheme(page, theme);
      for (const violation of await axeViolations(page)) found.push(`[new chat, ${theme}] ${violation}`);
    }

    // A conversation with a finished answer.
    await openChatWithAnswer(page, modelId);

    for (const theme of THEMES) {
      await setTheme(page, theme);
      for (const screen of MAIN_SCREENS) {
        await screen.open(page);
        for (const violation of await axeViolations(page)) found.push(`[${screen.name}, ${theme}] ${violation}`);
        await screen.close?.(page);
      }
    }
    assert.deepEqual(found, [], `axe found:\n${found.join('\n')}`);
    assert.deepEqual(pageErrors, []);
  });

  test('the first-run screen (no model yet) has no axe violation in either theme', async () => {
    const { page, pageErrors } = await openInBrowser(null, {});
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('first-run-recommendation').waitFor({ timeout: 120_000 });
    const found: string[] = [];
    for (const theme of THEMES) {
      await setTheme(page, theme);
      for (const violation of await axeViolations(page)) found.push(`[first run, ${theme}] ${violation}`);
    }
    assert.deepEqual(found, [], `axe found:\n${found.join('\n')}`);
    assert.deepEqual(pageErrors, []);
  });
});
