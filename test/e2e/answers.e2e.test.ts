import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();

/** An answer with right-to-left and left-to-right paragraphs, display and inline maths, and a citation. */
const MARKDOWN = [
  'مرحبا بالعالم، هذه فقرة عربية.',
  '',
  'An English paragraph, citing its source [1].',
  '',
  '$$x^2$$',
  '',
  'Inline maths: $a+b$ here.',
].join('\n');

/** The little of the DOM the in-page code uses (the Node-side tsconfig has no DOM types). */
interface PageElement {
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  textContent: string | null;
}
interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    activeElement: PageElement | null;
  };
  getComputedStyle: (element: PageElement) => { direction: string; outlineStyle: string };
  navigator: { clipboard: { readText(): Promise<string> } };
}

const answers = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');

/** Presses Tab until the focused element matches `selector`; false when it is not reached in `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<boolean> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((wanted) => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.activeElement?.closest(wanted) === document.activeElement && document.activeElement !== null;
    }, selector);
    if (reached) return true;
  }
  return false;
}

/** The focused element's outline, as the keyboard user sees it. */
function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    return document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none';
  });
}

describe('answers in the browser (web host, real engine, headless Chromium)', () => {
  test('announced politely, named by model, maths, right-to-left text, Copy as Markdown, keyboard reach', async () => {
    const { hearth, host, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 16, seed: 1 },
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    await page.getByTestId('composer-input').fill('Hello');
    await page.getByTestId('composer-input').press('Enter');

    // The live region says an answer is on its way, then that it is complete: never the tokens.
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.querySelector('[data-testid="live-status"]')?.textContent === 'Answering…';
    });
    await page.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]').waitFor();
    assert.match(await page.getByTestId('live-status').innerText(), /^Answer complete\./);
    const liveAncestors = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const list = document.querySelector('.message-list');
      return list ? list.closest('[aria-live], [role="log"], [role="status"], [role="alert"]') !== null : true;
    });
    assert.equal(liveAncestors, false, 'the message list is not read out as it changes');

    // The header names the model by its file name, never by its internal id.
    const shownModel = await answers(page).first().getByTestId('message-model').innerText();
    assert.equal(shownModel, 'forged-model');
    assert.notEqual(shownModel, modelId);

    // An answer with maths, Arabic, English and a citation, written straight into the database
    // (as another window's finished answer would be), then announced as a change.
    const conversationId = (await hearth.call('conversations.list', {})).conversations[0]?.id ?? '';
    const store = new ConversationStore(openDatabase((await hearth.call('app.info', {})).databasePath));
    const { user, assistant } = store.appendExchange(
      conversationId,
      store.leafId(conversationId),
      'שלום עולם',
      modelId,
    );
    store.setRetrieval(user.id, 'שלום עולם', assistant.id, [
      {
        n: 1,
        chunkId: 1,
        documentId: 'doc-1',
        fileName: 'notes.md',
        page: null,
        headingPath: [],
        startOffset: 0,
        endOffset: 10,
      },
    ]);
    store.finish(assistant.id, {
      content: MARKDOWN,
      status: 'complete',
      stopReason: 'end_of_turn',
      detail: null,
      stats: null,
      context: null,
    });
    hearth.events.emit('conversations.changed', { conversationId });
    const answer = page.locator(`[data-testid="message"][data-id="${assistant.id}"]`);
    await answer.waitFor();

    // `$$x^2$$` on one line is maths in the text, as `$a+b$` is: both are typeset by KaTeX.
    const content = answer.getByTestId('message-content');
    // KaTeX loads the first time maths may appear: the text is typeset once it has.
    await content.locator('.katex').nth(1).waitFor();
    assert.equal(await content.locator('.katex').count(), 2, await content.innerHTML());
    assert.equal(await content.locator('.katex-error').count(), 0);
    const directions = await page.evaluate((id) => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const paragraphs = Array.from(document.querySelectorAll(`[data-id="${id}"] [data-testid="message-content"] p`));
      const questions = document.querySelectorAll(
        '[data-testid="message"][data-role="user"] [data-testid="message-content"][dir="auto"]',
      );
      return {
        dirs: paragraphs.map((p) => p.getAttribute('dir')),
        directions: paragraphs.map((p) => getComputedStyle(p).direction),
        plainAuto: questions.length,
      };
    }, assistant.id);
    assert.ok(
      directions.dirs.every((dir) => dir === 'auto'),
      'every paragraph finds its own direction',
    );
    assert.equal(directions.directions[0], 'rtl', 'the Arabic paragraph reads from the right');
    assert.equal(directions.directions[1], 'ltr', 'the English one from the left');
    assert.ok(directions.plainAuto >= 2, 'questions, too, find their direction');
    // The KaTeX stylesheet came with the app (the CSP allows no other origin).
    const katexFont = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const katex = document.querySelector('.katex');
      return katex ? (getComputedStyle(katex) as unknown as { fontFamily: string }).fontFamily : '';
    });
    assert.match(katexFont, /KaTeX_Main/);

    // Copy as Markdown copies the source, not the rendered text.
    await answer.getByTestId('copy-markdown').click();
    await answer.locator('[data-testid="copy-markdown"][data-copied="true"]').waitFor();
    const copied = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
    assert.equal(copied, MARKDOWN);

    // Keyboard: the citation in the answer and the branch switcher are reached with Tab, and show focus.
    await answer.getByTestId('regenerate-button').click();
    const newVersion = page.locator(
      '[data-testid="message"][data-status="complete"] [data-testid="branch-switcher"][data-index="2"]',
    );
    await newVersion.waitFor();
    await newVersion.getByTestId('branch-prev').click();
    await page.locator(`[data-testid="message"][data-id="${assistant.id}"]`).waitFor();
    await page.getByTestId('composer-input').focus();
    await page.locator(`[data-id="${assistant.id}"] [data-testid="message-content"]`).click();
    assert.ok(await tabTo(page, '[data-testid="citation"]'), 'Tab reaches the citation');
    assert.notEqual(await focusOutline(page), 'none');
    assert.ok(await tabTo(page, '[data-testid="branch-next"]'), 'Tab reaches the branch switcher');
    assert.notEqual(await focusOutline(page), 'none');

    // A dialog keeps focus inside and closes on Esc (here: deleting this version).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    for (let press = 0; press < 6; press++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        return document.activeElement?.closest('[data-testid="confirm-dialog"]') !== null;
      });
      assert.ok(inside, 'focus stays in the dialog');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, [], 'no page errors, no CSP violations (KaTeX styles included)');
  });
});
