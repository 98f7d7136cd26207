import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ConversationPage } from '../../contract/index.js';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { tempDir } from '../support/tempDir.js';

/**
 * `perMs` conversations per millisecond: with three, a cursor on the time alone would skip or
 * repeat them; with one, "the newest" is the last one touched.
 */
function open(perMs = 3) {
  const db = openDatabase(join(tempDir(), 'store.sqlite'));
  let tick = 0;
  const store = new ConversationStore(db, () => 1_000 + Math.floor(tick++ / perMs));
  return { db, store };
}

/** Every page from the top, `limit` per page, and what each page held. */
function readAll(store: ConversationStore, limit: number, between?: (pageIndex: number) => void) {
  const pages: ConversationPage[] = [];
  let cursor: string | undefined;
  do {
    const page = store.list({ limit, ...(cursor && { cursor }) });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
    between?.(pages.length);
  } while (cursor);
  return pages;
}

describe('ConversationStore: pinned conversations', () => {
  test('the first page brings every pinned conversation apart; the pages hold each other one once, in order', () => {
    const { store } = open();
    const created = Array.from({ length: 25 }, (_, i) =>
      store.create({ title: `C${i}`, modelId: null, systemPrompt: '' }),
    );
    // Pinned in this order: 7, then 20, then 0 (the oldest), then 12.
    const pinOrder = [7, 20, 0, 12].map((i) => created[i]!.id);
    for (const id of pinOrder) assert.notEqual(store.setPinned(id, true)?.pinnedAt, null);

    const pages = readAll(store, 4);
    assert.deepEqual(
      pages[0]?.pinned.map((c) => c.id),
      [...pinOrder].reverse(),
      'most recently pinned first',
    );
    assert.ok(pages[0]?.pinned.every((c) => c.pinnedAt !== null));
    assert.ok(
      pages.slice(1).every((page) => page.pinned.length === 0),
      'pinned ones come with the first page only',
    );
    const listed = pages.flatMap((page) => page.conversations.map((c) => c.id));
    const unpinned = created
      .map((c) => c.id)
      .filter((id) => !pinOrder.includes(id))
      .reverse();
    assert.deepEqual(listed, unpinned, 'every other conversation once, newest first');
    assert.ok(pages.every((page) => page.conversations.every((c) => c.pinnedAt === null)));
    assert.equal(pages.length, 6, '21 conversations in pages of 4');
  });

  test('pinning and unpinning while the list is paged skips and repeats nothing that stayed put', () => {
    const { store } = open();
    const created = Array.from({ length: 20 }, (_, i) =>
      store.create({ title: `C${i}`, modelId: null, systemPrompt: '' }),
    );
    const early = created[2]!.id; // far down the list: on a later page
    const top = created[19]!.id; // on the first page
    store.setPinned(top, true);
    const pages = readAll(store, 5, (index) => {
      if (index !== 1) return;
      // Between the first and the second page: one row below the cursor is pinned, one above unpinned.
      store.setPinned(early, true);
      store.setPinned(top, false);
    });
    const listed = pages.flatMap((page) => page.conversations.map((c) => c.id));
    assert.equal(new Set(listed).size, listed.length, 'no conversation twice');
    const expected = created
      .map((c) => c.id)
      .filter((id) => id !== top && id !== early)
      .reverse();
    assert.deepEqual(
      listed.filter((id) => id !== early),
      expected,
      'every conversation that was not pinned or unpinned is listed, in order',
    );
    assert.ok(!listed.slice(5).includes(early), 'the newly pinned one is not in the pages after its pinning');
    const fresh = store.list({ limit: 5 });
    assert.deepEqual(
      fresh.pinned.map((c) => c.id),
      [early],
    );
    assert.equal(fresh.conversations[0]?.id, top, 'unpinned, it is back in its place by recency');
  });

  test('pinning keeps the first pin time and the update time; unpinning clears it; an unknown id is undefined', () => {
    const { store } = open();
    const c = store.create({ title: 'Kept', modelId: null, systemPrompt: '' });
    const first = store.setPinned(c.id, true)?.pinnedAt;
    assert.equal(typeof first, 'number');
    store.create({ modelId: null, systemPrompt: '' });
    assert.equal(store.setPinned(c.id, true)?.pinnedAt, first, 'pinning again is a no-op');
    assert.equal(store.get(c.id)?.updatedAt, c.updatedAt, 'pinning does not move it by recency');
    assert.deepEqual(store.setPinned(c.id, false), { pinnedAt: null });
    assert.equal(store.list().pinned.length, 0);
    assert.equal(store.setPinned('00000000-0000-4000-8000-000000000000', true), undefined);
  });
});

