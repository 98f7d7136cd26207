import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ConversationExport } from '../../contract/index.js';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

const messages = (page: Page) => page.locator('[data-testid="message"]');

/** Everything but the export's own time and the conversation's last update must survive a round trip. */
function comparable(file: ConversationExport): unknown {
  const { exportedAt: _exportedAt, conversation, ...rest } = file;
  const { updatedAt: _updatedAt, ...kept } = conversation;
  return { ...rest, conversation: kept };
}

/**
 * A conversation with branches and citations, written the way ChatService writes one (through the
 * store, on the app's own database): an answer over a document with two sources, a regenerated
 * answer whose text is long enough that the file travels in several parts and holds characters
 * outside the BMP, and an edited first question.
 */
function buildConversation(store: ConversationStore, modelId: string): string {
  const finish = (id: string, content: string) =>
    store.finish(id, {
      content,
      status: 'complete',
      stopReason: 'end_of_turn',
      detail: null,
      stats: { promptTokens: 20, completionTokens: 8, timeToFirstTokenMs: 30, tokensPerSecond: 12 },
      context: { source: 'reread', tokens: 20, ms: 4, rejected: null },
    });
  const c = store.create({ title: 'Lantern care', modelId, systemPrompt: 'Be brief.' });
  const first = store.appendExchange(c.id, null, 'How do I charge the lantern?', modelId);
  const source = (n: number) => ({
    n,
    chunkId: n,
    documentId: 'b3f1c2d4-0000-4000-8000-000000000001',
    fileName: 'lantern.md',
    page: null,
    headingPath: ['Lantern manual', n === 1 ? 'Charging' : 'Storage'],
    startOffset: 10 * n,
    endOffset: 10 * n + 40,
    relevance: 0.9,
    band: 'strong' as const,
  });
  store.setRetrieval(
    first.user.id,
    'How do I charge the lantern?\n\n[1] Charge it.\n[2] Store it cool.',
    first.assistant.id,
    [source(1), source(2)],
  );
  finish(first.assistant.id, 'With the blue cable [1]; keep it cool [2].');
  const second = store.appendExchange(c.id, first.assistant.id, 'For how long?', modelId);
  finish(second.assistant.id, 'Four hours.');
  const long = store.appendAnswer(c.id, second.user.id, modelId);
  finish(long.id, 'Four hours 🔥 and a little more. '.repeat(12_000));
  const edited = store.appendExchange(c.id, null, 'How do I store the lantern?', modelId);
  finish(edited.assistant.id, 'Below thirty degrees.');
  store.selectBranch(c.id, second.assistant.id);
  return c.id;
}

