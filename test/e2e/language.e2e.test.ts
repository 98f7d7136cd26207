import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { en, zhCN } from '../../contract/i18n/index.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

const waitForLang = (page: Page, lang: string) => page.waitForSelector(`html[lang="${lang}"]`, { state: 'attached' });

/** Opens Settings and waits for its title in the language expected. */
async function openSettings(page: Page, title: string) {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-dialog').getByRole('heading', { name: title, exact: true }).waitFor();
}

/** A new conversation made through the UI, and the system prompt its settings dialog shows. */
async function newConversationPrompt(page: Page): Promise<string> {
  await page.getByTestId('new-conversation').click();
  await page.waitForSelector('[data-testid="conversation-settings-button"]:not([disabled])');
  await page.getByTestId('conversation-settings-button').click();
  const prompt = await page.getByTestId('conversation-system-prompt').inputValue();
  await page.keyboard.press('Escape');
  await page.getByTestId('conversation-settings-dialog').waitFor({ state: 'detached' });
  return prompt;
}

describe('the UI language in the browser', () => {
  test('a Chinese system starts Hearth in Chinese, and new conversations get the Chinese built-in prompt', async () => {
    const { hearth, page, pageErrors } = await openInBrowser(
      forged.paths.llama,
      { language: 'system' },
      { locale: 'zh-CN' },
    );
    await waitForLang(page, 'zh-CN');
    await openSettings(page, zhCN.settings.title);
    const select = page.getByTestId('language-select');
    assert.equal(await select.inputValue(), 'system');
    assert.equal(
      (await select.locator('option:checked').innerText()).trim(),
      zhCN.settings.languageSystem.replace('{{language}}', '简体中文'),
    );
    await page.getByTestId('hardware-section').scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'settings-zh-CN.png'), fullPage: true });
    await page.keyboard.press('Escape');

    assert.equal(await newConversationPrompt(page), zhCN.prompts.defaultSystemPrompt);

    // A prompt the user wrote is theirs, whatever the UI's language.
    await hearth.call('settings.update', { defaultSystemPrompt: 'Answer in one short line.' });
    assert.equal(await newConversationPrompt(page), 'Answer in one short line.');
    assert.deepEqual(pageErrors, []);
  });

  test('choosing 简体中文 switches the UI at once and survives a reload; English switches back', async () => {
    const { hearth, page, pageErrors } = await openInBrowser(forged.paths.llama, { language: 'system' });
    await waitForLang(page, 'en');
    await openSettings(page, en.settings.title);

    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.getByTestId('settings-save').click();
    await waitForLang(page, 'zh-CN');
    await openSettings(page, zhCN.settings.title);
    assert.equal((await hearth.call('settings.get', {})).language, 'zh-CN');
    await page.keyboard.press('Escape');

    await page.reload();
    await waitForLang(page, 'zh-CN');
    await openSettings(page, zhCN.settings.title);

    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId('settings-save').click();
    await waitForLang(page, 'en');
    await openSettings(page, en.settings.title);
    assert.equal((await hearth.call('settings.get', {})).language, 'en');
    assert.deepEqual(pageErrors, []);
  });
});
