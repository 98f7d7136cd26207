import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EngineSupervisor } from '../../main/engine/EngineSupervisor.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { FORGED_ARCHS, forgedModelParameterCount } from '../forge/forgeModels.js';
import { useForgedModels } from '../support/forgedModels.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const engine = new EngineSupervisor({ launcher: forkLauncher });
after(() => engine.shutdown());
const scratch = tempDir();

/** The size of a state the engine saves after `tokens` of prompt, minus llama.cpp's file header and token list. */
async function stateAfter(modelPath: string, text: string): Promise<{ bytes: number; tokens: number }> {
  const path = join(scratch, `${randomUUID()}.state`);
  const result = await engine.generate(
    { modelPath, contextSize: 1024, threads: 1, gpu: false, gpuLayers: 0, batchSize: 512 },
    async () => ({
      requestId: randomUUID(),
      systemPrompt: '',
      history: [{ role: 'user', text }],
      sampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
      resume: null,
      savePromptState: null,
      saveTurnState: { path, maxBytes: 1e9 },
    }),
    { onText: () => undefined },
  );
  assert.ok(result.turnState, result.turnStateSkipped ?? 'no state');
  return { bytes: statSync(path).size - 12 - 4 * result.turnState.tokenCount, tokens: result.turnState.tokenCount };
}

describe('model facts read from the GGUF for the planner', () => {
  for (const arch of FORGED_ARCHS) {
    test(`${arch}: parameters, layers and what a conversation's context costs`, async () => {
      const { facts, tokenizer, vocabularySize } = await engine.inspectModel(forged.paths[arch]);
      assert.ok(tokenizer, 'the tokenizer model is read');
      assert.ok(vocabularySize >= 256, 'the byte vocabulary is counted');
      assert.equal(facts.architecture, arch);
      assert.equal(facts.layers, 2);
      assert.equal(facts.totalParams, forgedModelParameterCount(arch));
      assert.equal(facts.quantization, 'F32');
      assert.equal(facts.fileBytes, statSync(forged.paths[arch]).size);
      const recurrent = arch.startsWith('rwkv') || arch.startsWith('mamba');
      assert.equal(facts.stateKind, recurrent ? 'recurrent' : 'attention');

      // Checked against the states llama.cpp really writes: fixed for recurrent models, growing for attention.
      const short = await stateAfter(forged.paths[arch], 'Hi');
      const long = await stateAfter(forged.paths[arch], 'A much longer question, with many more words in it.');
      if (recurrent) {
        assert.equal(facts.kvBytesPerToken, 0);
        assert.ok(
          Math.abs(short.bytes - facts.recurrentStateBytes) < 256,
          `state ${short.bytes} vs estimate ${facts.recurrentStateBytes}`,
        );
        assert.equal(long.bytes, short.bytes, 'a recurrent state does not grow');
      } else {
        const perToken = (long.bytes - short.bytes) / (long.tokens - short.tokens);
        assert.ok(
          Math.abs(perToken - facts.kvBytesPerToken) <= 16,
          `KV ${perToken} bytes a token vs estimate ${facts.kvBytesPerToken}`,
        );
      }
    });
  }

  test('a Mixture-of-Experts model reads only its routed experts per token', async () => {
    const { facts } = await engine.inspectModel(forged.paths.qwen3moe);
    assert.equal(facts.expertCount, 4);
    assert.equal(facts.expertUsedCount, 2);
    assert.ok(facts.activeParams < facts.totalParams);
    const { facts: dense } = await engine.inspectModel(forged.paths.llama);
    assert.equal(dense.activeParams, dense.totalParams);
  });
});
