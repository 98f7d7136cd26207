import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { SettingsStore } from '../../main/storage/SettingsStore.js';
import { tempDir } from '../support/tempDir.js';

function open() {
  let clock = 1_000;
  const db = openDatabase(join(tempDir(), 'store.sqlite'));
  return { db, store: new ConversationStore(db, () => (clock += 10)) };
}

describe('ConversationStore', () => {
  test('lists conversations most recent first, with message counts', () => {
    const { store } = open();
    const a = store.create({ modelId: null, systemPrompt: '' });
    const b = store.create({ title: 'Second', modelId: 'm.gguf', systemPrompt: 'Be brief.' });
    assert.deepEqual(
      store.list().conversations.map((c) => c.id),
      [b.id, a.id],
    );
    store.appendExchange(a.id, store.leafId(a.id), 'Hello there', 'm.gguf');
    const list = store.list().conversations;
    assert.equal(list[0]?.id, a.id, 'a new message moves the conversation to the top');
    assert.equal(list[0]?.messageCount, 2);
    assert.equal(list[0]?.title, 'Hello there', 'an untitled conversation is named after its first message');
    assert.equal(list[1]?.title, 'Second');
  });

  test('lists in pages: every conversation once, in order, ties broken by creation', () => {
    const db = openDatabase(join(tempDir(), 'store.sqlite'));
    // Three conversations per millisecond: a cursor on the time alone would skip or repeat them.
    let tick = 0;
    const store = new ConversationStore(db, () => 1_000 + Math.floor(tick++ / 3));
    const created = Array.from({ length: 25 }, () => store.create({ modelId: null, systemPrompt: 'x'.repeat(5000) }));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = store.list({ limit: 4, ...(cursor && { cursor }) });
      assert.ok(page.conversations.length <= 4);
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 7);
    assert.deepEqual(seen, created.map((c) => c.id).reverse());
    assert.equal(store.list({ limit: 25 }).nextCursor, null, 'no cursor when nothing follows');
  });

  test('the exchange is stored before generation: user message complete, answer streaming', () => {
    const { store } = open();
    const c = store.create({ modelId: null, systemPrompt: '' });
    const { user, assistant } = store.appendExchange(c.id, store.leafId(c.id), 'Question?', 'm.gguf');
    assert.equal(user.status, 'complete');
    assert.equal(assistant.status, 'streaming');
    assert.equal(assistant.parentId, user.id);
    store.saveProgress(assistant.id, 'Partial ans');
    assert.equal(store.getMessage(assistant.id)?.content, 'Partial ans');
    const done = store.finish(assistant.id, {
      content: 'Partial answer.',
      status: 'complete',
      stopReason: 'end_of_turn',
      detail: null,
      stats: { promptTokens: 12, completionTokens: 4, timeToFirstTokenMs: 30, tokensPerSecond: 40 },
      context: { source: 'state', tokens: 7, ms: 3, rejected: null },
    });
    assert.equal(done?.status, 'complete');
    assert.deepEqual(done?.stats, {
      promptTokens: 12,
      completionTokens: 4,
      timeToFirstTokenMs: 30,
      tokensPerSecond: 40,
    });
    store.saveProgress(assistant.id, 'late write');
    assert.equal(store.getMessage(assistant.id)?.content, 'Partial answer.', 'a finished answer is not overwritten');
  });

  test('answers left streaming by a crash become interrupted and keep their text', () => {
    const { store } = open();
    const c = store.create({ modelId: null, systemPrompt: '' });
    const { assistant } = store.appendExchange(c.id, store.leafId(c.id), 'Q', 'm.gguf');
    store.saveProgress(assistant.id, 'half of it');
    assert.equal(store.recoverInterrupted(), 1);
    const recovered = store.getMessage(assistant.id);
    assert.equal(recovered?.status, 'interrupted');
    assert.equal(recovered?.stopReason, 'app_closed');
    assert.equal(recovered?.content, 'half of it');
  });

  test('deleting a conversation deletes its messages (foreign keys cascade)', () => {
    const { db, store } = open();
    const c = store.create({ modelId: null, systemPrompt: '' });
    store.appendExchange(c.id, store.leafId(c.id), 'Q1', 'm.gguf');
    store.appendExchange(c.id, store.leafId(c.id), 'Q2', 'm.gguf');
    assert.equal(store.delete(c.id), true);
    assert.equal(db.prepare('SELECT COUNT(*) FROM messages').pluck().get(), 0);
    assert.equal(store.delete(c.id), false);
    assert.equal((db.pragma('foreign_key_check') as unknown[]).length, 0);
  });

  test('a stored sampling value that no longer fits the schema falls back to the defaults', () => {
    const { db, store } = open();
    const c = store.create({ modelId: null, systemPrompt: '' });
    db.prepare('UPDATE conversations SET sampling_json = ? WHERE id = ?').run('{"temperature": 99}', c.id);
    assert.equal(store.get(c.id)?.sampling, null);
  });
});

