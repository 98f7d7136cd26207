import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError, type ModelFamily } from '../../contract/index.js';
import { ensureForgedModel, type ChatForgedArch } from '../forge/forgeModels.js';
import { MALFORMED_EXPECTATIONS, MALFORMED_KINDS } from '../forge/malformedModels.js';
import { waitFor } from '../support/waitFor.js';
import { useForgedModels, useMalformedModels } from '../support/forgedModels.js';
import { ask } from '../support/chatHelpers.js';
import { makeSpecialFiles, SPECIAL_FILE_MENTIONS, type SpecialKind } from '../support/specialFiles.js';
import { startHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const malformed = useMalformedModels();

const EXPECTED: Record<ChatForgedArch, { family: ModelFamily; state: 'recurrent' | 'attention' }> = {
  rwkv7: { family: 'rwkv7', state: 'recurrent' },
  rwkv6: { family: 'rwkv6', state: 'recurrent' },
  mamba2: { family: 'mamba2', state: 'recurrent' },
  mamba: { family: 'mamba', state: 'recurrent' },
  qwen3moe: { family: 'moe', state: 'attention' },
  llama: { family: 'dense', state: 'attention' },
};

describe('importing models and their cards', () => {
  test('each forged architecture imports (copied or linked) and shows the right card', async () => {
    const hearth = startHearth();
    for (const [index, arch] of (Object.keys(EXPECTED) as ChatForgedArch[]).entries()) {
      const mode = index % 2 === 0 ? 'copy' : 'link';
      const { model } = await hearth.call('library.import', { path: forged.paths[arch], mode });
      assert.equal(model.source, mode === 'copy' ? 'folder' : 'linked', arch);
      if (mode === 'copy') assert.ok(existsSync(join(hearth.paths.modelsDir, model.fileName)), `${arch} was copied`);

      const card = await hearth.call('library.card', { modelId: model.id });
      assert.equal(card.family, EXPECTED[arch].family, arch);
      assert.equal(card.facts.architecture, arch);
      assert.equal(card.stateCost.kind, EXPECTED[arch].state, arch);
      if (card.stateCost.kind === 'recurrent') assert.ok(card.stateCost.bytes > 0, `${arch}: a fixed state size`);
      if (card.stateCost.kind === 'attention') assert.ok(card.stateCost.bytesPer1kTokens > 0, `${arch}: KV per 1k`);
      assert.ok(card.tokenizer, `${arch}: tokenizer`);
      assert.ok(card.chatTemplate, `${arch}: the forged files carry a chat template`);
      assert.equal(card.plan.fit, 'ram', `${arch}: runs from RAM on the CPU path`);
      assert.ok(card.plan.expectedTokensPerSecond! > 0);
      if (arch === 'qwen3moe') assert.ok(card.facts.activeParams < card.facts.totalParams);
    }
    const { models } = await hearth.call('models.list', {});
    assert.equal(models.length, 6);
    assert.ok(hearth.emitted.some((e) => e.event === 'models.changed'));
  });

  test('a malformed file gets its error at import (even one that aborts llama.cpp) and nothing else changes', async () => {
    const hearth = startHearth();
    await hearth.call('settings.update', { contextSize: 512, threads: 1 });
    const good = await hearth.call('library.import', { path: forged.paths.llama, mode: 'link' });
    // The chat engine runs a model throughout: no bad file may restart or replace it.
    await hearth.call('models.load', { modelId: good.model.id });
    const pid = hearth.engine.status.pid;
    assert.ok(pid, 'the chat engine runs');
    const refusals: [string, string, string][] = [
      ...MALFORMED_KINDS.map((kind): [string, string, string] => [
        kind,
        malformed.paths[kind],
        MALFORMED_EXPECTATIONS[kind].mentions,
      ]),
      ...Object.entries(makeSpecialFiles(tempDir())).map(([kind, path]): [string, string, string] => [
        kind,
        path,
        SPECIAL_FILE_MENTIONS[kind as SpecialKind],
      ]),
    ];
    for (const [kind, path, mentions] of refusals) {
      await assert.rejects(hearth.call('library.import', { path, mode: 'copy' }), (error) => {
        assert.ok(error instanceof AppError, kind);
        assert.equal(error.code, 'model_invalid', `${kind}: ${error.message}`);
        assert.ok(
          error.message.toLowerCase().includes(mentions.toLowerCase()),
          `${kind}: "${mentions}" in ${error.message}`,
        );
        assert.doesNotMatch(error.message, /NaN|BigInt|no file at/, `${kind}: no internal message`);
        return true;
      });
    }
    const { models } = await hearth.call('models.list', {});
    assert.deepEqual(
      models.map((m) => m.id),
      [good.model.id],
      'nothing was copied or linked',
    );
    await assert.rejects(hearth.call('library.import', { path: '/no/such/model.gguf', mode: 'copy' }), /no file/);
    await assert.rejects(hearth.call('library.import', { path: 'relative.gguf', mode: 'copy' }), /full path/);
    const card = await hearth.call('library.card', { modelId: good.model.id });
    assert.equal(card.facts.architecture, 'llama', 'the library still works');
    assert.equal(hearth.engine.status.pid, pid, 'the chat engine is the one that ran before');
    assert.equal(hearth.engine.status.restarts, 0, 'the chat engine never saw the files that abort llama.cpp');
    assert.equal(hearth.engine.status.loaded?.modelPath, forged.paths.llama, 'and it still holds its model');
  });

  test('deleting a model removes the file and the states saved with it', async () => {
    const hearth = startHearth();
    await hearth.call('settings.update', { contextSize: 512 });
    const { model } = await hearth.call('library.import', { path: forged.paths.rwkv7, mode: 'copy' });
    const conversation = await hearth.call('conversations.create', { modelId: model.id });
    await hearth.call('chat.send', { conversationId: conversation.id, content: 'Hello there' });
    await waitForStates(hearth);
    assert.ok((await hearth.call('states.usage', {})).totalBytes > 0, 'a state was saved');

    const result = await hearth.call('library.delete', { modelId: model.id });
    assert.ok(result.deleted);
    assert.ok(result.statesRemoved >= 1);
    assert.equal((await hearth.call('states.usage', {})).totalBytes, 0);
    assert.equal(existsSync(join(hearth.paths.modelsDir, model.fileName)), false);
    assert.deepEqual((await hearth.call('models.list', {})).models, []);
    assert.equal(hearth.engine.status.loaded, null, 'the deleted model was unloaded first');
  });

  test('the planner’s memory estimate covers what a loaded model really takes, and is close on a real-size one', async () => {
    const hearth = startHearth();
    await hearth.call('settings.update', {
      contextSize: 1024,
      saveStates: false,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
    });
    const bench = await ensureForgedModel('rwkv7', { size: 'bench' });
    const files: [string, string][] = [
      ...(Object.keys(EXPECTED) as ChatForgedArch[]).map((arch): [string, string] => [arch, forged.paths[arch]]),
      ['rwkv7 ~91M', bench],
    ];
    for (const [name, path] of files) {
      const { model } = await hearth.call('library.import', { path, mode: 'link' });
      const card = await hearth.call('library.card', { modelId: model.id });
      await hearth.call('models.unload', {});
      const before = (await hearth.engine.ping()).rssBytes;
      // An answer touches every weight page and allocates the compute buffers.
      const conversation = await hearth.call('conversations.create', { modelId: model.id });
      await ask(hearth, conversation.id, 'Hello');
      const measured = Math.max(0, (await hearth.engine.ping()).rssBytes - before);
      const estimate = card.plan.memory.ramBytes + card.plan.memory.gpuBytes;
      console.log(`${name}: estimate ${(estimate / 1e6).toFixed(1)} MB, measured ${(measured / 1e6).toFixed(1)} MB`);
      // Never under: a plan that says "fits" must fit. Over by at most the 128 MB compute floor and a margin.
      assert.ok(measured <= estimate, `${name}: measured ${measured} > estimate ${estimate}`);
      assert.ok(estimate - measured < 160 * 1024 ** 2, `${name}: estimate ${estimate} far over measured ${measured}`);
      if (path === bench) assert.ok(measured > card.facts.fileBytes * 0.8, `${name}: the weights were really resident`);
    }
  });
});

async function waitForStates(hearth: ReturnType<typeof startHearth>): Promise<void> {
  await waitFor(async () => (await hearth.call('states.usage', {})).totalBytes > 0, { what: 'a saved state' });
}
