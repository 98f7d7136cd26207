import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LoadParams } from '../../main/engine/EngineSupervisor.js';
import { EngineSupervisor } from '../../main/engine/EngineSupervisor.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();

/**
 * Mesa's lavapipe is a real Vulkan device that computes on the CPU (Debian's mesa-vulkan-drivers).
 * llama.cpp skips CPU-type Vulkan devices unless GGML_VK_VISIBLE_DEVICES names them, so the engine
 * process gets that variable here only. The Vulkan loader is pointed at lavapipe's driver alone,
 * so that device 0 is lavapipe on any machine, real GPUs or not.
 */
const LAVAPIPE_ICD = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d']
  .flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []))
  .find((path) => /\/lvp_icd\.[^/]+\.json$/.test(path));
const engine = new EngineSupervisor({
  launcher: forkLauncher,
  env: {
    GGML_VK_VISIBLE_DEVICES: '0',
    ...(LAVAPIPE_ICD === undefined ? {} : { VK_ICD_FILENAMES: LAVAPIPE_ICD, VK_DRIVER_FILES: LAVAPIPE_ICD }),
  },
});
after(() => engine.shutdown());

async function fourTokens(model: LoadParams) {
  return engine.generate(
    model,
    async () => ({
      requestId: randomUUID(),
      systemPrompt: '',
      history: [{ role: 'user', text: 'Hi' }],
      sampling: { temperature: 0, topP: 1, maxTokens: 4, seed: 1 },
      resume: null,
      savePromptState: null,
      saveTurnState: null,
    }),
    { onText: () => undefined },
  );
}

describe(
  'compute paths',
  { skip: LAVAPIPE_ICD === undefined && "no lavapipe driver: run 'npm run test:setup'" },
  () => {
    test('the hardware probe sees the Vulkan device through node-llama-cpp', async () => {
      const profile = await engine.probeHardware(50, true);
      const vulkan = profile.gpus.find((gpu) => gpu.backend === 'vulkan');
      assert.ok(vulkan, `a Vulkan device: ${JSON.stringify(profile.gpus)}`);
      assert.match(vulkan.name, /llvmpipe/);
      assert.equal(profile.sources.gpus, 'llama');
    });

    test('a forged model really runs on the Vulkan path, and the engine reports it', async () => {
      const params: LoadParams = {
        modelPath: forged.paths.llama,
        contextSize: 256,
        threads: 1,
        gpu: 'vulkan',
        gpuLayers: 100,
        batchSize: 64,
      };
      const loaded = await engine.ensureModel(params);
      assert.equal(loaded.gpu, 'vulkan');
      assert.match(loaded.device ?? '', /llvmpipe/);
      assert.ok(loaded.gpuLayers > 0, `${loaded.gpuLayers} layers offloaded`);
      const result = await fourTokens(params);
      assert.equal(result.completionTokens, 4);
    });

    test('and on the CPU path, with the CPU variant llama.cpp loaded', async () => {
      const params: LoadParams = {
        modelPath: forged.paths.llama,
        contextSize: 256,
        threads: 1,
        gpu: false,
        gpuLayers: 0,
        batchSize: 64,
      };
      const loaded = await engine.ensureModel(params);
      assert.equal(loaded.gpu, 'cpu');
      assert.equal(loaded.device, null);
      assert.equal(loaded.gpuLayers, 0);
      assert.equal(loaded.threads, 1);
      assert.notEqual(loaded.cpuVariant, 'unknown');
      if (process.arch === 'x64') assert.match(loaded.cpuVariant, /SSE3/);
      assert.equal((await fourTokens(params)).completionTokens, 4);
    });
  },
);
