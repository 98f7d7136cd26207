import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();

/** The little of the DOM the in-page check uses (the Node-side tsconfig has no DOM types). */
interface PageElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): { textContent: string | null } | null;
}
interface PageDocument {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
const SHOTS = join(process.cwd(), 'test-results');

describe('chat in the browser (web host, real engine, headless Chromium)', () => {
  test('send, watch tokens stream, stop, reload: the conversation is still there', async () => {
    // Long answers, so that streaming can be watched and stopped; one thread, as on this machine.
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      contextSize: 4096,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 3000, seed: 1 },
    });
    assert.equal(new URL(page.url()).search, '', 'the token left the address bar');
    await page.getByTestId('empty-state').first().waitFor();

    await page.getByTestId('new-conversation').click();
    await page.getByTestId('conversation-item').first().waitFor();
    await page.getByTestId('model-picker').selectOption(modelId);
    await page.getByTestId('composer-input').fill('Hello from Chromium');
    await page.getByTestId('composer-input').press('Enter');

    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    // Runs in the page (a function, not a string: the page's CSP forbids eval): the newest answer
    // is still streaming and already shows text.
    await page.waitForFunction(
      () => {
        const { document } = globalThis as unknown as { document: PageDocument };
        const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
        const message = answers[answers.length - 1];
        const text = message?.querySelector('[data-testid="message-content"]')?.textContent ?? '';
        return message?.getAttribute('data-status') === 'streaming' && text.length > 0;
      },
      undefined,
      { timeout: 60_000 },
    );

    await page.getByTestId('stop-button').click();
    await page.waitForSelector('[data-testid="message"][data-role="assistant"][data-status="interrupted"]', {
      timeout: 30_000,
    });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'chat-stopped.png') });

    const [conversation] = (await hearth.call('conversations.list', {})).conversations;
    assert.ok(conversation);
    const stored = await hearth.call('conversations.get', { conversationId: conversation.id });
    const storedAnswer = stored.messages.at(-1);
    assert.equal(storedAnswer?.status, 'interrupted');
    assert.equal(storedAnswer?.stopReason, 'user_stopped');
    assert.ok((storedAnswer?.content.length ?? 0) > 0, 'the streamed part was saved');
    assert.equal(stored.messages[0]?.content, 'Hello from Chromium');

    await page.reload();
    await page.getByTestId('conversation-item').first().waitFor();
    assert.equal(await page.getByTestId('conversation-item').count(), 1);
    await page.getByTestId('conversation-item').first().click();
    const userMessage = page.locator('[data-testid="message"][data-role="user"]').first();
    await userMessage.waitFor();
    assert.match(await userMessage.innerText(), /Hello from Chromium/);
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-status'), 'interrupted');
    await page.screenshot({ path: join(SHOTS, 'chat-reloaded.png') });
    assert.deepEqual(pageErrors, [], 'the page logged no errors (CSP included)');
  });
});
