import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { RECURRENT_CONTEXT_TOKENS, type Sampling } from '../../contract/index.js';
import { EngineSupervisor, type LoadParams } from '../../main/engine/EngineSupervisor.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { FORGED_ARCHS } from '../forge/forgeModels.js';
import { useForgedModels } from '../support/forgedModels.js';

const TOKENS = 24;
const GREEDY: Sampling = { temperature: 0, topP: 1, maxTokens: TOKENS, seed: 1 };
const NO_STATES = { resume: null, savePromptState: null, saveTurnState: null };
const HISTORY = [{ role: 'user' as const, text: 'Tell me about the fire in the hearth.' }];

/** One engine process serves every architecture in turn, as it does for a user switching models. */
const engine = new EngineSupervisor({ launcher: forkLauncher });
after(() => engine.shutdown());
const forged = useForgedModels();

async function answer(model: LoadParams, sampling: Sampling = GREEDY, signal?: AbortSignal) {
  let streamed = '';
  let streamedTokens = 0;
  const result = await engine.generate(
    model,
    async () => ({
      ...NO_STATES,
      requestId: randomUUID(),
      systemPrompt: 'You are a test model.',
      history: HISTORY,
      sampling,
    }),
    {
      onText: (text, tokens) => {
        streamed += text;
        streamedTokens += tokens;
      },
      ...(signal && { signal }),
    },
  );
  return { result, streamed, streamedTokens };
}

for (const arch of FORGED_ARCHS) {
  describe(`forged ${arch} model in the engine process`, () => {
    const model = (): LoadParams => ({
      modelPath: forged.paths[arch],
      contextSize: 1024,
      threads: 1,
      gpu: false,
      gpuLayers: 0,
      batchSize: 512,
    });

    test('loads and reports what it loaded', async () => {
      const progress: number[] = [];
      const loaded = await engine.ensureModel(model(), (value) => progress.push(value));
      assert.equal(loaded.architecture, arch);
      assert.equal(loaded.chatWrapper, 'ChatML', 'the wrapper comes from the model’s own template');
      // Recurrent models get a long context (their memory does not grow with it): no context shift.
      const expected = loaded.stateKind === 'recurrent' ? RECURRENT_CONTEXT_TOKENS : 1024;
      assert.equal(
        loaded.contextSize,
        expected,
        'the context size asked for (recurrent: the long one), not the trained length',
      );
      assert.equal(loaded.threads, 1);
      assert.equal(loaded.gpu, 'cpu');
      assert.deepEqual(
        progress,
        [...progress].sort((a, b) => a - b),
        'load progress only moves forward',
      );
      assert.equal(engine.status.state, 'ready');
    });

    test('streams a fixed number of tokens, and greedy output is the same in two runs', async () => {
      const first = await answer(model());
      assert.equal(first.result.completionTokens, TOKENS);
      assert.equal(first.result.stopReason, 'max_tokens');
      assert.ok(first.streamedTokens > 0 && first.streamedTokens <= TOKENS, 'tokens were streamed as they came');
      assert.equal(first.streamed.trim(), first.result.text.trim(), 'the streamed text is the answer');
      assert.ok(first.result.promptTokens > 0);
      assert.ok((first.result.timeToFirstTokenMs ?? -1) >= 0);
      const second = await answer(model());
      assert.equal(second.result.text, first.result.text, 'greedy decoding is deterministic');
      assert.equal(second.result.completionTokens, TOKENS);
    });

    test('stop interrupts a long answer', async () => {
      const controller = new AbortController();
      let chunks = 0;
      const pending = engine.generate(
        model(),
        async () => ({
          ...NO_STATES,
          requestId: randomUUID(),
          systemPrompt: '',
          history: HISTORY,
          sampling: { ...GREEDY, maxTokens: 900 },
        }),
        {
          signal: controller.signal,
          onText: () => {
            if (++chunks === 1) controller.abort();
          },
        },
      );
      const result = await pending;
      assert.equal(result.stopReason, 'aborted');
      assert.ok(result.completionTokens < 900, `stopped after ${result.completionTokens} tokens`);
    });
  });
}
