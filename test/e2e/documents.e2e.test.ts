import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openInBrowser } from '../support/browserSession.js';
import { writePdf } from '../support/documents/writePdf.js';
import { useForgedModels } from '../support/forgedModels.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

describe('documents in the browser (web host, real import worker and engine, headless Chromium)', () => {
  test('import by path with a broken file beside, attach, ask, open the cited passage; strict mode says when the documents do not tell', async () => {
    const dir = tempDir();
    const guide = join(dir, 'lantern-guide.pdf');
    writePdf(guide, {
      title: 'Lantern guide',
      pages: [
        { lines: ['Getting started', '', 'Charge the lantern fully before the first trip.', 'The handle folds flat.'] },
        { lines: ['Care', '', 'Store the lantern below thirty degrees to protect the battery.', 'Wipe the lens dry.'] },
      ],
      bookmarks: [
        { title: 'Getting started', page: 1 },
        { title: 'Care', page: 2 },
      ],
    });
    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');

    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.mamba, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 24, seed: 1 },
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SHOTS, { recursive: true });

    // The documents dialog starts empty; both files are imported by path in one batch.
    await page.getByTestId('open-documents').click();
    const dialog = page.getByTestId('documents-dialog');
    await dialog.getByTestId('documents-empty').waitFor();

    // A browser never tells where a dropped file is: the web host asks for its path instead.
    const dropped = await page.evaluateHandle(() => {
      const scope = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string) => unknown;
      };
      const transfer = new scope.DataTransfer();
      transfer.items.add(new scope.File(['# Notes'], 'notes.md'));
      return transfer;
    });
    await page.getByTestId('document-import').dispatchEvent('drop', { dataTransfer: dropped });
    assert.match(await page.getByTestId('document-drop-hint').innerText(), /needs the desktop app.*notes\.md/);
    assert.equal(await page.getByTestId('document-row').count(), 0);

    await page.getByTestId('document-paths').fill(`${guide}\n${empty}`);
    await page.getByTestId('import-documents').click();

    // The broken file fails with its reason while the good one is indexed.
    const rows = page.getByTestId('document-row');
    const indexed = page.locator('[data-testid="document-row"][data-status="indexed"]');
    const failed = page.locator('[data-testid="document-row"][data-status="failed"]');
    await indexed.waitFor({ timeout: 60_000 });
    await failed.waitFor({ timeout: 60_000 });
    assert.equal(await rows.count(), 2);
    assert.match(await indexed.innerText(), /lantern-guide\.pdf/);
    assert.match(await indexed.getByTestId('document-status').innerText(), /^Indexed · 2 pages · \d+ passages?$/);
    assert.match(await failed.innerText(), /empty\.pdf/);
    const error = await failed.getByTestId('document-error').innerText();
    assert.match(error, /^Failed: .{8,}/);
    assert.equal(await page.getByTestId('document-progress').count(), 0);

    // The same file again changes nothing, and says so.
    await page.getByTestId('document-paths').fill(guide);
    await page.getByTestId('import-documents').click();
    const outcome = page.locator('[data-testid="import-outcome"][data-outcome="unchanged"]');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), /Already imported/);
    assert.equal(await rows.count(), 2);
    await page.screenshot({ path: join(SHOTS, 'documents.png'), fullPage: true });

    // Removing the broken one asks first.
    await failed.getByTestId('delete-document').click();
    await page.getByTestId('confirm-delete-document').click();
    await failed.waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1);
    assert.equal((await hearth.call('documents.list', {})).length, 1);

    // Escape closes the dialog; Ctrl+D opens it again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+d');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A new conversation answers from the guide.
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    const chip = page.getByTestId('attach-documents');
    await chip.click();
    const attach = page.getByTestId('attach-documents-dialog');
    const options = attach.getByTestId('attach-document-option');
    await options.first().waitFor();
    assert.equal(await options.count(), 1, 'only indexed documents can be attached');
    await options.first().check();
    await attach.getByTestId('save-attachments').click();
    await attach.waitFor({ state: 'detached' });
    await page.locator('[data-testid="attach-documents"][data-count="1"]').waitFor();
    const conversationId = (await hearth.call('conversations.list', {})).conversations[0]?.id ?? '';
    assert.equal((await hearth.call('conversations.documents', { conversationId })).documentIds.length, 1);

    await page.getByTestId('composer-input').fill('How cold should the lantern be stored?');
    await page.getByTestId('composer-input').press('Enter');
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await answer.getByTestId('source-chip').first().waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
      .waitFor({ timeout: 120_000 });
    const pageTwo = answer.getByTestId('source-chip').filter({ hasText: 'p. 2' });
    assert.match(await pageTwo.innerText(), /^\[\d+\] lantern-guide\.pdf · p\. 2/);

    // The source opens at its passage, highlighted in the text around it.
    await pageTwo.click();
    const viewer = page.getByTestId('passage-viewer');
    await viewer.getByTestId('passage-highlight').waitFor({ timeout: 30_000 });
    assert.match(await viewer.getByTestId('passage-highlight').innerText(), /thirty degrees/);
    assert.equal(await viewer.getByTestId('passage-page').innerText(), '2');
    await page.screenshot({ path: join(SHOTS, 'citation.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    // Inline [n] markers open their source too. The forged model writes random text and never
    // cites, so its stored answer is replaced by what a real model would have written.
    const n = Number(await pageTwo.getAttribute('data-n'));
    const answerId = (await answer.getAttribute('data-id')) ?? '';
    hearth.db
      .prepare('UPDATE messages SET content = ? WHERE id = ?')
      .run(`Keep it below thirty degrees [${n}]. See also [99] and \`[${n}]\` in code.`, answerId);
    hearth.events.emit('conversations.changed', { conversationId });
    const citation = answer.locator(`[data-testid="citation"][data-n="${n}"]`);
    await citation.waitFor({ timeout: 30_000 });
    assert.equal(await answer.getByTestId('citation').count(), 1, 'unknown numbers and code stay text');
    assert.match(await answer.getByTestId('message-content').innerText(), /\[99\]/);
    await page.screenshot({ path: join(SHOTS, 'answer-sources.png'), fullPage: true });
    await citation.click();
    await viewer.getByTestId('passage-highlight').waitFor({ timeout: 30_000 });
    assert.match(await viewer.getByTestId('passage-highlight').innerText(), /thirty degrees/);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    // Strict mode: a question no passage matches is answered without the model, and says why.
    await chip.click();
    await attach.getByTestId('strict-documents').check();
    await page.screenshot({ path: join(SHOTS, 'attach-documents.png'), fullPage: true });
    await attach.getByTestId('save-attachments').click();
    await attach.waitFor({ state: 'detached' });
    assert.equal((await hearth.call('conversations.documents', { conversationId })).strict, true);
    await page.getByTestId('composer-input').fill('zzqx vvkw');
    await page.getByTestId('composer-input').press('Enter');
    const refusal = page.locator('[data-testid="message"][data-role="assistant"]').nth(1);
    await refusal.and(page.locator('[data-status="complete"]')).waitFor({ timeout: 30_000 });
    assert.match(await refusal.getByTestId('message-content').innerText(), /do not contain a passage about this/);
    assert.equal(await refusal.getByTestId('source-chip').count(), 0);

    // Collections: a new one is shown (empty) and imported into; "All documents" shows every one.
    await page.getByTestId('open-documents').click();
    await page.getByTestId('new-collection').click();
    await page.getByTestId('collection-name').fill('Manuals');
    await page.getByTestId('create-collection').click();
    await dialog.getByTestId('documents-empty').waitFor();
    assert.match(await dialog.getByTestId('documents-empty').innerText(), /No documents in this collection/);
    await page.getByTestId('document-paths').fill(guide);
    await page.getByTestId('import-documents').click();
    await indexed.waitFor({ timeout: 60_000 });
    assert.equal(await rows.count(), 1);
    assert.match(await indexed.innerText(), /in Manuals/);
    await page.getByTestId('collection-filter').selectOption({ label: 'All documents' });
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);

    assert.deepEqual(pageErrors, []);
  });
  test('in Chinese: statuses, a stored import failure and a refused path in Chinese; Esc closes the confirmation, then the dialog; a source opens from the keyboard', async () => {
    const dir = tempDir();
    const notes = join(dir, 'lantern-notes.md');
    writeFileSync(notes, '# Care\n\nStore the lantern below thirty degrees to protect the battery.\n');
    const picture = join(dir, 'picture.png');
    writeFileSync(picture, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));

    const { page, modelId, pageErrors } = await openInBrowser(
      forged.paths.mamba,
      { threads: 1, contextSize: 2048, defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 } },
      { locale: 'zh-CN' },
    );
    await page.getByTestId('open-documents').click();
    const dialog = page.getByTestId('documents-dialog');
    await dialog.getByRole('heading', { name: '文档' }).waitFor();
    await page.getByTestId('document-paths').fill(`${notes}\n${picture}\n${join(dir, 'missing.pdf')}`);
    await page.getByTestId('import-documents').click();

    const refused = page.locator('[data-testid="import-outcome"][data-outcome="refused"]');
    await refused.waitFor();
    assert.match(await refused.innerText(), /该文件已不存在。/);
    const indexed = page.locator('[data-testid="document-row"][data-status="indexed"]');
    const failed = page.locator('[data-testid="document-row"][data-status="failed"]');
    await indexed.waitFor({ timeout: 60_000 });
    await failed.waitFor({ timeout: 60_000 });
    assert.equal(await indexed.getByTestId('document-status').innerText(), '已索引 · 1 个段落');
    assert.equal(
      await failed.getByTestId('document-error').innerText(),
      '失败：该文件是 PNG 图片，不是 Hearth 能读取的文档。',
    );

    // Esc closes the topmost dialog only: the confirmation, then the documents dialog.
    await failed.getByTestId('delete-document').click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByRole('heading', { name: '移除此文档？' }).waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await dialog.isVisible(), true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A source chip is a button with a name: reached by focus, opened with Enter, closed with Esc.
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    await page.getByTestId('attach-documents').click();
    const attach = page.getByTestId('attach-documents-dialog');
    await attach.getByRole('heading', { name: '根据文档回答' }).waitFor();
    await attach.getByTestId('attach-document-option').first().check();
    await attach.getByTestId('save-attachments').click();
    await attach.waitFor({ state: 'detached' });
    await page.getByTestId('composer-input').fill('How cold should the lantern be stored?');
    await page.getByTestId('composer-input').press('Enter');
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    const chip = answer.getByTestId('source-chip').first();
    await chip.waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
      .waitFor({ timeout: 120_000 });
    assert.match((await chip.getAttribute('title')) ?? '', /lantern-notes\.md · Care/);
    await chip.focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByTestId('passage-viewer');
    await viewer.getByRole('heading', { name: '来源 [1]' }).waitFor();
    await viewer.getByTestId('passage-highlight').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    assert.deepEqual(pageErrors, []);
  });
});
