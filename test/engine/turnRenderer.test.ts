/**
 * Turn-at-a-time rendering on real tokenizers and real chat templates (vocab-only GGUF files and
 * .jinja templates from the llama.cpp source node-llama-cpp ships; no weights needed): the tokens
 * built from a base plus the new turn must be exactly those of the whole history rendered by
 * node-llama-cpp, and the work (tokens produced by tokenizing) must not grow with the history.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  type ChatHistoryItem,
  type ChatWrapper,
  ChatMLChatWrapper,
  GeneralChatWrapper,
  JinjaTemplateChatWrapper,
  Llama2ChatWrapper,
  Llama3ChatWrapper,
  type LlamaModel,
  resolveChatWrapper,
} from 'node-llama-cpp';
import { type Rendered, TurnRenderer } from '../../main/engine/process/TurnRenderer.js';
import { realTemplatePath, useRealVocabModels } from '../support/realVocabs.js';

const SYSTEM: ChatHistoryItem = { type: 'system', text: 'You are Hearth, a helpful assistant. 回答要简洁。' };

/** `exchanges` earlier exchanges, then the same last exchange and the same new question for every length. */
function conversation(exchanges: number, system: boolean): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = system ? [SYSTEM] : [];
  for (let i = 0; i < exchanges; i++) {
    items.push({ type: 'user', text: `Question ${i}: what did the fire say about evening number ${i}?` });
    items.push({ type: 'model', response: [`It said ${'warm things '.repeat(1 + (i % 5))}and 火 ${i}.\n`] });
  }
  items.push({ type: 'user', text: 'And the last one, 最后一个?' });
  items.push({ type: 'model', response: ['The last one was quiet. '] });
  items.push({ type: 'user', text: '  What comes next?\n' });
  return items;
}

interface Case {
  name: string;
  vocab: string;
  wrapper: (model: LlamaModel) => ChatWrapper;
  /** Product templates that must render turn by turn (else every turn costs the whole history). */
  mustBeIncremental: boolean;
}

const jinja = (template: string) => () =>
  new JinjaTemplateChatWrapper({ template: readFileSync(realTemplatePath(template), 'utf8') });

const CASES: Case[] = [
  {
    name: 'ChatML (Qwen 2 vocabulary)',
    vocab: 'qwen2',
    wrapper: () => new ChatMLChatWrapper(),
    mustBeIncremental: true,
  },
  { name: 'Llama 3', vocab: 'llama-bpe', wrapper: () => new Llama3ChatWrapper(), mustBeIncremental: true },
  {
    name: 'Llama 2 (SentencePiece)',
    vocab: 'llama-spm',
    wrapper: () => new Llama2ChatWrapper(),
    mustBeIncremental: true,
  },
  {
    name: 'General (GPT-NeoX, the Mamba vocabulary)',
    vocab: 'gpt-neox',
    wrapper: () => new GeneralChatWrapper(),
    mustBeIncremental: true,
  },
  {
    name: 'Gemma 4 (from the file)',
    vocab: 'gemma-4',
    wrapper: (model) => resolveChatWrapper(model) ?? new GeneralChatWrapper(),
    mustBeIncremental: true,
  },
  {
    name: 'RWKV World template (jinja)',
    vocab: 'gpt-neox',
    wrapper: jinja('llama-cpp-rwkv-world'),
    mustBeIncremental: true,
  },
  { name: 'Qwen3 template (jinja)', vocab: 'qwen2', wrapper: jinja('Qwen-Qwen3-0.6B'), mustBeIncremental: false },
  {
    name: 'Llama 3.1 template (jinja)',
    vocab: 'llama-bpe',
    wrapper: jinja('meta-llama-Llama-3.1-8B-Instruct'),
    mustBeIncremental: false,
  },
  {
    name: 'Mistral Nemo template (jinja)',
    vocab: 'llama-bpe',
    wrapper: jinja('mistralai-Mistral-Nemo-Instruct-2407'),
    mustBeIncremental: false,
  },
  {
    name: 'Phi-3 (from the file)',
    vocab: 'phi-3',
    wrapper: (model) => resolveChatWrapper(model) ?? new GeneralChatWrapper(),
    mustBeIncremental: false,
  },
];

describe('turn-at-a-time rendering (real tokenizers and templates)', () => {
  const models = useRealVocabModels(CASES.map((c) => c.vocab));

  for (const testCase of CASES) {
    for (const system of [true, false]) {
      test(`${testCase.name}${system ? ', with a system prompt' : ''}`, () => {
        const model = models.get(testCase.vocab);
        assert.ok(model);
        const wrapper = testCase.wrapper(model);
        const work: number[] = [];
        for (const exchanges of [1, 300]) {
          const history = conversation(exchanges, system);
          const renderer: TurnRenderer = new TurnRenderer(wrapper, model);
          const covered = history.length - 1;
          const whole = renderer.open(history).tokens;
          const base = { items: covered, tokens: renderer.closed(history.slice(0, covered)) };
          const incremental: boolean = renderer.isIncremental(system ? SYSTEM : null);
          if (testCase.mustBeIncremental) assert.equal(incremental, true, 'this template should render turn by turn');
          const tokenizedBefore = renderer.tokenized;
          const extended: Rendered | null = renderer.extend(base, history, 'open');
          work.push(renderer.tokenized - tokenizedBefore);
          if (!incremental) {
            assert.equal(extended, null, 'a template that failed the self-check is always rendered whole');
            continue;
          }
          assert.ok(extended, 'the base is found at the end of the history');
          assert.deepEqual(extended.tokens, whole, 'turn-at-a-time tokens equal the whole rendering');
          const answered: ChatHistoryItem[] = [...history, { type: 'model', response: ['Tea, 茶, and sleep.'] }];
          assert.deepEqual(renderer.extend(base, answered, 'closed'), renderer.closed(answered), 'closed turn');
          // A re-read turn finds its base inside the whole rendering.
          assert.deepEqual(renderer.findBase(history, whole)?.tokens, base.tokens);
          if (exchanges === 300) {
            assert.ok(whole.length > 10_000, `a long history (${whole.length} tokens)`);
            assert.ok(
              work[1]! < whole.length / 3,
              `work ${work[1]} does not grow with the history (${whole.length} tokens)`,
            );
          }
        }
        assert.equal(work[0], work[1], 'the same tokenizing work for a 3-exchange and a 302-exchange history');
      });
    }
  }
});
