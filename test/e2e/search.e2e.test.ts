import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

/** The little of the DOM the in-page functions use (the Node-side tsconfig has no DOM types). */
interface PageElement {
  id: string;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    addEventListener(type: string, listener: (event: { target: PageElement }) => void, capture: boolean): void;
  };
  revealedIds?: string[];
}

const complete = { status: 'complete', stopReason: 'end_of_turn', detail: null, stats: null, context: null } as const;

/**
 * Types `query` into the search box and waits until the results shown are the answer to it
 * (aria-busy false) with the status line `status`; returns the results.
 */
async function search(page: Page, query: string, status: string) {
  await page.getByTestId('conversation-search').fill(query);
  await page.locator('.search-results[aria-busy="false"]').waitFor();
  await page.waitForFunction((expected) => {
    const { document } = globalThis as unknown as {
      document: { querySelector(s: string): { textContent: string | null } | null };
    };
    return document.querySelector('[data-testid="search-status"]')?.textContent === expected;
  }, status);
  return page.getByTestId('search-hit');
}

describe('conversation search in the browser', () => {
  test('Ctrl+K, English and Chinese, a hit on an inactive branch opens that branch, Esc, no match', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {});
    // Conversations written straight into the database, as earlier sessions would have left them:
    // this test is about finding messages, not about generating them.
    const store = new ConversationStore(hearth.db);
    const exchange = (conversationId: string, parentId: string | null, question: string, answer: string) => {
      const { user, assistant } = store.appendExchange(conversationId, parentId, question, modelId);
      store.finish(assistant.id, { ...complete, content: answer });
      return { userId: user.id, answerId: assistant.id };
    };
    const fire = store.create({ title: 'Fireplace', modelId, systemPrompt: '' });
    const fireplace = exchange(fire.id, null, 'How do I light the fireplace safely?', 'Open the flue first.');
    const weather = store.create({ title: 'Weather', modelId, systemPrompt: '' });
    const beijing = exchange(weather.id, null, '今天北京的天气怎么样？', '晴，二十度。');
    // The second answer mentions marmalade; its question is then edited, so that answer is left on
    // the old branch only. The old branch goes on long enough that the answer is out of view when
    // the branch opens at its end: it has to be scrolled to.
    const kitchen = store.create({ title: 'Kitchen', modelId, systemPrompt: '' });
    const first = exchange(kitchen.id, null, 'What is for breakfast?', 'Toast.');
    const marmalade = exchange(kitchen.id, first.answerId, 'And on the toast?', 'Orange marmalade, thickly spread.');
    let end = marmalade.answerId;
    for (let turn = 1; turn <= 12; turn++) {
      end = exchange(kitchen.id, end, `Question ${turn}`, `Answer ${turn}: ${'lorem ipsum '.repeat(60)}`).answerId;
    }
    const edited = exchange(kitchen.id, first.answerId, 'And to drink?', 'Tea.');
    const before = await hearth.call('conversations.get', { conversationId: kitchen.id });
    assert.deepEqual(
      before.messages.map((message) => message.id),
      [first.userId, first.answerId, edited.userId, edited.answerId],
      'the marmalade answer is not on the active branch',
    );

    await page.reload();
    await page.getByTestId('conversation-item').nth(2).waitFor();
    // The app has opened the newest conversation when it focuses its composer.
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.activeElement?.id === 'composer-input';
    });

    // Ctrl+K from the composer focuses the search box.
    await page.keyboard.press('Control+K');
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.activeElement?.id === 'conversation-search';
    });

    // English: the title and the message, title first; results replace the list.
    const fireHits = await search(page, 'fireplace', '2 results');
    assert.equal(await page.getByTestId('conversation-item').count(), 0, 'the results replace the list');
    assert.equal(await fireHits.nth(0).getAttribute('data-message-id'), null, 'the title match comes first');
    assert.deepEqual(await fireHits.nth(0).locator('mark').allInnerTexts(), ['Fireplace']);
    assert.equal(await fireHits.nth(1).getAttribute('data-message-id'), fireplace.userId);
    assert.deepEqual(await fireHits.nth(1).locator('mark').allInnerTexts(), ['fireplace']);
    assert.match(await fireHits.nth(1).innerText(), /How do I light the fireplace safely\?\s*You ·/);

    // The arrows move the active result (aria-activedescendant); focus stays in the box.
    const box = page.getByTestId('conversation-search');
    assert.equal(await box.getAttribute('aria-activedescendant'), await fireHits.nth(0).getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), await fireHits.nth(1).getAttribute('id'));
    assert.equal(await fireHits.nth(1).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowDown');
    assert.equal(await fireHits.nth(1).getAttribute('aria-selected'), 'true', 'the last result stays chosen');
    await page.keyboard.press('ArrowUp');
    assert.equal(await fireHits.nth(0).getAttribute('aria-selected'), 'true');

    // Chinese: a phrase (trigram index) and two characters (below a trigram).
    const phraseHits = await search(page, '北京的天气', '1 result');
    assert.equal(await phraseHits.first().getAttribute('data-message-id'), beijing.userId);
    assert.deepEqual(await phraseHits.first().locator('mark').allInnerTexts(), ['北京的天气']);
    const shortHits = await search(page, '天气', '1 result');
    assert.equal(await shortHits.first().getAttribute('data-message-id'), beijing.userId);
    assert.deepEqual(await shortHits.first().locator('mark').allInnerTexts(), ['天气']);

    // A word only on the inactive branch: Enter opens the conversation on that branch, scrolled to
    // the answer, which is highlighted.
    const branchHits = await search(page, 'marmalade', '1 result');
    assert.equal(await branchHits.first().getAttribute('data-message-id'), marmalade.answerId);
    assert.deepEqual(await branchHits.first().locator('mark').allInnerTexts(), ['marmalade']);
    assert.match(await branchHits.first().innerText(), /Hearth ·/);
    await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      page.revealedIds = [];
      page.document.addEventListener(
        'animationstart',
        (event) => {
          const message = event.target.closest('[data-revealed="true"]');
          if (message) page.revealedIds?.push(message.getAttribute('data-id') ?? '');
        },
        true,
      );
    });
    await page.keyboard.press('Enter');
    const found = page.locator(`[data-testid="message"][data-id="${marmalade.answerId}"]`);
    await found.waitFor();
    assert.match(await found.innerText(), /Orange marmalade/);
    await page.waitForFunction(
      (id) => (globalThis as unknown as PageGlobals).revealedIds?.includes(id) === true,
      marmalade.answerId,
    );
    const view = await page.locator('.message-scroll').boundingBox();
    const shown = await found.boundingBox();
    assert.ok(view && shown, 'the chat and the message are laid out');
    assert.ok(
      shown.y < view.y + view.height && shown.y + shown.height > view.y,
      `the message is scrolled into view (message at ${shown.y}..${shown.y + shown.height}, view ${view.y}..${view.y + view.height})`,
    );
    assert.equal(await page.locator('.chat-title').innerText(), 'Kitchen');
    const after = await hearth.call('conversations.get', { conversationId: kitchen.id });
    assert.ok(
      after.messages.some((message) => message.id === marmalade.answerId),
      'main’s active branch now holds the answer',
    );
    assert.ok(!after.messages.some((message) => message.id === edited.userId), 'the edited branch is no longer shown');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'search-branch-hit.png') });

    // A title hit just opens its conversation.
    await search(page, 'fireplace', '2 results');
    await page.getByTestId('search-hit').first().click();
    await page.locator(`[data-testid="message"][data-id="${fireplace.userId}"]`).waitFor();
    assert.equal(await page.locator('.chat-title').innerText(), 'Fireplace');

    // Esc clears the box and brings the list back.
    await box.focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('conversation-item').nth(2).waitFor();
    assert.equal(await box.inputValue(), '');
    assert.equal(await page.getByTestId('search-results').count(), 0);

    // A query nothing mentions: the empty state, and no results.
    const none = await search(page, 'zebra', 'No conversation mentions “zebra”');
    assert.equal(await none.count(), 0);
    await page.screenshot({ path: join(SHOTS, 'search-no-match.png') });
    assert.deepEqual(pageErrors, [], 'the page logged no errors');
  });
});