/** Exports the open conversation through the dialog and returns the file the browser saved. */
async function exportOpen(page: Page, format: 'JSON' | 'Markdown', scope: 'branch' | 'tree', shot?: string) {
  await page.getByTestId('export-conversation-button').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel(format === 'JSON' ? 'JSON, to import into Hearth' : 'Markdown, to read or share').check();
  await dialog.getByLabel(scope === 'tree' ? 'Every branch' : 'The branch shown').check();
  if (shot) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, shot) });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-confirm').click()]);
  await dialog.waitFor({ state: 'detached' });
  const path = join(tempDir(), download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Waits until the conversation shown is not `previousId`; returns the one that is. */
async function openedInsteadOf(page: Page, previousId: string): Promise<string> {
  const handle = await page.waitForFunction((id) => {
    const { document } = globalThis as unknown as {
      document: { querySelector(s: string): { getAttribute(name: string): string | null } | null };
    };
    const active = document.querySelector('[data-testid="conversation-item"][data-active="true"]');
    const shown = active?.getAttribute('data-id');
    return shown && shown !== id ? shown : null;
  }, previousId);
  return (await handle.jsonValue()) as string;
}

describe('export and import in the browser (web host, headless Chromium)', () => {
  test('export JSON, import it, export the import: the same file; a broken file changes nothing', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, { threads: 1 });
    const store = new ConversationStore(hearth.db);
    const originalId = buildConversation(store, modelId);
    await page.reload();
    await page.locator(`[data-testid="conversation-item"][data-id="${originalId}"]`).click();
    await messages(page).nth(3).waitFor();
    assert.equal(await messages(page).count(), 4, 'the active branch: two questions, two answers');

    // Markdown of the branch shown: headings, sources, the note on saved states.
    const markdown = await exportOpen(page, 'Markdown', 'branch');
    assert.equal(markdown.name, 'Lantern care.md');
    assert.match(markdown.text, /^# Lantern care$/m);
    assert.match(markdown.text, /^### You\n\nHow do I charge the lantern\?$/m);
    assert.match(markdown.text, /^- \\\[2\\\] lantern\.md, Lantern manual › Storage$/m);
    assert.match(markdown.text, /Saved states are not included/);

    // JSON of the whole tree.
    const exported = await exportOpen(page, 'JSON', 'tree', 'export-dialog.png');
    assert.equal(exported.name, 'Lantern care.json');
    assert.ok(exported.text.length > 300_000, 'long enough to be sent in parts');
    const first = JSON.parse(exported.text) as ConversationExport;
    assert.equal(first.messages.length, 7);
    assert.equal(first.messages[1]?.citations.length, 2);

    // Import it: a new conversation, opened, showing the same branch.
    const before = (await hearth.call('conversations.list', {})).conversations.length;
    const uploaded = join(tempDir(), 'Lantern care.json');
    writeFileSync(uploaded, exported.text);
    await page.getByTestId('import-file').setInputFiles(uploaded);
    const importedId = await openedInsteadOf(page, originalId);
    assert.equal((await hearth.call('conversations.list', {})).conversations.length, before + 1);
    await messages(page).nth(3).waitFor();
    assert.match(await messages(page).nth(1).innerText(), /With the blue cable/);
    assert.equal(await page.getByTestId('conversation-item').count(), before + 1);

    // Exported again: the same file, but for its time and the last update.
    const again = JSON.parse((await exportOpen(page, 'JSON', 'tree')).text) as ConversationExport;
    assert.deepEqual(comparable(again), comparable(first));
    assert.equal((await hearth.call('conversations.get', { conversationId: importedId })).messages.length, 4);

    // Broken and hostile files: an error where the user acted, and no new conversation.
    const broken = join(tempDir(), 'broken.json');
    const attempts: [string, RegExp][] = [
      ['{"format": "hearth.conversation", "version": 1, ', /not a Hearth conversation export: it is not JSON/],
      [JSON.stringify({ ...first, version: 3 }), /made by a newer Hearth \(format version 3\)/],
      [
        JSON.stringify({ ...first, messages: first.messages.map((m, i) => (i === 2 ? { ...m, parentId: 'm9' } : m)) }),
        /Message m3 points to a missing parent \(m9\)/,
      ],
    ];
    for (const [content, error] of attempts) {
      writeFileSync(broken, content);
      await page.getByTestId('import-file').setInputFiles(broken);
      // Waited for by its text: the error of the attempt before stays until this one's replaces it.
      await page.getByTestId('exchange-error').filter({ hasText: error }).waitFor();
      if (content === attempts[0]?.[0]) await page.screenshot({ path: join(SHOTS, 'import-error.png') });
      assert.equal((await hearth.call('conversations.list', {})).conversations.length, before + 1);
      assert.equal(await page.getByTestId('conversation-item').count(), before + 1);
      assert.equal(
        await page.locator('[data-testid="conversation-item"][data-active="true"]').getAttribute('data-id'),
        importedId,
        'the conversation shown stays',
      );
    }

    // All conversations in one archive.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
    const archivePath = join(tempDir(), download.suggestedFilename());
    await download.saveAs(archivePath);
    const archive = JSON.parse(readFileSync(archivePath, 'utf8')) as { format: string; conversations: unknown[] };
    assert.equal(archive.format, 'hearth.archive');
    assert.equal(archive.conversations.length, before + 1);
    assert.deepEqual(pageErrors, []);
  });

  test('in Chinese: the dialog, the Markdown export and an import error follow the UI language', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(
      forged.paths.rwkv6,
      { threads: 1 },
      { locale: 'zh-CN' },
    );
    const id = buildConversation(new ConversationStore(hearth.db), modelId);
    await page.reload();
    await page.locator(`[data-testid="conversation-item"][data-id="${id}"]`).click();
    await messages(page).nth(3).waitFor();

    await page.getByRole('button', { name: '导出对话' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('Markdown，便于阅读或分享').check();
    await dialog.getByLabel('当前显示的分支').check();
    assert.match(await dialog.innerText(), /已保存的状态不会导出/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出' }).click(),
    ]);
    const path = join(tempDir(), download.suggestedFilename());
    await download.saveAs(path);
    const markdown = readFileSync(path, 'utf8');
    assert.match(markdown, /^### 你\n\nHow do I charge the lantern\?$/m);
    assert.match(markdown, /^### 助手 · forged-model$/m);
    assert.match(markdown, /^> 不包含已保存的状态/m);

    const broken = join(tempDir(), 'broken.json');
    writeFileSync(broken, '[]');
    await page.getByTestId('import-file').setInputFiles(broken);
    assert.equal(await page.getByTestId('exchange-error').innerText(), '此文件不是 Hearth 对话导出文件。');
    assert.deepEqual(pageErrors, []);
  });
});
