import assert from 'node:assert/strict';
import { availableParallelism, cpus } from 'node:os';
import { describe, test } from 'node:test';
import { ask } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth } from '../support/startHearth.js';

const forged = useForgedModels();

describe('hardware plan through the services', () => {
  test('the plan is made from the probed machine, applied by the engine, and overrides persist', async () => {
    const hearth = startHearth();
    const modelId = hearth.addModel(forged.paths.rwkv6, 'rwkv6.gguf');
    await hearth.call('settings.update', {
      contextSize: 1024,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 4, seed: 1 },
    });

    const profile = await hearth.call('hardware.profile', {});
    // Online CPUs, or those this process may run on (a container's cpuset can narrow it): not a number.
    assert.ok(
      [cpus().length, availableParallelism()].includes(profile.cpu.logicalCores),
      `${profile.cpu.logicalCores} logical cores; os: ${cpus().length}, usable: ${availableParallelism()}`,
    );
    assert.ok(profile.totalMemoryBytes > 0);
    assert.ok((profile.memoryBandwidthGBps ?? 0) > 0, 'bandwidth measured');
    assert.deepEqual(profile.gpus, [], 'GPU backends are not started when the CPU path is fixed for the run');
    assert.equal(profile.gpusNotProbed, 'launch', 'fixed at launch, not chosen in Settings');

    const { facts, plan } = await hearth.call('hardware.plan', { modelId });
    assert.equal(facts.architecture, 'rwkv6');
    assert.equal(plan.backend, 'cpu');
    assert.ok(plan.reasons.some((reason) => /CPU only, as chosen in HEARTH_GPU/.test(reason)));
    assert.ok((plan.expectedTokensPerSecond ?? 0) > 0);
    const expectedThreads =
      profile.cpu.physicalCores <= 2 ? 1 : (profile.cpu.performanceCores ?? profile.cpu.physicalCores);
    assert.equal(plan.threads, expectedThreads);

    const conversation = await hearth.call('conversations.create', { modelId });
    await ask(hearth, conversation.id, 'Hello');
    const loaded = hearth.engine.status.loaded;
    assert.equal(loaded?.threads, plan.threads, 'the engine runs the planned thread count');
    assert.equal(loaded?.gpu, 'cpu');
    assert.equal(loaded?.batchSize, Math.min(plan.batchSize, 1024));

    // An override from Settings: persisted, planned, applied at the next load.
    await hearth.call('settings.update', { threads: 2 });
    assert.equal((await hearth.call('settings.get', {})).threads, 2);
    const overridden = await hearth.call('hardware.plan', { modelId });
    assert.equal(overridden.plan.threads, 2);
    assert.ok(overridden.plan.reasons.some((reason) => /2 CPU threads, as chosen in Settings/.test(reason)));
    await ask(hearth, conversation.id, 'Again');
    assert.equal(hearth.engine.status.loaded?.threads, 2, 'a changed plan reloads the model with it');
  });

  test('the profile says whether GPUs were looked for, and why not', async () => {
    const hearth = startHearth({ gpu: 'auto' });
    await hearth.call('settings.update', { backend: 'cpu' });
    const cpuOnly = await hearth.call('hardware.profile', { refresh: true });
    assert.equal(cpuOnly.gpusNotProbed, 'settings');
    assert.deepEqual(cpuOnly.gpus, []);

    // Automatic looks (node-llama-cpp answers), whether or not this machine has a GPU.
    await hearth.call('settings.update', { backend: 'auto' });
    const automatic = await hearth.call('hardware.profile', {});
    assert.equal(automatic.gpusNotProbed, undefined);
    assert.equal(automatic.sources.gpus, 'llama');
  });

  test('a malformed model file gets a clear planning error', async () => {
    const hearth = startHearth();
    const modelId = hearth.addModel(forged.paths.llama, 'fine.gguf');
    await assert.rejects(hearth.call('hardware.plan', { modelId: 'missing.gguf' }), /no longer in the models folder/);
    const { plan } = await hearth.call('hardware.plan', { modelId });
    assert.equal(plan.backend, 'cpu');
  });
});
