import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, readMigrations } from '../../main/storage/migrate.js';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { MessageSearch } from '../../main/storage/MessageSearch.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { searchSnippet } from '../../main/storage/searchSnippet.js';
import { tempDir } from '../support/tempDir.js';

const finished = { status: 'complete', stopReason: 'end_of_turn', detail: null, stats: null, context: null } as const;

/** A conversation with one exchange; returns the ids. */
function exchange(store: ConversationStore, title: string, question: string, answer: string) {
  const conversation = store.create({ title, modelId: null, systemPrompt: '' });
  const { user, assistant } = store.appendExchange(conversation.id, null, question, 'model.gguf');
  store.finish(assistant.id, { ...finished, content: answer });
  return { conversationId: conversation.id, userId: user.id, assistantId: assistant.id };
}

describe('conversation search (FTS5, trigram)', () => {
  test('the migration indexes messages written before it; triggers follow inserts, edits and deletes', () => {
    const path = join(tempDir(), 'hearth.sqlite');
    const before = new Database(path);
    const migrations = readMigrations();
    const searchMigration = migrations.findIndex((migration) => migration.name.includes('message-search'));
    assert.ok(searchMigration > 0);
    migrate(before, migrations.slice(0, searchMigration));
    before
      .prepare(
        "INSERT INTO conversations (id, title, created_at, updated_at, model_id, system_prompt) VALUES ('8c1f5a3e-3a52-4c4b-9a8f-7d2c1e0b9a11', 'Old', 1, 1, NULL, '')",
      )
      .run();
    before
      .prepare(
        "INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, created_at) VALUES ('0d3b8e4f-1c2a-4b5d-8e6f-9a0b1c2d3e4f', '8c1f5a3e-3a52-4c4b-9a8f-7d2c1e0b9a11', NULL, 1, 'user', 'The kettle sings on the stove', 'complete', 1)",
      )
      .run();
    before.close();

    const db = openDatabase(path);
    const search = new MessageSearch(db);
    assert.deepEqual(
      search.search('kettle').map((hit) => hit.messageId),
      ['0d3b8e4f-1c2a-4b5d-8e6f-9a0b1c2d3e4f'],
      'a message written before the migration is found',
    );
    const store = new ConversationStore(db);
    const tea = store.create({ title: 'Tea', modelId: null, systemPrompt: '' });
    const { user, assistant } = store.appendExchange(tea.id, null, 'Where is the teapot?', 'model.gguf');
    assert.equal(search.search('teapot')[0]?.messageId, user.id, 'a new message is found');
    // An answer streaming: each saved batch replaces the indexed text.
    store.saveProgress(assistant.id, 'On the shelf');
    assert.equal(search.search('shelf')[0]?.messageId, assistant.id);
    store.saveProgress(assistant.id, 'In the cupboard, behind the jars.');
    assert.deepEqual(search.search('shelf'), [], 'the earlier text is gone from the index');
    store.finish(assistant.id, { ...finished, content: 'In the cupboard, behind the jars.' });
    assert.equal(search.search('cupboard')[0]?.messageId, assistant.id);
    store.delete(tea.id);
    assert.deepEqual(search.search('cupboard'), [], 'a deleted conversation’s messages are gone');
    db.close();
  });

  test('English words, Chinese phrases (also two characters) and mixed text; every term must occur', () => {
    const db = openDatabase(join(tempDir(), 'hearth.sqlite'));
    const store = new ConversationStore(db);
    const search = new MessageSearch(db);
    const weather = exchange(store, '天气', '今天北京的天气怎么样？', '北京今天晴，气温二十度。');
    const mixed = exchange(store, 'Trip', '我们去 Shanghai 旅行吧', 'Shanghai 的 weather 很好。');
    const english = exchange(store, 'Fire', 'How do I light the fireplace safely?', 'Open the flue first.');

    assert.deepEqual(
      search.search('北京的天气').map((hit) => hit.messageId),
      [weather.userId],
    );
    // Two characters: below the trigram index, matched by a scan.
    assert.deepEqual(
      new Set(search.search('北京').map((hit) => hit.messageId)),
      new Set([weather.userId, weather.assistantId]),
    );
    assert.deepEqual(
      search.search('天气').map((hit) => [hit.messageId, hit.conversationId]),
      [
        [null, weather.conversationId],
        [weather.userId, weather.conversationId],
      ],
      'the title matches first, then the message',
    );
    assert.deepEqual(
      search.search('shanghai weather').map((hit) => hit.messageId),
      [mixed.assistantId],
      'every term must occur, in any case',
    );
    assert.deepEqual(
      search.search('FIREPLACE').map((hit) => hit.messageId),
      [english.userId],
    );
    assert.deepEqual(search.search('fireplace moon'), []);
    db.close();
  });

  test('a word from a branch that is not the active one is found, with its conversation', () => {
    const db = openDatabase(join(tempDir(), 'hearth.sqlite'));
    const store = new ConversationStore(db);
    const search = new MessageSearch(db);
    const first = exchange(store, 'Colours', 'Name a colour', 'Turquoise.');
    // An edit of the question makes a new active branch; the first answer stays on the old one.
    const edited = store.appendExchange(first.conversationId, null, 'Name a warm colour', 'model.gguf');
    store.finish(edited.assistant.id, { ...finished, content: 'Orange.' });
    assert.notEqual(store.leafId(first.conversationId), first.assistantId);
    assert.deepEqual(
      search.search('turquoise').map((hit) => [hit.conversationId, hit.messageId]),
      [[first.conversationId, first.assistantId]],
    );
    db.close();
  });

  test('FTS5 syntax in a query is searched for as text, never interpreted', () => {
    const db = openDatabase(join(tempDir(), 'hearth.sqlite'));
    const store = new ConversationStore(db);
    const search = new MessageSearch(db);
    const quoted = exchange(store, 'Code', 'What does "a* OR b" mean in SQL?', 'NEAR(x y) is FTS5 syntax.');
    for (const query of ['"a*', 'OR b"', 'NEAR(x', '*', '"', 'a OR', '^b', ')']) {
      assert.doesNotThrow(() => search.search(query), query);
    }
    assert.deepEqual(
      search.search('"a* OR b"').map((hit) => hit.messageId),
      [quoted.userId],
    );
    assert.deepEqual(
      search.search('NEAR(x').map((hit) => hit.messageId),
      [quoted.assistantId],
    );
    db.close();
  });

  test('snippets: the text around the first match, every match marked, long text cut with ellipses', () => {
    const long = `${'lorem ipsum '.repeat(20)}the hidden kettle and another Kettle ${'dolor sit '.repeat(30)}`;
    const snippet = searchSnippet(long, ['kettle']);
    assert.ok(snippet.text.startsWith('…') && snippet.text.endsWith('…'));
    assert.deepEqual(
      snippet.matches.map(([start, end]) => snippet.text.slice(start, end)),
      ['kettle', 'Kettle'],
    );
    const chinese = searchSnippet('今天北京的天气怎么样？', ['天气']);
    assert.deepEqual(chinese, { text: '今天北京的天气怎么样？', matches: [[5, 7]] });
    const overlapping = searchSnippet('firefly', ['fire', 'ref', 'firefly']);
    assert.deepEqual(overlapping.matches, [[0, 7]]);
  });
});
