import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../contract/index.js';
import { openInBrowser } from '../support/browserSession.js';
import { writePdf } from '../support/documents/writePdf.js';
import { useForgedModels } from '../support/forgedModels.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

/** Page after page of different sentences: far longer than a small context holds. */
function logPages(count: number): { lines: string[] }[] {
  return Array.from({ length: count }, (_, page) => ({
    lines: [
      `Trip ${page + 1}`,
      '',
      ...Array.from(
        { length: 12 },
        (_, line) => `Day ${line + 1} of trip ${page + 1}: the lantern ran ${line + page + 3} hours on one charge.`,
      ),
    ],
  }));
}

describe('document tools and settings in the browser (web host, real engine, headless Chromium)', () => {
  test('summarise a document into a new conversation; a long one is read part by part; reading one too long says why', async () => {
    const dir = tempDir();
    const guide = join(dir, 'lantern-guide.pdf');
    writePdf(guide, {
      title: 'Lantern guide',
      pages: [
        { lines: ['Getting started', '', 'Charge the lantern fully before the first trip.', 'The handle folds flat.'] },
        { lines: ['Care', '', 'Store the lantern below thirty degrees to protect the battery.'] },
      ],
    });
    const log = join(dir, 'lantern-log.pdf');
    writePdf(log, { title: 'Lantern log', pages: logPages(6) });

    // A small context on an attention model: the log is too long to read whole, and its summary is
    // made part by part (a recurrent model would read it whole: its state does not grow).
    const { hearth, page, pageErrors } = await openInBrowser(forged.paths.llama, {
      threads: 1,
      contextSize: 512,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 24, seed: 1 },
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SHOTS, { recursive: true });

    await page.getByTestId('open-documents').click();
    const dialog = page.getByTestId('documents-dialog');
    await page.getByTestId('document-paths').fill(`${guide}\n${log}`);
    await page.getByTestId('import-documents').click();
    const row = (name: string) =>
      page.locator('[data-testid="document-row"][data-status="indexed"]', { hasText: name });
    await row('lantern-guide.pdf').waitFor({ timeout: 60_000 });
    await row('lantern-log.pdf').waitFor({ timeout: 60_000 });
    const guideRow = row('lantern-guide.pdf');
    const logRow = row('lantern-log.pdf');
    assert.match((await guideRow.getByTestId('tool-read').getAttribute('title')) ?? '', /first message.*saved state/);
    await page.screenshot({ path: join(SHOTS, 'document-tools.png'), fullPage: true });

    // Reading the whole log into a chat does not fit the context: the dialog says so and stays.
    await logRow.getByTestId('tool-read').click();
    const notice = dialog.getByTestId('documents-notice');
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(await notice.getAttribute('data-level'), 'error');
    assert.match(await notice.innerText(), /too long to read into one conversation/);
    assert.equal(await logRow.getByTestId('tool-read').isEnabled(), true);
    const conversationsBefore = (await hearth.call('conversations.list', {})).conversations.length;

    // Its summary reads it part by part, and says how far it got while every tool waits.
    await logRow.getByTestId('tool-summary').click();
    const progress = logRow.getByTestId('document-tool-progress');
    await progress.filter({ hasText: /^Reading part \d+ of \d+…$/ }).waitFor({ timeout: 60_000 });
    assert.equal(await guideRow.getByTestId('tool-key-points').isDisabled(), true);
    assert.equal(await notice.count(), 0, 'a new run clears the last error');
    await page.screenshot({ path: join(SHOTS, 'document-tools-progress.png'), fullPage: true });

    // Then the dialog closes on the new conversation, whose answer comes from the summaries.
    await dialog.waitFor({ state: 'detached', timeout: 180_000 });
    const firstQuestion = page.locator('[data-testid="message"][data-role="user"]').first();
    await firstQuestion.waitFor({ timeout: 30_000 });
    assert.equal((await firstQuestion.getByTestId('message-content').innerText()).trim(), 'Summarise lantern-log.pdf');
    await page
      .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
      .waitFor({ timeout: 120_000 });
    const summaries = (await hearth.call('conversations.list', {})).conversations;
    assert.equal(summaries.length, conversationsBefore + 1);

    // A short document is summarised in one go: a second conversation, opened and listed.
    await page.getByTestId('open-documents').click();
    await row('lantern-guide.pdf').getByTestId('tool-summary').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await page
      .locator('[data-testid="message"][data-role="user"]', { hasText: 'Summarise lantern-guide.pdf' })
      .waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid="message"][data-role="user"]').count(), 1);
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').first();
    await answer.and(page.locator('[data-status="complete"]')).waitFor({ timeout: 120_000 });
    const listed = (await hearth.call('conversations.list', {})).conversations;
    assert.equal(listed.length, conversationsBefore + 2);
    const opened = listed.find((summary) => summary.title === 'Summarise lantern-guide.pdf');
    assert.ok(opened, 'the new conversation is listed under its title');
    await page.getByText('Summarise lantern-guide.pdf').first().waitFor();
    // A summary's follow-up questions retrieve from its document.
    assert.equal((await hearth.call('conversations.documents', { conversationId: opened.id })).documentIds.length, 1);

    assert.deepEqual(pageErrors, []);
  });

  test('the documents settings: passage size, overlap and embedding model are saved', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.mamba, { threads: 1 });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('settings-button').click();
    const settingsDialog = page.getByTestId('settings-dialog');
    const chunk = page.getByTestId('settings-chunk-chars');
    const overlap = page.getByTestId('settings-chunk-overlap');
    const embedding = page.getByTestId('settings-embedding-model');
    await chunk.scrollIntoViewIfNeeded();
    assert.equal(await chunk.inputValue(), String(DEFAULT_SETTINGS.documentChunkChars));
    assert.equal(await overlap.inputValue(), String(DEFAULT_SETTINGS.documentChunkOverlap));
    assert.equal(await embedding.inputValue(), '');
    assert.deepEqual(await embedding.locator('option').allInnerTexts(), ['None (keyword search only)', modelId]);

    // Out of range: the field says what it takes, and nothing is saved.
    await chunk.fill('100');
    await page.getByTestId('settings-save').click();
    await page.getByText('Use a whole number from 200 to 8000.').waitFor();
    assert.equal((await hearth.call('settings.get', {})).documentChunkChars, DEFAULT_SETTINGS.documentChunkChars);

    // An overlap above half a passage is allowed, and the hint says how much of it is used.
    await chunk.fill('600');
    await overlap.fill('400');
    await page.getByText('Only 300 characters are used').waitFor();
    await page.getByTestId('documents-section').screenshot({ path: join(SHOTS, 'documents-settings.png') });
    await page.getByTestId('settings-save').click();
    await settingsDialog.waitFor({ state: 'detached' });
    const saved = await hearth.call('settings.get', {});
    assert.equal(saved.documentChunkChars, 600);
    assert.equal(saved.documentChunkOverlap, 400);
    assert.equal(saved.embeddingModelId, null);

    await page.getByTestId('settings-button').click();
    assert.equal(await chunk.inputValue(), '600');
    assert.equal(await overlap.inputValue(), '400');
    await embedding.selectOption(modelId);
    await page.getByTestId('settings-save').click();
    await settingsDialog.waitFor({ state: 'detached' });
    assert.equal((await hearth.call('settings.get', {})).embeddingModelId, modelId);

    // Saved for good: a reloaded window shows them too.
    await page.reload();
    await page.getByTestId('settings-button').click();
    assert.equal(await chunk.inputValue(), '600');
    assert.equal(await embedding.inputValue(), modelId);
    assert.deepEqual(pageErrors, []);
  });
});
