import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { en, zhCN } from '../../contract/i18n/index.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { MAIN_SCREENS, openChatWithAnswer, SHORT_ANSWERS } from '../support/screens.js';

const forged = useForgedModels();

/**
 * The English texts of the catalogs that a Chinese UI must not show, from every English value whose
 * Chinese differs (the `prompts` namespace is what the model reads, never shown as UI):
 * - `phrases`: the literal pieces between its `{{values}}` that are phrases (two words or more,
 *   twelve characters or more) and not also in the Chinese — found anywhere in the page's text;
 * - `labels`: a whole value that is one word ("File", "Size"), found only as a whole text or name
 *   of its own (a word inside a model's English description or name is content, not UI).
 */
function englishTexts(): { phrases: { key: string; piece: string }[]; labels: { key: string; piece: string }[] } {
  const phrases: { key: string; piece: string }[] = [];
  const labels: { key: string; piece: string }[] = [];
  const zh = zhCN as unknown as Record<string, Record<string, string>>;
  for (const [ns, catalog] of Object.entries(en as unknown as Record<string, Record<string, string>>)) {
    if (ns === 'prompts') continue;
    for (const [key, value] of Object.entries(catalog)) {
      const chinese = zh[ns]?.[key] ?? '';
      if (typeof value !== 'string' || value === chinese) continue;
      if (/^[A-Za-z][A-Za-z-]{2,}$/.test(value.trim())) {
        labels.push({ key: `${ns}:${key}`, piece: value.trim() });
        continue;
      }
      for (const raw of value.split(/\{\{[^}]*\}\}|<\/?\d+>/)) {
        const piece = raw.trim().replace(/^[\s.,:;·…()–—-]+|[\s.,:;·…()–—-]+$/g, '');
        const words = piece.match(/[A-Za-z]{2,}/g) ?? [];
        if (words.length < 2 || piece.length < 12 || chinese.includes(piece)) continue;
        phrases.push({ key: `${ns}:${key}`, piece });
      }
    }
  }
  return { phrases, labels };
}

/**
 * What the page shows and says: its visible text and the names screen readers read (aria-label,
 * title, placeholder, alt), but not conversation content (the user's words, the model's answers)
 * nor what the user typed.
 */
async function uiText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface El {
      closest(selector: string): El | null;
      getAttribute(name: string): string | null;
      parentElement: El | null;
    }
    const { document, NodeFilter } = globalThis as unknown as {
      document: {
        body: unknown;
        createTreeWalker(
          root: unknown,
          what: number,
        ): { nextNode(): { textContent: string; parentElement: El } | null };
        querySelectorAll(selector: string): ArrayLike<El>;
      };
      NodeFilter: { SHOW_TEXT: number };
    };
    // Conversation content, what the user typed, and key caps ("Delete" is what the key says).
    const USER_CONTENT = '[data-testid="message-content"], script, style, textarea, input, kbd';
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(USER_CONTENT)) continue;
      if (node.textContent.trim()) parts.push(node.textContent.trim());
    }
    for (const element of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))) {
      if (element.closest('[data-testid="message-content"]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts;
  });
}

type Texts = ReturnType<typeof englishTexts>;

/** Adds to `left` each English catalog text the page shows now, and a screen with no Chinese at all. */
async function findEnglish(page: Page, screen: string, { phrases, labels }: Texts, left: string[]): Promise<void> {
  const parts = await uiText(page);
  const text = parts.join('\n');
  for (const { key, piece } of phrases) {
    if (text.includes(piece)) left.push(`[${screen}] ${key}: "${piece}"`);
  }
  const whole = new Set(parts.map((part) => part.replace(/[\s:：·]+$/, '')));
  for (const { key, piece } of labels) {
    if (whole.has(piece)) left.push(`[${screen}] ${key}: "${piece}"`);
  }
  if (!/[\u4e00-\u9fff]/.test(text)) left.push(`[${screen}] no Chinese text at all`);
}

describe('Simplified Chinese UI', () => {
  test('switched to 简体中文 in Settings, every screen shows no English text from the catalogs', async () => {
    const texts = englishTexts();
    assert.ok(texts.phrases.length > 300, `only ${texts.phrases.length} English phrases: the catalogs look empty`);
    assert.ok(texts.labels.length > 20, `only ${texts.labels.length} English labels`);
    const { page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, SHORT_ANSWERS);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('empty-state').first().waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // An English session first: a conversation with an answer, then the switch, as a user makes it.
    await openChatWithAnswer(page, modelId);
    await page.getByTestId('settings-button').click();
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.getByTestId('settings-save').click();
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    if (await page.locator('dialog[open]').count()) {
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
    }

    const left: string[] = [];
    const check = (screen: string) => findEnglish(page, screen, texts, left);
    await check('chat with an answer, just switched');
    for (const screen of MAIN_SCREENS) {
      await screen.open(page);
      await check(screen.name);
      await screen.close?.(page);
    }
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('empty-state').first().waitFor();
    await check('new chat');
    assert.deepEqual(left, [], `English left in the Chinese UI:\n${left.join('\n')}`);
    assert.deepEqual(pageErrors, []);
  });

  test('with a Chinese system language, the first-run screen (no model yet) is in Chinese', async () => {
    const { page, pageErrors } = await openInBrowser(null, {}, { locale: 'zh-CN' });
    await page.getByTestId('first-run-recommendation').waitFor({ timeout: 120_000 });
    const left: string[] = [];
    await findEnglish(page, 'first run', englishTexts(), left);
    assert.deepEqual(left, [], `English left in the Chinese UI:\n${left.join('\n')}`);
    assert.deepEqual(pageErrors, []);
  });
});
