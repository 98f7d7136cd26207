import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();

describe('the chat in Simplified Chinese (web host, headless Chromium with a zh-CN locale)', () => {
  test("the composer, main's errors and the refusal follow the UI's language", async () => {
    const { hearth, page, pageErrors } = await openInBrowser(forged.paths.rwkv6, { threads: 1 }, { locale: 'zh-CN' });
    // Two models and no default: the new conversation has none, so main refuses the message.
    hearth.addModel(forged.paths.rwkv7, 'second-model.gguf');
    await page.reload();
    await page.getByTestId('new-conversation').click();
    const input = page.getByTestId('composer-input');
    await page.getByTestId('conversation-item').first().waitFor();
    assert.equal(await input.getAttribute('placeholder'), '请先在上方选择模型，再输入消息…');
    assert.equal(await page.getByTestId('send-button').getAttribute('aria-label'), '发送');
    await input.fill('你好');
    await input.press('Enter');
    const banner = page.locator('[data-testid="banner"][data-kind="no_model"]');
    await banner.waitFor();
    // Main wrote the error in English (its message) with a catalog key: the page shows the Chinese.
    assert.equal(await banner.innerText(), '请先为此对话选择模型。');
    assert.equal(await input.inputValue(), '你好', 'the refused text is kept');
    assert.deepEqual(pageErrors, []);
  });
});
