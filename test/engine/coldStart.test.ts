import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import type { EngineStatus, HardwareProfile } from '../../contract/index.js';
import { profileCacheKey } from '../../main/hardware/profileCacheKey.js';
import { ask } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { dataPathsIn, openTestHearth, type TestHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();

const open = new Set<TestHearth>();
// A test that failed half-way leaves its Hearth open: closed here, so no engine outlives the file.
after(() => Promise.all([...open].map((hearth) => hearth.close())));

/** A Hearth on `dataDir` that the test closes itself, before the next one opens the same folder. */
function hearthOn(dataDir: string, warmUp = false, log: string[] = []): TestHearth {
  const hearth = openTestHearth({
    paths: dataPathsIn(dataDir),
    hardware: { bandwidthMs: 20 },
    warmUp,
    log: (line) => log.push(line),
  });
  open.add(hearth);
  const close = hearth.close.bind(hearth);
  return Object.assign(hearth, {
    close: () => {
      open.delete(hearth);
      return close();
    },
  });
}

/** Model loads the engine started, counted from the status events (each load enters 'loading' once). */
function loads(hearth: TestHearth): number {
  const states = hearth.emitted
    .filter((e) => e.event === 'engine.status')
    .map((e) => (e.payload as EngineStatus).state);
  return states.filter((state, index) => state === 'loading' && states[index - 1] !== 'loading').length;
}

/** The file of the model the engine holds, or null. */
function loadedPath(hearth: TestHearth): string | null {
  return hearth.engine.status.loaded?.modelPath ?? null;
}

/** The profile without what is read anew at every start. */
function stable(profile: HardwareProfile): Omit<HardwareProfile, 'freeMemoryBytes'> {
  const { freeMemoryBytes: _free, ...rest } = profile;
  return rest;
}

describe('cold start', () => {
  test('the hardware profile is stored and reused after a restart without a probe; a changed key or a refresh probes again', async () => {
    const dir = tempDir();
    const first = hearthOn(dir);
    const probed = await first.call('hardware.profile', {});
    await first.call('hardware.profile', {});
    assert.equal(first.hardware.probes, 1, 'probed once in a run');
    await first.close();

    const second = hearthOn(dir);
    const reused = await second.call('hardware.profile', {});
    assert.equal(second.hardware.probes, 0, 'the stored profile is used: no probe');
    assert.equal(second.engine.status.state, 'stopped', 'no engine was started for it');
    assert.deepEqual(stable(reused), stable(probed));
    // Settings' "Probe again" still probes, and stores what it found.
    await second.call('hardware.profile', { refresh: true });
    assert.equal(second.hardware.probes, 1);
    await second.close();

    // The same folder on another machine (here: another amount of memory) is probed again.
    const third = hearthOn(dir);
    const key = (third.db.prepare('SELECT cache_key FROM hardware_profile').pluck().get() as string) ?? '';
    const current = JSON.parse(key) as { memoryBytes: number };
    third.db
      .prepare('UPDATE hardware_profile SET cache_key = ?')
      .run(JSON.stringify({ ...current, memoryBytes: current.memoryBytes * 2 }));
    await third.call('hardware.profile', {});
    assert.equal(third.hardware.probes, 1, 'a profile stored for another machine is not used');
    assert.equal(third.db.prepare('SELECT cache_key FROM hardware_profile').pluck().get(), key, 'and is replaced');
    // A damaged row is probed again too.
    third.db.prepare("UPDATE hardware_profile SET profile = '{not json'").run();
    await third.close();
    const fourth = hearthOn(dir);
    await fourth.call('hardware.profile', {});
    assert.equal(fourth.hardware.probes, 1, 'a damaged stored profile is probed again');
    await fourth.close();
  });

  test('the key changes with the compute path and the build', () => {
    assert.notEqual(profileCacheKey('b', 'cpu'), profileCacheKey('b', 'auto'));
    assert.notEqual(profileCacheKey('b', 'cuda'), profileCacheKey('b', 'vulkan'));
    assert.notEqual(profileCacheKey('hearth 1', 'cpu'), profileCacheKey('hearth 2', 'cpu'));
    assert.equal(profileCacheKey('b', 'cpu'), profileCacheKey('b', 'cpu'));
  });

  test('the warm-up loads the model of the newest conversation, and its first message loads nothing again', async () => {
    const dir = tempDir();
    const setup = hearthOn(dir);
    const older = setup.addModel(forged.paths.llama, 'older.gguf');
    const newest = setup.addModel(forged.paths.rwkv7, 'newest.gguf');
    await setup.call('settings.update', {
      contextSize: 1024,
      defaultModelId: older,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 4, seed: 1 },
    });
    await setup.call('conversations.create', { modelId: older });
    const conversation = await setup.call('conversations.create', { modelId: newest });
    assert.equal(await setup.warmup.then((outcome) => outcome.kind), 'off', 'a test Hearth warms nothing up');
    assert.equal(setup.engine.status.state, 'stopped');
    await setup.close();

    const log: string[] = [];
    const hearth = hearthOn(dir, true, log);
    assert.deepEqual(await hearth.warmup, { kind: 'loaded', modelId: newest });
    assert.match(loadedPath(hearth) ?? '', /newest\.gguf$/);
    assert.equal(hearth.hardware.probes, 1, 'no stored profile: the warm-up probed');
    assert.equal(loads(hearth), 1);

    await ask(hearth, conversation.id, 'Hello');
    assert.equal(loads(hearth), 1, 'the first message found its model loaded');
    assert.equal(hearth.hardware.probes, 1, 'and waited for no other probe');
    assert.deepEqual(log, []);
    await hearth.close();

    // Turned off in Settings: nothing loads.
    const off = hearthOn(dir);
    await off.call('settings.update', { loadModelOnStart: false });
    await off.close();
    const quiet = hearthOn(dir, true);
    assert.deepEqual(await quiet.warmup, { kind: 'skipped' });
    assert.equal(loadedPath(quiet), null);
    assert.equal(quiet.hardware.probes, 0, 'the profile stored by the last run was used');
    assert.equal(quiet.engine.status.state, 'stopped', 'and no engine started');
    await quiet.close();
  });

  test('a model file gone since the last run makes the warm-up log a line and nothing else', async () => {
    const dir = tempDir();
    const setup = hearthOn(dir);
    const gone = setup.addModel(forged.paths.rwkv7, 'gone.gguf');
    const kept = setup.addModel(forged.paths.rwkv6, 'kept.gguf');
    await setup.call('settings.update', { contextSize: 1024 });
    await setup.call('conversations.create', { modelId: gone });
    await setup.close();
    unlinkSync(`${dataPathsIn(dir).modelsDir}/gone.gguf`);

    const log: string[] = [];
    const hearth = hearthOn(dir, true, log);
    const outcome = await hearth.warmup;
    assert.equal(outcome.kind, 'failed');
    assert.equal(loadedPath(hearth), null);
    assert.equal(log.length, 1);
    assert.match(log[0] ?? '', /warm-up did not load gone\.gguf/);
    assert.deepEqual(
      hearth.emitted.filter((e) => e.event === 'notice'),
      [],
      'nothing is shown to the user',
    );
    // The app goes on: another model loads on request.
    await hearth.call('models.load', { modelId: kept });
    assert.match(loadedPath(hearth) ?? '', /kept\.gguf$/);
    await hearth.close();
  });
});
