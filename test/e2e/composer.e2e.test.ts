import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();

const REFUSED = 'Wait for the answer to finish, or stop it';

/** The little of the DOM the in-page code uses (the Node-side tsconfig has no DOM types). */
interface PageWindow {
  document: {
    querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null;
  };
  DataTransfer: new () => { setData(type: string, text: string): void };
  ClipboardEvent: new (
    type: string,
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean },
  ) => unknown;
}

/** Pastes `length` characters into a field, as Ctrl+V of that much text would. */
async function paste(page: Page, length: number, field = 'composer-input'): Promise<void> {
  await page.evaluate(
    ([count, testId]) => {
      const { document, DataTransfer, ClipboardEvent } = globalThis as unknown as PageWindow;
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(count));
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector(`[data-testid="${testId}"]`)?.dispatchEvent(event);
    },
    [length, field] as const,
  );
}

const messages = (page: Page) => page.locator('[data-testid="message"]');

describe('the composer in the browser (web host, real engine, headless Chromium)', () => {
  test('drafts stay with their conversation; a send refused while answering says why, whoever refused it', async () => {
    // Long answers, so that one is still streaming while the user types the next message.
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      contextSize: 4096,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 3000, seed: 1 },
    });
    const input = page.getByTestId('composer-input');
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    await input.fill('First question');
    await input.press('Enter');
    await page.locator('[data-testid="message"][data-status="streaming"]').waitFor();
    const first = await page.locator('[data-testid="conversation-item"][data-active="true"]').getAttribute('data-id');

    // Enter while the answer streams: nothing is sent, the text stays, and the composer says why.
    await input.fill('Draft of the first chat');
    await input.press('Enter');
    assert.equal(await page.getByTestId('composer-notice').innerText(), REFUSED);
    assert.equal(await input.inputValue(), 'Draft of the first chat');
    assert.equal(await messages(page).count(), 2);

    // Another conversation starts empty, keeps its own draft, and the first one's comes back with it.
    await page.getByTestId('new-conversation').click();
    await page.waitForFunction((id) => {
      const { document } = globalThis as unknown as {
        document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
      };
      const active = document.querySelector('[data-testid="conversation-item"][data-active="true"]');
      return active !== null && active.getAttribute('data-id') !== id;
    }, first);
    assert.equal(await input.inputValue(), '', 'a new conversation starts with an empty composer');
    assert.equal(await page.getByTestId('composer-notice').count(), 0, 'the refusal stays with its conversation');
    await input.fill('Draft of the second chat');
    await page.locator(`[data-testid="conversation-item"][data-id="${first}"] button`).first().click();
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as {
        document: { querySelector(s: string): { value: string } | null };
      };
      return document.querySelector('[data-testid="composer-input"]')?.value === 'Draft of the first chat';
    });

    // Stopped: the refusal has nothing left to say, and the draft can be sent.
    await page.getByTestId('stop-button').click();
    await page.locator('[data-testid="message"][data-status="interrupted"]').waitFor();
    await page.getByTestId('composer-notice').waitFor({ state: 'detached' });

    // Main refuses too, when another window is answering here and this one has not heard yet:
    // its 'busy' error is said at the composer, and the text is kept.
    const conversationId = first ?? '';
    let deaf = true;
    await page.routeWebSocket(/./, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((frame) => server.send(frame));
      server.onMessage((frame) => {
        // This window does not hear about the other window's answer.
        if (deaf && typeof frame === 'string' && /"type":"event"/.test(frame) && frame.includes(conversationId)) return;
        socket.send(frame);
      });
    });
    await page.reload();
    await page.locator(`[data-testid="conversation-item"][data-id="${first}"] button`).first().click();
    await page.locator('[data-testid="message"]').nth(1).waitFor();
    await hearth.call('chat.send', { conversationId, content: 'From another window' });
    await input.fill('Sent while the other window answers');
    await input.press('Enter');
    assert.match(await page.getByTestId('composer-notice').innerText(), /still being written/);
    assert.equal(await input.inputValue(), 'Sent while the other window answers');
    assert.equal(await page.getByTestId('banner').count(), 0, 'said at the composer, not in a banner');
    deaf = false;
    await hearth.call('chat.stop', { conversationId });
    assert.deepEqual(pageErrors, []);
  });

  test('a paste past the limit is cut and says so; a counter shows near the limit', async () => {
    const { page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
    });
    const input = page.getByTestId('composer-input');
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);

    await input.fill('x'.repeat(198_000));
    assert.equal(await page.getByTestId('composer-counter').innerText(), '198,000 / 200,000');
    await input.fill('short');
    assert.equal(await page.getByTestId('composer-counter').count(), 0, 'no counter far from the limit');

    // A 1 MiB paste after "short": cut to what fits, and the composer says so.
    await input.focus();
    await input.press('End');
    await paste(page, 1024 * 1024);
    await page.getByTestId('composer-notice').waitFor();
    assert.equal(await page.getByTestId('composer-notice').innerText(), 'The paste was cut to 200,000 characters');
    assert.equal((await input.inputValue()).length, 200_000);
    assert.ok((await input.inputValue()).startsWith('short'));
    assert.equal(await page.getByTestId('composer-counter').innerText(), '200,000 / 200,000');
    // Typing on (here: deleting) ends the notice: it was about that paste.
    await input.press('Backspace');
    await page.getByTestId('composer-notice').waitFor({ state: 'detached' });

    // Editing a sent question has the same limit, and says so too.
    await input.fill('A question');
    await input.press('Enter');
    await page.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').waitFor();
    await page.getByTestId('edit-message').click();
    await paste(page, 1024 * 1024, 'edit-input');
    await page.getByText('The paste was cut to 200,000 characters').waitFor();
    assert.equal(await page.getByTestId('edit-hint').innerText(), 'The paste was cut to 200,000 characters');
    assert.equal((await page.getByTestId('edit-input').inputValue()).length, 200_000);
    assert.deepEqual(pageErrors, []);
  });
});
