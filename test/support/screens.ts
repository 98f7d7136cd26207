import type { Page } from 'playwright-core';
import type { Settings } from '../../contract/index.js';

/** Settings for walking the screens: an answer is needed, not a good one — a few greedy tokens. */
export const SHORT_ANSWERS: Partial<Settings> = {
  threads: 1,
  contextSize: 1024,
  defaultSampling: { temperature: 0, topP: 1, maxTokens: 24, seed: 1 },
};

/** Each main screen: how to reach it from the chat, and how to leave it (Esc closes dialogs). */
export interface Screen {
  name: string;
  open(page: Page): Promise<void>;
  close?(page: Page): Promise<void>;
}

const closeDialog = async (page: Page) => {
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
};

export const MAIN_SCREENS: Screen[] = [
  { name: 'chat with an answer', open: async () => undefined },
  {
    name: 'search results',
    open: async (page) => {
      await page.getByTestId('conversation-search').fill('hello');
      await page.locator('.search-results[aria-busy="false"]').waitFor();
    },
    close: async (page) => {
      await page.getByTestId('conversation-search').fill('');
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.getByTestId('settings-button').click();
      await page.locator('dialog[open]').waitFor();
    },
    close: closeDialog,
  },
  {
    name: 'conversation settings',
    open: async (page) => {
      await page.getByTestId('conversation-settings-button').click();
      await page.locator('dialog[open]').waitFor();
    },
    close: closeDialog,
  },
  ...(['installed', 'catalog', 'downloads'] as const).map((tab): Screen => ({
    name: `models: ${tab}`,
    open: async (page) => {
      await page.getByTestId('open-library').click();
      await page.getByTestId('library-dialog').waitFor();
      await page.getByTestId(`library-tab-${tab}`).click();
      if (tab === 'installed') await page.getByTestId('fit-verdict').waitFor({ timeout: 120_000 });
      if (tab === 'catalog') await page.getByTestId('catalog-entry').first().waitFor();
    },
    close: closeDialog,
  })),
  {
    name: 'keyboard shortcuts',
    open: async (page) => {
      await page.getByTestId('open-shortcuts').click();
      await page.getByTestId('shortcut').first().waitFor();
    },
    close: closeDialog,
  },
  {
    name: 'export',
    open: async (page) => {
      await page.getByTestId('export-conversation-button').click();
      await page.getByTestId('export-format').waitFor();
    },
    close: closeDialog,
  },
  {
    name: 'documents',
    open: async (page) => {
      await page.getByTestId('open-documents').click();
      await page.locator('dialog[open]').waitFor();
    },
    close: closeDialog,
  },
];

/**
 * From the new-chat screen: a conversation on `modelId` with one finished answer to "hello there"
 * (search for "hello" then finds it).
 */
export async function openChatWithAnswer(page: Page, modelId: string): Promise<void> {
  await page.getByTestId('new-conversation').click();
  await page.getByTestId('model-picker').selectOption(modelId);
  await page.getByTestId('composer-input').fill('hello there');
  await page.getByTestId('composer-input').press('Enter');
  await page.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').waitFor({
    timeout: 120_000,
  });
}
