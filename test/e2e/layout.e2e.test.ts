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
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface PageDocument {
  activeElement: PageElement | null;
}

/** The focused element's test id, and whether it is inside an open dialog. */
async function focused(page: Page): Promise<{ testId: string | null; inDialog: boolean; text: string }> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: PageDocument };
    const active = document.activeElement;
    return {
      testId: active?.getAttribute('data-testid') ?? null,
      inDialog: active?.closest('dialog[open]') != null,
      text: active?.textContent ?? '',
    };
  });
}

const complete = { status: 'complete', stopReason: 'end_of_turn', detail: null, stats: null, context: null } as const;

describe('the sidebar, the header and the dialogs in the browser', () => {
  test('pin and unpin from the keyboard, reuse an empty New chat, model names, the context gauge, the shortcuts dialog', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.llama, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync(SHOTS, { recursive: true });
    // Conversations with a message each, as an earlier session would have left them.
    const store = new ConversationStore(hearth.db);
    const made = ['Alpha', 'Beta', 'Gamma'].map((title) => {
      const conversation = store.create({ title, modelId, systemPrompt: '' });
      const { assistant } = store.appendExchange(conversation.id, null, `About ${title}`, modelId);
      store.finish(assistant.id, { ...complete, content: 'Noted.' });
      return conversation;
    });
    const [alpha, , gamma] = made;
    assert.ok(alpha && gamma);
    await page.reload();
    const items = page.getByTestId('conversation-item');
    await items.nth(2).waitFor();
    // At start the newest conversation opens and the composer takes focus: wait for that, or it
    // could take focus from the item below between the focus and the Tab.
    await page.locator('[data-testid="composer-input"]:focus').waitFor();

    // Pin, from the keyboard: Tab from the item reaches its pin button.
    await items.filter({ hasText: 'Alpha' }).locator('.conversation-open').focus();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).testId, 'pin-conversation');
    await page.keyboard.press('Enter');
    const pinnedGroup = page.getByTestId('pinned-conversations');
    await pinnedGroup.getByTestId('conversation-item').filter({ hasText: 'Alpha' }).waitFor();
    assert.equal(await pinnedGroup.getByRole('heading', { name: 'Pinned' }).count(), 1);
    // The others get a title of their own under the pinned ones, and lose it when none is pinned.
    const recentHeading = page.getByRole('heading', { name: 'Recent' });
    assert.equal(await recentHeading.count(), 1);
    assert.deepEqual(
      (await hearth.call('conversations.list', {})).pinned.map((c) => c.id),
      [alpha.id],
    );
    assert.deepEqual(await page.getByTestId('conversation-title').allInnerTexts(), ['Alpha', 'Gamma', 'Beta']);
    await page.reload();
    await pinnedGroup.getByTestId('conversation-item').filter({ hasText: 'Alpha' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'layout-pinned.png') });
    await page.getByRole('button', { name: 'Unpin “Alpha”' }).click();
    await pinnedGroup.waitFor({ state: 'detached' });
    assert.equal(await recentHeading.count(), 0);
    assert.deepEqual((await hearth.call('conversations.list', {})).pinned, []);
    assert.deepEqual(await page.getByTestId('conversation-title').allInnerTexts(), ['Gamma', 'Beta', 'Alpha']);

    // A confirmation opens on its safe choice, and Esc gives focus back to the item it came from.
    await items.filter({ hasText: 'Beta' }).locator('.conversation-open').focus();
    await page.keyboard.press('Delete');
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByRole('heading', { level: 2, name: 'Delete this conversation?' }).waitFor();
    assert.match(await confirm.innerText(), /“Beta” and all its messages will be removed from this computer\./);
    assert.equal((await focused(page)).testId, 'cancel-button');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    assert.match((await focused(page)).text, /^Beta/);

    // New chat, twice: the second time the unused one opens again rather than another being added.
    await page.getByTestId('new-conversation').click();
    const active = page.locator('[data-testid="conversation-item"][data-active="true"]');
    await active.filter({ hasText: 'New chat' }).waitFor();
    const emptyId = await active.getAttribute('data-id');
    await items.filter({ hasText: 'Gamma' }).locator('.conversation-open').click();
    await page.locator(`[data-testid="conversation-item"][data-active="true"][data-id="${gamma.id}"]`).waitFor();
    await page.keyboard.press('Control+n');
    await page.locator(`[data-testid="conversation-item"][data-active="true"][data-id="${emptyId}"]`).waitFor();
    assert.equal(await items.count(), 4, 'no second empty conversation in the list');
    assert.equal((await hearth.call('conversations.list', {})).conversations.length, 4, 'nor in the database');

    // The picker names models by file name: never the id of a model used where it lies ("linked:…").
    const { model: linked } = await hearth.call('library.import', { path: forged.paths.rwkv6, mode: 'link' });
    assert.match(linked.id, /^linked:/);
    const picker = page.getByTestId('model-picker');
    await picker.locator(`option[value="${linked.id}"]`).waitFor({ state: 'attached' });
    await picker.selectOption(linked.id);
    // The choice goes to main and comes back: until then the select may still show the old model.
    const chosen = picker.locator('option:checked', { hasText: linked.fileName.replace(/\.gguf$/i, '') });
    await chosen.waitFor({ state: 'attached' });
    const chosenText = await chosen.innerText();
    assert.ok(chosenText.startsWith(linked.fileName.replace(/\.gguf$/i, '')), chosenText);
    for (const text of await picker.locator('option').allInnerTexts()) assert.doesNotMatch(text, /linked:/);
    assert.doesNotMatch((await picker.getAttribute('title')) ?? '', /linked:/);

    // The gauge: what the last answer held, plus the answer, of the loaded model's context.
    await picker.selectOption(modelId);
    await page.getByTestId('composer-input').fill('Hello');
    await page.getByTestId('composer-input').press('Enter');
    await page.waitForSelector('[data-testid="message"][data-role="assistant"][data-status="complete"]');
    const gauge = page.locator('[data-testid="context-gauge"][data-kind="tokens"]');
    await gauge.waitFor();
    const view = await hearth.call('conversations.get', { conversationId: emptyId ?? '' });
    const answer = view.messages.at(-1);
    const held = answer?.context?.held;
    assert.ok(held !== undefined && held > 0 && answer?.stats, 'the answer recorded what it held');
    const size = (await hearth.call('engine.status', {})).loadedModel?.contextSize ?? 0;
    const used = held + answer.stats.completionTokens;
    assert.equal(await gauge.innerText(), `${used.toLocaleString('en-US')} of ${size.toLocaleString('en-US')} tokens`);

    // Ctrl+/ lists the shortcuts; focus stays in the dialog; Esc closes it and focus goes back.
    await page.getByTestId('composer-input').focus();
    await page.keyboard.press('Control+/');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('heading', { level: 2, name: 'Keyboard shortcuts' }).count(), 1);
    assert.ok((await dialog.getByRole('heading', { level: 3 }).count()) >= 4, 'its sections start at h3');
    const rows = await dialog.getByTestId('shortcut').allInnerTexts();
    for (const expected of [/Ctrl\s*K\s*Search conversations/, /Shift\s*Enter\s*New line/, /Esc\s*Cancel editing/]) {
      assert.ok(
        rows.some((row) => expected.test(row)),
        `${expected} among ${rows.join(' | ')}`,
      );
    }
    await page.screenshot({ path: join(SHOTS, 'layout-shortcuts.png') });
    for (let press = 0; press < 3; press++) {
      await page.keyboard.press('Tab');
      assert.ok((await focused(page)).inDialog, 'Tab stays inside the dialog');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await focused(page)).testId, 'composer-input', 'focus is back where it was');

    // The visible way in: the sidebar's footer.
    await page.getByTestId('open-shortcuts').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await focused(page)).testId, 'open-shortcuts');

    // A recurrent model: its fixed state size, from the model's facts, and no limit.
    await picker.selectOption(linked.id);
    await hearth.call('models.load', { modelId: linked.id });
    const stateGauge = page.locator('[data-testid="context-gauge"][data-kind="state"]');
    await stateGauge.waitFor();
    const { facts } = await hearth.call('hardware.plan', { modelId: linked.id });
    assert.ok(facts.recurrentStateBytes > 0);
    assert.match(await stateGauge.innerText(), /^state: [\d.]+ (B|KB|MB), no context limit$/);
    assert.deepEqual(pageErrors, [], 'the page logged no errors (CSP included)');
  });

  test('in Chinese: the sidebar, the pinned group and the shortcuts', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.llama, {}, { locale: 'zh-CN' });
    const store = new ConversationStore(hearth.db);
    const pinned = store.create({ title: '周末计划', modelId, systemPrompt: '' });
    store.setPinned(pinned.id, true);
    store.create({ modelId, systemPrompt: '' });
    await page.reload();
    await page.getByTestId('pinned-conversations').getByRole('heading', { name: '已置顶' }).waitFor();
    // The default title is stored in English and shown in the UI's language.
    await page.getByTestId('recent-conversations').getByText('新对话').waitFor();
    assert.equal(await page.getByTestId('new-conversation').innerText(), '新对话');
    await page.keyboard.press('Control+/');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.getByRole('heading', { level: 2, name: '键盘快捷键' }).waitFor();
    assert.ok((await dialog.getByTestId('shortcut').allInnerTexts()).some((row) => /Ctrl\s*K\s*搜索对话/.test(row)));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
