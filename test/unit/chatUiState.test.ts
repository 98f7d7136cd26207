/**
 * The renderer's banners and drafts (store transitions) and what a screen reader hears when an
 * answer ends: plain functions, no browser.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { Message } from '../../contract/index.js';
import { describeFinish } from '../../renderer/src/session/describeFinish.js';
import { useAppStore } from '../../renderer/src/store/appStore.js';

const s = () => useAppStore.getState();
beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

describe('banners', () => {
  test('a newer banner of the same kind in the same place replaces the older one; other places keep theirs', () => {
    s().showBanner('error', 'Choose a model for this conversation first.', { kind: 'no_model', conversationId: 'a' });
    s().showBanner('error', 'Choose a model for this conversation first.', { kind: 'no_model', conversationId: 'b' });
    s().showBanner('error', 'Engine stopped: killed.', { kind: 'notices:engineCrashed' });
    s().showBanner('error', 'Engine stopped: out of memory.', { kind: 'notices:engineCrashed' });
    assert.deepEqual(
      s().banners.map((banner) => [banner.kind, banner.conversationId, banner.message]),
      [
        ['notices:engineCrashed', undefined, 'Engine stopped: out of memory.'],
        ['no_model', 'b', 'Choose a model for this conversation first.'],
        ['no_model', 'a', 'Choose a model for this conversation first.'],
      ],
    );
  });

  test('clearing a kind in one conversation leaves it in the others; without one it clears everywhere', () => {
    s().showBanner('error', 'x', { kind: 'no_model', conversationId: 'a' });
    s().showBanner('error', 'x', { kind: 'no_model', conversationId: 'b' });
    s().showBanner('info', 'Downloaded.');
    s().clearBanners('no_model', 'a');
    assert.deepEqual(
      s().banners.map((banner) => banner.conversationId ?? 'app'),
      ['app', 'b'],
    );
    s().clearBanners('no_model');
    assert.deepEqual(
      s().banners.map((banner) => banner.message),
      ['Downloaded.'],
      'app-wide notices of no kind stay',
    );
  });
});

describe('drafts', () => {
  test('each conversation keeps its own; an emptied draft is dropped', () => {
    s().setDraft('a', 'for a');
    s().setDraft('b', 'for b');
    assert.equal(s().drafts['a'], 'for a');
    assert.equal(s().drafts['b'], 'for b');
    s().setDraft('a', '');
    assert.deepEqual(Object.keys(s().drafts), ['b']);
  });
});

describe('what is announced when an answer ends', () => {
  const answer = (content: string, status: Message['status'] = 'complete'): Message => ({
    id: '00000000-0000-4000-8000-000000000002',
    conversationId: '00000000-0000-4000-8000-000000000001',
    parentId: null,
    role: 'assistant',
    content,
    status,
    stopReason: status === 'interrupted' ? 'user_stopped' : 'end_of_turn',
    detail: null,
    modelId: null,
    stats: null,
    context: null,
    sources: [],
    siblingIds: [],
    createdAt: 1,
  });

  test('complete: its first sentence in plain words, not the whole answer', () => {
    assert.equal(
      describeFinish(answer('**Paris** is the capital of France. It has many museums.')),
      'Answer complete. Paris is the capital of France.',
    );
    assert.equal(describeFinish(answer('巴黎是法国的首都。它有很多博物馆。')), 'Answer complete. 巴黎是法国的首都。');
    assert.equal(describeFinish(answer('')), 'Answer complete.');
    const long = describeFinish(answer('word '.repeat(200)));
    assert.ok(long.length < 200 && long.endsWith('…'), long);
  });

  test('stopped by the user', () => {
    assert.equal(describeFinish(answer('Half', 'interrupted')), 'Answer stopped.');
  });
});
