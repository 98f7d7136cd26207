/**
 * The renderer's store under the races the event stream produces: a `chat.finished` event can
 * arrive before the `chat.send` reply, and a refetch can be older than the events already applied.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { useAppStore } from '../../renderer/src/store/appStore.js';
import type { Conversation, Message } from '../../contract/index.js';

const conv: Conversation = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 't',
  createdAt: 1,
  updatedAt: 1,
  modelId: 'm.gguf',
  systemPrompt: '',
  sampling: null,
};
const msg = (id: string, role: 'user' | 'assistant', status: Message['status'], content = ''): Message => ({
  id,
  conversationId: conv.id,
  parentId: null,
  role,
  content,
  status,
  stopReason: null,
  detail: null,
  modelId: null,
  stats: null,
  context: null,
  sources: [],
  siblingIds: [id],
  createdAt: 1,
});
const s = () => useAppStore.getState();

// The store is a module singleton, as in the app: each test starts from its initial state.
beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

describe('renderer store: answers that stream, finish and get refetched out of order', () => {
  test('finish before the send reply keeps the finished answer', () => {
    s().setOpenConversationId(conv.id);
    s().showConversation(conv, []);
    s().appendStreamingText(new Map([['a', 'Hel']]));
    s().finishMessage(msg('a', 'assistant', 'complete', 'Hello'));
    s().addMessages(conv.id, [msg('u', 'user', 'complete', 'hi'), msg('a', 'assistant', 'streaming')]);
    assert.deepEqual(s().messageIds, ['u', 'a']);
    assert.equal(s().messagesById.a?.status, 'complete');
    assert.equal(s().streamingText.a, undefined);
  });

  test('a stale fetch does not undo a finish; streamed text survives a refetch', () => {
    s().setOpenConversationId(conv.id);
    s().showConversation(conv, [msg('u', 'user', 'complete', 'hi'), msg('a', 'assistant', 'streaming')]);
    s().appendStreamingText(new Map([['a', 'Hello wor']]));
    s().showConversation(conv, [msg('u', 'user', 'complete', 'hi'), msg('a', 'assistant', 'streaming', 'Hel')]);
    assert.equal(s().streamingText.a, 'Hello wor');
    s().finishMessage(msg('a', 'assistant', 'interrupted', 'Hello world'));
    s().showConversation(conv, [msg('u', 'user', 'complete', 'hi'), msg('a', 'assistant', 'streaming', 'Hello')]);
    assert.equal(s().messagesById.a?.status, 'interrupted');
  });

  test('regenerate replaces the last answer', () => {
    s().setOpenConversationId(conv.id);
    s().showConversation(conv, [msg('u', 'user', 'complete', 'hi'), msg('a', 'assistant', 'error')]);
    s().replaceLastAnswer(msg('b', 'assistant', 'streaming'));
    assert.deepEqual(s().messageIds, ['u', 'b']);
    assert.equal(s().messagesById.a, undefined);
  });

  test('messages of another conversation are ignored', () => {
    s().setOpenConversationId(conv.id);
    s().showConversation(conv, []);
    s().addMessages('00000000-0000-4000-8000-000000000002', [msg('x', 'user', 'complete')]);
    assert.deepEqual(s().messageIds, []);
  });
});
