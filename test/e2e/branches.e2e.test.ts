import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

const messages = (page: Page, role?: 'user' | 'assistant') =>
  page.locator(role ? `[data-testid="message"][data-role="${role}"]` : '[data-testid="message"]');

/** Waits until the conversation shows `count` messages and none is streaming. */
async function settled(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } };
      return (
        document.querySelectorAll('[data-testid="message"]').length === expected &&
        document.querySelectorAll('[data-testid="message"][data-status="streaming"]').length === 0
      );
    },
    count,
    { timeout: 60_000 },
  );
}

async function send(page: Page, text: string, expectedCount: number): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await settled(page, expectedCount);
}

describe('branches and saved states in the browser', () => {
  test('resume from a saved state, regenerate and edit into branches, switch between them', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 16, seed: 1 },
    });
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    await send(page, 'First question', 2);
    await send(page, 'Second question', 4);

    // A new engine process: the next answer starts from the saved state, and says so.
    await hearth.engine.shutdown();
    await send(page, 'Third question', 6);
    const resumed = messages(page, 'assistant').nth(2).getByTestId('context-source');
    assert.equal(await resumed.getAttribute('data-source'), 'state');
    assert.match(await resumed.innerText(), /Resumed from saved state/);

    // Regenerate the first answer: a second version, and the branch from there on is new.
    await messages(page, 'assistant').first().getByTestId('regenerate-button').click();
    await settled(page, 2);
    const switcher = messages(page, 'assistant').first().getByTestId('branch-switcher');
    assert.equal(await switcher.getAttribute('data-index'), '2');
    assert.equal(await switcher.getAttribute('data-count'), '2');
    assert.equal(
      await messages(page, 'assistant').first().getByTestId('context-source').getAttribute('data-source'),
      'prompt-cache',
      'nothing precedes the first question but the system prompt, whose state is cached',
    );

    // Back to the first version: the whole original branch returns.
    await switcher.getByTestId('branch-prev').click();
    await settled(page, 6);
    assert.equal(
      await messages(page, 'assistant').first().getByTestId('branch-switcher').getAttribute('data-index'),
      '1',
    );

    // Edit the second question: a new branch from there.
    const second = messages(page, 'user').nth(1);
    await second.getByTestId('edit-message').click();
    await page.getByTestId('edit-input').fill('Second question, reworded');
    await page.getByTestId('edit-input').press('Enter');
    await settled(page, 4);
    assert.match(await messages(page, 'user').nth(1).innerText(), /reworded/);
    assert.equal(await messages(page, 'user').nth(1).getByTestId('branch-switcher').getAttribute('data-count'), '2');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'branches.png'), fullPage: true });

    // Everything is in the database: after a reload the same branch is shown.
    await page.reload();
    await page.getByTestId('conversation-item').first().click();
    await settled(page, 4);
    assert.equal(await messages(page, 'user').nth(1).getByTestId('branch-switcher').getAttribute('data-index'), '2');

    // Settings shows the space the saved states take.
    await page.getByTestId('settings-button').click();
    await page.getByTestId('states-section').scrollIntoViewIfNeeded();
    assert.match(await page.getByTestId('states-usage-total').innerText(), /\d/);
    await page.screenshot({ path: join(SHOTS, 'saved-states-settings.png') });

    // Loading the last-used model at start is on by default, and the checkbox turns it off.
    const warmStart = page.getByTestId('load-model-on-start');
    assert.equal(await warmStart.isChecked(), true);
    await warmStart.uncheck();
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-save').waitFor({ state: 'detached' });
    assert.equal((await hearth.call('settings.get', {})).loadModelOnStart, false);
    assert.deepEqual(pageErrors, []);
  });
});