describe('ConversationStore branches', () => {
  /** q1 → a1 → q2 → a2, then a second answer to q2 (regenerate) and an edited q2' with its answer. */
  function tree() {
    const { db, store } = open();
    const c = store.create({ modelId: null, systemPrompt: '' });
    const first = store.appendExchange(c.id, null, 'q1', 'm.gguf');
    const second = store.appendExchange(c.id, first.assistant.id, 'q2', 'm.gguf');
    const regenerated = store.appendAnswer(c.id, second.user.id, 'm.gguf');
    const edited = store.appendExchange(c.id, first.assistant.id, "q2'", 'm.gguf');
    return { db, store, c, first, second, regenerated, edited };
  }
  const contents = (messages: { content: string }[]) => messages.map((m) => m.content);

  test('the active branch ends at the newest exchange, with the alternatives at each point', () => {
    const { store, c, second, edited } = tree();
    const branch = store.activeBranch(c.id);
    assert.deepEqual(contents(branch), ['q1', '', "q2'", '']);
    assert.deepEqual(branch[2]?.siblingIds, [second.user.id, edited.user.id], 'q2 and its edit are siblings');
    assert.equal(branch[0]?.siblingIds.length, 1);
  });

  test('selecting a branch shows it down to its newest answer', () => {
    const { store, c, second, regenerated } = tree();
    assert.equal(store.selectBranch(c.id, second.user.id), true);
    const branch = store.activeBranch(c.id);
    assert.equal(branch.at(-1)?.id, regenerated.id, 'the newest of the two answers to q2');
    assert.deepEqual(branch.at(-1)?.siblingIds, [second.assistant.id, regenerated.id]);
    assert.equal(store.selectBranch(c.id, second.assistant.id), true);
    assert.equal(store.activeBranch(c.id).at(-1)?.id, second.assistant.id);
    assert.equal(store.selectBranch('00000000-0000-4000-8000-000000000000', second.user.id), false);
  });

  test('deleting a branch deletes everything after it and shows a neighbour', () => {
    const { db, store, c, second, edited } = tree();
    store.selectBranch(c.id, second.user.id);
    assert.equal(store.deleteBranch(c.id, second.user.id), true);
    assert.equal(db.prepare('SELECT COUNT(*) FROM messages WHERE parent_id = ?').pluck().get(second.user.id), 0);
    assert.equal(store.activeBranch(c.id).at(-1)?.parentId, edited.user.id, 'the edited branch is shown');
    assert.equal(db.prepare('SELECT COUNT(*) FROM messages').pluck().get(), 4);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  });
});

describe('SettingsStore', () => {
  test('returns defaults, persists patches, and ignores corrupt stored values', () => {
    const { db } = open();
    const settings = new SettingsStore(db);
    assert.equal(settings.get().theme, 'system');
    settings.update({ theme: 'dark', contextSize: 2048 });
    assert.equal(new SettingsStore(db).get().theme, 'dark');
    assert.equal(new SettingsStore(db).get().contextSize, 2048);
    db.prepare("UPDATE settings SET value = 'not json' WHERE key = 'theme'").run();
    assert.equal(settings.get().theme, 'system');
    assert.equal(settings.get().contextSize, 2048);
  });
});