describe('ConversationStore: reusing an empty "New chat"', () => {
  test('an unused conversation is opened again, with the model asked for, instead of a new one', () => {
    const { store } = open(1);
    const empty = store.create({ modelId: 'a.gguf', systemPrompt: '' });
    store.create({ title: 'Named', modelId: null, systemPrompt: '' });
    const again = store.create({ modelId: 'b.gguf', systemPrompt: '' }, { reuseEmpty: true });
    assert.equal(again.id, empty.id);
    assert.equal(again.modelId, 'b.gguf');
    assert.equal(store.list().conversations[0]?.id, empty.id, 'moved to the top');
    assert.equal(store.list().conversations.length, 2);
    assert.notEqual(
      store.create({ modelId: null, systemPrompt: '' }).id,
      empty.id,
      'without the option, a new one as before',
    );
  });

  test('a conversation with messages, a title of its own, a pin, another system prompt or its own sampling is not reused', () => {
    const { store } = open(1);
    const used = store.create({ modelId: null, systemPrompt: '' });
    store.appendExchange(used.id, null, 'Hello', 'm.gguf');
    store.update(used.id, { title: 'New chat' }); // the default title, but it has messages
    const titled = store.create({ title: 'Mine', modelId: null, systemPrompt: '' });
    const pinned = store.create({ modelId: null, systemPrompt: '' });
    store.setPinned(pinned.id, true);
    const next = store.create({ modelId: null, systemPrompt: '' }, { reuseEmpty: true });
    assert.ok(![used.id, titled.id, pinned.id].includes(next.id));
    assert.equal(
      store.create({ modelId: null, systemPrompt: '' }, { reuseEmpty: true }).id,
      next.id,
      'the unused one just made is reused',
    );
    assert.notEqual(
      store.create({ title: 'Asked for', modelId: null, systemPrompt: '' }, { reuseEmpty: true }).id,
      next.id,
      'a title asked for makes a new one',
    );
    const other = store.create({ modelId: null, systemPrompt: 'A new default.' }, { reuseEmpty: true });
    assert.ok(![next.id, used.id, titled.id, pinned.id].includes(other.id), 'another system prompt: a new one');
    assert.equal(other.systemPrompt, 'A new default.');
    store.update(other.id, { sampling: { temperature: 0.1, topP: 1, maxTokens: 10, seed: null } });
    assert.notEqual(
      store.create({ modelId: null, systemPrompt: 'A new default.' }, { reuseEmpty: true }).id,
      other.id,
      'its own sampling: not unused',
    );
  });
});

describe('ConversationStore: how much context an answer held', () => {
  test('the tokens held are stored with the answer, and absent where unknown', () => {
    const { store } = open();
    const c = store.create({ modelId: null, systemPrompt: '' });
    const first = store.appendExchange(c.id, null, 'Q1', 'm.gguf');
    const outcome = { content: 'A', status: 'complete', stopReason: 'end_of_turn', detail: null, stats: null } as const;
    const done = store.finish(first.assistant.id, {
      ...outcome,
      context: { source: 'state', tokens: 9, ms: 1, rejected: null, held: 3120 },
    });
    assert.equal(done?.context?.held, 3120);
    const second = store.appendExchange(c.id, first.assistant.id, 'Q2', 'm.gguf');
    const older = store.finish(second.assistant.id, {
      ...outcome,
      context: { source: 'reread', tokens: 9, ms: 1, rejected: null },
    });
    assert.ok(older?.context && !('held' in older.context), 'no guess where nothing was recorded');
  });
});
