/**
 * The engine's remembering tokenizer (cachedTokenizer) on real tokenizers and real chat templates:
 * every rendering tokenizes to exactly what node-llama-cpp's own tokenizer gives, however warm the
 * cache, and a rendering tokenized again asks the real tokenizer nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ChatHistoryItem, ChatMLChatWrapper, Llama2ChatWrapper, type Tokenizer } from 'node-llama-cpp';
import { cachedTokenizer } from '../../main/engine/process/cachedTokenizer.js';
import { useRealVocabModels } from '../support/realVocabs.js';

/** Texts whose tokens depend on what comes before them: leading spaces, CJK, emoji, line ends. */
const MESSAGES = [
  'Hello.',
  ' leading space',
  '中文，还有标点。',
  '  two spaces\n',
  '🔥 fire',
  'a',
  '\n\nx',
  '{"k": 1}',
];

function history(messages: readonly string[]): ChatHistoryItem[] {
  return messages.flatMap((text, i): ChatHistoryItem[] => [
    { type: 'user', text },
    { type: 'model', response: [`${i}: ${[...text].reverse().join('')}`] },
  ]);
}

/** The model's tokenizer, counting the texts that reach it (a builtin token's id is only looked up). */
function counting(tokenizer: Tokenizer): { tokenizer: Tokenizer; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(tokenizer, {
    apply(target, thisArg, args: unknown[]) {
      if (args[1] !== 'builtin') calls++;
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  return { tokenizer: proxy, calls: () => calls };
}

describe('cachedTokenizer (real tokenizers)', () => {
  const models = useRealVocabModels(['qwen2', 'llama-spm']);

  test('the least recently used texts go once a million characters are remembered; long texts are not kept', () => {
    const model = models.get('qwen2');
    assert.ok(model);
    const { tokenizer: real, calls } = counting(model.tokenizer);
    const cached = cachedTokenizer(real);
    const asked = (text: string) => {
      const before = calls();
      assert.deepEqual(cached(text, false), model.tokenizer(text, false));
      return calls() - before;
    };
    assert.equal(asked('the first text'), 1);
    assert.equal(asked('the first text'), 0, 'remembered');
    // Twelve distinct 100k-character texts: more than the budget, so the first goes.
    for (let i = 0; i < 12; i++) asked(`${i} ${'warm hearth '.repeat(8_400)}`);
    assert.equal(asked('the first text'), 1, 'forgotten after a million characters of others');
    const long = 'x'.repeat(250_000);
    assert.equal(asked(long), 1);
    assert.equal(asked(long), 1, 'a text over 200k characters is tokenized every time');
  });

  for (const [vocab, wrapper] of [
    ['qwen2', new ChatMLChatWrapper()],
    ['llama-spm', new Llama2ChatWrapper()],
  ] as const) {
    test(`renderings tokenize as node-llama-cpp's tokenizer does (${vocab})`, () => {
      const model = models.get(vocab);
      assert.ok(model);
      const { tokenizer: real, calls } = counting(model.tokenizer);
      const cached = cachedTokenizer(real);
      // Every prefix of a conversation, rendered open, twice over: the second pass is all remembered.
      for (const pass of [1, 2]) {
        const before = calls();
        for (let end = 1; end <= MESSAGES.length; end++) {
          const text = wrapper.generateContextState({
            chatHistory: [...history(MESSAGES.slice(0, end)), { type: 'user', text: MESSAGES[end - 1]! }],
          }).contextText;
          const expected = text.tokenize(model.tokenizer);
          assert.deepEqual(text.tokenize(cached), expected, `pass ${pass}, ${end} messages`);
          // What a caller does with the tokens it gets cannot change what is remembered.
          text.tokenize(cached).fill(0 as never);
        }
        if (pass === 2) assert.equal(calls() - before, 0, 'a rendering seen before asks the tokenizer nothing');
        else assert.ok(calls() - before > 0);
      }
      // Options are part of what is remembered: the same text with and without them.
      const plain = cached(' word', false);
      const trimmed = cached(' word', false, 'trimLeadingSpace');
      assert.deepEqual(plain, model.tokenizer(' word', false));
      assert.deepEqual(trimmed, model.tokenizer(' word', false, 'trimLeadingSpace'));
      assert.deepEqual(cached('<|im_end|>', true), model.tokenizer('<|im_end|>', true));
      assert.deepEqual(cached('<|im_end|>', false), model.tokenizer('<|im_end|>', false));
      // The rest of the tokenizer is the model's.
      assert.equal(cached.detokenize(plain), model.tokenizer.detokenize(plain));
      assert.equal(cached.isEogToken(plain[0]!), model.tokenizer.isEogToken(plain[0]!));
    });
  }
});
