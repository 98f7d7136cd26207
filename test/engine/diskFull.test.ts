/**
 * A full disk, for real: Hearth's data folder on a 2 MB tmpfs that something else fills. Every
 * write call answers `disk_full` with the one clear message, nothing stored is lost, and once
 * space is freed the same calls work again.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { AppError, DISK_FULL_MESSAGE } from '../../contract/index.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { ask, finished, greedyConversation } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { fillDisk, mountSmallDisk } from '../support/smallDisk.js';
import { startHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();

const diskFull = (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, 'disk_full', error.message);
  assert.equal(error.message, DISK_FULL_MESSAGE);
  return true;
};

/** A Hearth whose data folder is a 2 MB tmpfs, with one conversation on the forged llama model. */
async function hearthOnSmallDisk(t: TestContext, maxTokens: number) {
  const disk = mountSmallDisk(t, '2m');
  if (!disk) return null;
  const databasePath = join(disk, 'hearth.sqlite');
  // The models stay on the big disk; the database and Hearth's scratch files are on the small one.
  const hearth = startHearth({ paths: { dataDir: disk, modelsDir: tempDir(), databasePath } });
  const { id: conversationId } = await greedyConversation(hearth, forged.paths.llama, maxTokens);
  await hearth.call('settings.update', { saveStates: false });
  return { disk, databasePath, hearth, conversationId };
}

describe('a full disk', () => {
  test('every write says the disk is full in one clear way, loses nothing, and works again once space is freed', async (t) => {
    const setUp = await hearthOnSmallDisk(t, 8);
    if (!setUp) return;
    const { disk, databasePath, hearth, conversationId } = setUp;
    const first = await ask(hearth, conversationId, 'A question asked before the disk filled up');
    assert.equal(first.status, 'complete');

    // Every page SQLite writes from now on needs space the disk no longer has.
    hearth.db.pragma('wal_checkpoint(TRUNCATE)');
    const filler = fillDisk(disk);

    await assert.rejects(hearth.call('chat.send', { conversationId, content: 'Lost to a full disk?' }), diskFull);
    await assert.rejects(hearth.call('conversations.rename', { conversationId, title: 'A new title' }), diskFull);
    await assert.rejects(hearth.call('settings.update', { theme: 'dark' }), diskFull);
    await assert.rejects(hearth.call('conversations.create', {}), diskFull);
    // Reading still works, and shows what was stored before.
    const during = await hearth.call('conversations.get', { conversationId });
    assert.deepEqual(
      during.messages.map((m) => m.content),
      ['A question asked before the disk filled up', first.content],
    );

    rmSync(filler);
    const renamed = await hearth.call('conversations.rename', { conversationId, title: 'A new title' });
    assert.equal(renamed.title, 'A new title');
    assert.equal((await hearth.call('settings.update', { theme: 'dark' })).theme, 'dark');
    const second = await ask(hearth, conversationId, 'And after space was freed?');
    assert.equal(second.status, 'complete');

    await hearth.close();
    const db = openDatabase(databasePath);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const stored = db
        .prepare<[string], { content: string }>(
          'SELECT content FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid',
        )
        .all(conversationId)
        .map((row) => row.content);
      assert.deepEqual(stored, [
        'A question asked before the disk filled up',
        first.content,
        'And after space was freed?',
        second.content,
      ]);
    } finally {
      db.close();
    }
  });

  test('an answer that ends while the disk is full is shown with the message, and saved once space returns', async (t) => {
    const setUp = await hearthOnSmallDisk(t, 64);
    if (!setUp) return;
    const { disk, hearth, conversationId } = setUp;

    // The disk fills while the answer streams: at its first piece of text, before it can end.
    let filler: string | null = null;
    const unsubscribe = hearth.events.subscribe((event) => {
      if (event !== 'chat.delta' || filler) return;
      hearth.db.pragma('wal_checkpoint(TRUNCATE)');
      filler = fillDisk(disk);
    });
    const { assistantMessage } = await hearth.call('chat.send', { conversationId, content: 'Fill the disk now' });
    const shown = await finished(hearth, assistantMessage.id);
    await hearth.chat.idle();
    assert.equal(shown.status, 'error', 'the answer could not be stored as complete');
    assert.equal(shown.detail, DISK_FULL_MESSAGE);
    assert.ok(
      hearth.emitted.some(
        (e) => e.event === 'notice' && (e.payload as { message: string }).message === DISK_FULL_MESSAGE,
      ),
      'the user is told',
    );

    unsubscribe();
    assert.ok(filler, 'the answer streamed text');
    rmSync(filler);
    await ask(hearth, conversationId, 'Space is back');
    const { messages } = await hearth.call('conversations.get', { conversationId });
    const stored = messages.find((m) => m.id === assistantMessage.id);
    assert.equal(stored?.status, 'complete', 'the answer that ended on a full disk was saved once space returned');
    assert.equal(stored.content, shown.content);
  });
});
