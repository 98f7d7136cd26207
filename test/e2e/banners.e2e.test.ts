import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();

const activeId = (page: Page) =>
  page.locator('[data-testid="conversation-item"][data-active="true"]').getAttribute('data-id');

/** Starts a conversation from the sidebar and waits until it is the open one; returns its id. */
async function newConversation(page: Page): Promise<string> {
  const before = (await page.getByTestId('conversation-item').count()) > 0 ? await activeId(page) : null;
  await page.getByTestId('new-conversation').click();
  await page.waitForFunction((previous) => {
    const { document } = globalThis as unknown as {
      document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
    };
    const id = document.querySelector('[data-testid="conversation-item"][data-active="true"]')?.getAttribute('data-id');
    return id != null && id !== previous;
  }, before);
  return (await activeId(page)) ?? '';
}

async function open(page: Page, conversationId: string): Promise<void> {
  await page.locator(`[data-testid="conversation-item"][data-id="${conversationId}"] button`).first().click();
  await page.locator(`[data-testid="conversation-item"][data-id="${conversationId}"][data-active="true"]`).waitFor();
}

describe('banners in the browser (web host, real engine, headless Chromium)', () => {
  test("a conversation's banner stays with it and goes when resolved; the engine's goes when it is back", async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
    });
    // Two models and no default: a new conversation has no model until one is chosen.
    hearth.addModel(forged.paths.rwkv7, 'second-model.gguf');
    await page.reload();
    const first = await newConversation(page);
    await page.getByTestId('composer-input').fill('Hello');
    await page.getByTestId('composer-input').press('Enter');
    const noModel = page.locator('[data-testid="banner"][data-kind="no_model"]');
    await noModel.waitFor();
    assert.equal(await noModel.innerText(), 'Choose a model for this conversation first.');
    assert.equal(await noModel.getAttribute('data-conversation-id'), first);

    // Not in another conversation; back with its own. (New chat would open the first one again:
    // its message was refused, so it is still unused.)
    const other = await hearth.call('conversations.create', { title: 'Another chat' });
    await page.locator(`[data-testid="conversation-item"][data-id="${other.id}"]`).waitFor();
    await open(page, other.id);
    assert.equal(await page.getByTestId('banner').count(), 0, 'the banner does not follow into a new chat');
    await open(page, first);
    await noModel.waitFor();

    // Choosing a model resolves it.
    await page.getByTestId('model-picker').selectOption(modelId);
    await noModel.waitFor({ state: 'detached' });

    // An engine crash is said app-wide, and unsaid once the engine is back.
    await page.getByTestId('composer-input').fill('Hello');
    await page.getByTestId('composer-input').press('Enter');
    await page.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').waitFor();
    const pid = hearth.engine.status.pid;
    assert.ok(pid, 'the engine runs');
    process.kill(pid, 'SIGKILL');
    const crashed = page.locator('[data-testid="banner"][data-kind="notices:engineCrashed"]');
    await crashed.waitFor();
    assert.match(await crashed.innerText(), /Engine stopped/);
    await page.getByTestId('composer-input').fill('Again');
    await page.getByTestId('composer-input').press('Enter');
    await crashed.waitFor({ state: 'detached' });
    await page.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').nth(1).waitFor();
    assert.equal(await page.getByTestId('banner').count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
