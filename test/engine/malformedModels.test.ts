import assert from 'node:assert/strict';
import { copyFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError, type Message, type ModelFile } from '../../contract/index.js';
import { MALFORMED_EXPECTATIONS, MALFORMED_KINDS } from '../forge/malformedModels.js';
import { finished } from '../support/chatHelpers.js';
import { useForgedModels, useMalformedModels } from '../support/forgedModels.js';
import { makeSpecialFiles, SPECIAL_FILE_MENTIONS, type SpecialKind } from '../support/specialFiles.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const malformed = useMalformedModels();

/** Safety nets only: every wait below ends on an event; these bound a hang, they time nothing. */
const SAFETY_MS = 5 * 60_000;

/** Each bad file placed in the models folder by hand (a link, as users do), and what its refusal says. */
function placeBadFiles(hearth: TestHearth): { modelId: string; kind: string; mentions: string }[] {
  const placed: { modelId: string; kind: string; mentions: string }[] = MALFORMED_KINDS.map((kind) => ({
    modelId: hearth.addModel(malformed.paths[kind], `${kind}.gguf`),
    kind,
    mentions: MALFORMED_EXPECTATIONS[kind].mentions,
  }));
  const special = makeSpecialFiles(hearth.paths.modelsDir, 'special-');
  for (const [kind, path] of Object.entries(special)) {
    placed.push({
      modelId: path.slice(hearth.paths.modelsDir.length + 1),
      kind,
      mentions: SPECIAL_FILE_MENTIONS[kind as SpecialKind],
    });
  }
  return placed;
}

function assertRefusal(error: unknown, kind: string, mentions: string): true {
  assert.ok(error instanceof AppError, `${kind}: ${String(error)}`);
  assert.equal(error.code, 'model_invalid', `${kind}: ${error.code} ${error.message}`);
  assert.ok(error.message.toLowerCase().includes(mentions.toLowerCase()), `${kind}: "${mentions}" in ${error.message}`);
  assert.doesNotMatch(error.message, /NaN|BigInt|no file at/, `${kind}: no internal message`);
  return true;
}

async function chatOnce(hearth: TestHearth, modelId: string): Promise<Message> {
  const conversation = await hearth.call('conversations.create', { modelId });
  const { assistantMessage } = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Hello' });
  const answer = await finished(hearth, assistantMessage.id, SAFETY_MS);
  await hearth.chat.idle();
  return answer;
}

async function goodHearth(): Promise<{ hearth: TestHearth; good: string; pid: number }> {
  const hearth = startHearth();
  await hearth.call('settings.update', {
    contextSize: 512,
    threads: 1,
    defaultSampling: { temperature: 0, topP: 1, maxTokens: 4, seed: 1 },
  });
  const good = hearth.addModel(forged.paths.llama, 'good.gguf');
  assert.equal((await chatOnce(hearth, good)).status, 'complete', 'a good model answers');
  const pid = hearth.engine.status.pid;
  assert.ok(pid, 'the chat engine runs');
  return { hearth, good, pid };
}

async function assertEngineUntouched(hearth: TestHearth, good: string, pid: number): Promise<void> {
  assert.equal((await chatOnce(hearth, good)).status, 'complete', 'the good model still answers');
  assert.equal(hearth.engine.status.pid, pid, 'the same chat engine process throughout');
  assert.equal(hearth.engine.status.restarts, 0, 'the chat engine never restarted');
  assert.equal(hearth.engine.status.lastExit, null, 'and never stopped');
}

describe('malformed model files placed by hand', { timeout: 30 * 60_000 }, () => {
  test('the model card refuses each with its reason, and the list marks each broken', async () => {
    const { hearth, good, pid } = await goodHearth();
    const placed = placeBadFiles(hearth);
    for (const { modelId, kind, mentions } of placed) {
      await assert.rejects(hearth.call('library.card', { modelId }), (error) => assertRefusal(error, kind, mentions));
    }
    const listed = new Map<string, ModelFile>((await hearth.call('models.list', {})).models.map((m) => [m.id, m]));
    for (const { modelId, kind, mentions } of placed) {
      const model = listed.get(modelId);
      assert.equal(model?.check, 'broken', `${kind} is listed as broken`);
      assert.ok(model.problem?.toLowerCase().includes(mentions.toLowerCase()), `${kind}: ${model.problem}`);
    }
    assert.equal(listed.get(good)?.check, 'ready');
    assert.equal((await hearth.call('library.card', { modelId: good })).facts.architecture, 'llama');
    await assertEngineUntouched(hearth, good, pid);
  });

  test('a chat on each is refused with its reason; the chat engine never sees it', async () => {
    const { hearth, good, pid } = await goodHearth();
    for (const { modelId, kind, mentions } of placeBadFiles(hearth)) {
      // A file that is not a regular file is refused by chat.send itself; the rest fail the answer.
      const answer = await chatOnce(hearth, modelId).catch((error: unknown) => assertRefusal(error, kind, mentions));
      if (answer !== true) {
        assert.equal(answer.status, 'error', `${kind}: ${answer.detail}`);
        assertRefusal(new AppError('model_invalid', answer.detail ?? ''), kind, mentions);
      }
      await assert.rejects(hearth.call('models.load', { modelId }), (error) => assertRefusal(error, kind, mentions));
    }
    await assertEngineUntouched(hearth, good, pid);
  });

  test('a file is checked once per version: the verdict survives a restart, a changed file is checked again', async () => {
    const first = startHearth();
    const paths = first.paths;
    copyFileSync(forged.paths.rwkv6, join(paths.modelsDir, 'copied.gguf'));
    first.addModel(malformed.paths['head-count-0'], 'bad.gguf');
    const initial = (await first.call('models.list', {})).models;
    assert.deepEqual(
      initial.map((m) => m.check),
      ['checking', 'checking'],
      'files no one has checked yet are listed as being checked',
    );
    const checked = await waitFor(
      async () => {
        const { models } = await first.call('models.list', {});
        return models.every((m) => m.check !== 'checking') && models;
      },
      { timeoutMs: SAFETY_MS, what: 'both files checked in the background' },
    );
    assert.deepEqual(
      checked.map((m) => [m.id, m.check]),
      [
        ['bad.gguf', 'broken'],
        ['copied.gguf', 'ready'],
      ],
    );
    assert.ok(
      first.emitted.some((e) => e.event === 'models.changed'),
      'the list was told when the verdict came',
    );
    await first.close();

    const second = startHearth({ paths });
    const again = (await second.call('models.list', {})).models;
    assert.deepEqual(
      again.map((m) => m.check),
      ['broken', 'ready'],
      'the verdicts were remembered: nothing is checked again after a restart',
    );
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(paths.modelsDir, 'copied.gguf'), later, later);
    assert.equal(
      (await second.call('models.list', {})).models[1]?.check,
      'checking',
      'a changed file is checked again',
    );
  });
});
