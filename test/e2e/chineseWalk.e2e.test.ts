import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { en, zhCN } from '../../contract/i18n/index.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { MAIN_SCREENS, openChatWithAnswer } from '../support/screens.js';

const forged = useForgedModels();

/**
 * The English texts of the catalogs that a Chinese UI must not show: every English value whose
 * Chinese differs, cut at its `{{values}}` into the literal pieces worth matching (a piece with a
 * word of three letters or more, not also in the Chinese text — "GGUF", "Vulkan" stay as they are).
 * The `prompts` namespace is what the model reads, never shown as UI.
 */
function englishPieces(): { key: string; piece: string }[] {
  const pieces: { key: string; piece: string }[] = [];
  const zh = zhCN as unknown as Record<string, Record<string, string>>;
  for (const [ns, catalog] of Object.entries(en as unknown as Record<string, Record<string, string>>)) {
    if (ns === 'prompts') continue;
    for (const [key, value] of Object.entries(catalog)) {
      const chinese = zh[ns]?.[key] ?? '';
      if (typeof value !== 'string' || value === chinese) continue;
      for (const raw of value.split(/\{\{[^}]*\}\}|<\/?\d+>/)) {
        const piece = raw.trim().replace(/^[\s.,:;·…()–—-]+|[\s.,:;·…()–—-]+$/g, '');
        if (!/[A-Za-z]{3,}/.test(piece) || chinese.includes(piece)) continue;
        pieces.push({ key: `${ns}:${key}`, piece });
      }
    }
  }
  return pieces;
}

/**
 * What the page shows and says: its visible text and the names screen readers read (aria-label,
 * title, placeholder, alt), but not conversation content (the user's words, the model's answers)
 * nor what the user typed.
 */
async function uiText(page: Page): Promise<string> {
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
    const USER_CONTENT = '[data-testid="message-content"], script, style, textarea, input, option[data-user]';
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
    return parts.join('\n');
  });
}

describe('Simplified Chinese UI', () => {
  test('with a Chinese system language, every screen shows no English text from the catalogs', async () => {
    const pieces = englishPieces();
    assert.ok(pieces.length > 200, `only ${pieces.length} English pieces: the catalogs look empty`);
    const { page, modelId, pageErrors } = await openInBrowser(
      forged.paths.rwkv6,
      { threads: 1, contextSize: 1024, defaultSampling: { temperature: 0, topP: 1, maxTokens: 24, seed: 1 } },
      { locale: 'zh-CN' },
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('empty-state').first().waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');

    const left: string[] = [];
    const check = async (screen: string) => {
      const text = await uiText(page);
      for (const { key, piece } of pieces) {
        const pattern = new RegExp(`(^|[^A-Za-z])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`);
        if (pattern.test(text)) left.push(`[${screen}] ${key}: "${piece}"`);
      }
      // The walk must be in Chinese at all: a screen with no CJK character is not translated.
      if (!/[\u4e00-\u9fff]/.test(text)) left.push(`[${screen}] no Chinese text at all`);
    };

    await check('new chat');
    await openChatWithAnswer(page, modelId);
    for (const screen of MAIN_SCREENS) {
      await screen.open(page);
      await check(screen.name);
      await screen.close?.(page);
    }
    assert.deepEqual(left, [], `English left in the Chinese UI:\n${left.join('\n')}`);
    assert.deepEqual(pageErrors, []);
  });
});
