import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { describeContextGauge, type ContextGaugeInput } from '../../renderer/src/format/describeContextGauge.js';
import { formatShortcut, shortcutKeyNames } from '../../renderer/src/format/shortcutKeys.js';
import { i18n } from '../../renderer/src/i18n/i18n.js';

const attention = { modelId: 'dense.gguf', stateKind: 'attention', contextSize: 4096 } as const;
const answer = {
  modelId: 'dense.gguf',
  context: { source: 'state', tokens: 40, ms: 2, rejected: null, held: 3000 },
  stats: { promptTokens: 40, completionTokens: 120, timeToFirstTokenMs: 5, tokensPerSecond: 30 },
} as const;
const base: ContextGaugeInput = {
  loaded: attention,
  conversationModelId: 'dense.gguf',
  lastAnswer: answer,
  recurrentStateBytes: null,
};

afterEach(() => i18n.changeLanguage('en'));

describe('the chat header context gauge', () => {
  test('an attention model: what the last answer held, plus the answer, of the context size', () => {
    assert.deepEqual(describeContextGauge(base), {
      kind: 'tokens',
      used: 3120,
      size: 4096,
      text: '3,120 of 4,096 tokens',
    });
  });

  test('a recurrent model: its fixed state size and no limit, whatever the answers say', () => {
    const gauge = describeContextGauge({
      ...base,
      loaded: { ...attention, stateKind: 'recurrent' },
      lastAnswer: null,
      recurrentStateBytes: 13_000_000,
    });
    assert.equal(gauge?.text, 'state: 13 MB, no context limit');
    assert.equal(
      describeContextGauge({ ...base, loaded: { ...attention, stateKind: 'recurrent' } }),
      null,
      'no size known: nothing',
    );
  });

  test('nothing rather than a guess', () => {
    assert.equal(describeContextGauge({ ...base, loaded: null }), null, 'no model loaded');
    assert.equal(describeContextGauge({ ...base, conversationModelId: 'other.gguf' }), null, 'another model loaded');
    assert.equal(describeContextGauge({ ...base, lastAnswer: null }), null, 'no answer yet');
    assert.equal(
      describeContextGauge({ ...base, lastAnswer: { ...answer, modelId: 'other.gguf' } }),
      null,
      'the last answer came from another model (another tokenizer)',
    );
    assert.equal(
      describeContextGauge({ ...base, lastAnswer: { ...answer, context: { ...answer.context, held: undefined } } }),
      null,
      'an older answer that did not record what it held',
    );
    assert.equal(describeContextGauge({ ...base, lastAnswer: { ...answer, stats: null } }), null, 'no answer size');
  });

  test('in Chinese, numbers follow the language too', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(describeContextGauge(base)?.text, '3,120 / 4,096 token');
  });
});

describe('shortcut key names', () => {
  test('Ctrl and "+" elsewhere, ⌘ without "+" on a Mac', () => {
    assert.equal(formatShortcut(['mod', 'N'], false), 'Ctrl+N');
    assert.equal(formatShortcut(['mod', 'slash'], true), '⌘/');
    assert.deepEqual(shortcutKeyNames(['shift', 'enter'], true), ['⇧', '↩']);
    assert.deepEqual(shortcutKeyNames(['shift', 'enter'], false), ['Shift', 'Enter']);
  });
});
