import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message } from '../../contract/index.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { useForgedModels } from '../support/forgedModels.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();

function finished(hearth: TestHearth, messageId: string): Promise<Message> {
  return waitFor(
    () =>
      hearth.emitted
        .filter((e) => e.event === 'chat.finished')
        .map((e) => (e.payload as { message: Message }).message)
        .find((m) => m.id === messageId),
    { what: `chat.finished for ${messageId}` },
  );
}

async function chatWith(hearth: TestHearth, modelFile: string, maxTokens: number) {
  const modelId = hearth.addModel(modelFile);
  await hearth.call('settings.update', {
    contextSize: 2048,
    threads: 1,
    defaultSampling: { temperature: 0, topP: 1, maxTokens, seed: 1 },
  });
  return hearth.call('conversations.create', { modelId });
}

describe('engine crash recovery', () => {
  test('kill -9 mid-answer: the partial answer is kept as interrupted, and a new engine answers next', async () => {
    const hearth = startHearth();
    const conversation = await chatWith(hearth, forged.paths.rwkv6, 1500);
    const { userMessage, assistantMessage } = await hearth.call('chat.send', {
      conversationId: conversation.id,
      content: 'Write a very long story.',
    });
    const stored = await hearth.call('conversations.get', { conversationId: conversation.id });
    assert.deepEqual(
      stored.messages.map((m) => [m.id, m.status]),
      [
        [userMessage.id, 'complete'],
        [assistantMessage.id, 'streaming'],
      ],
      'the question is durable before the answer starts',
    );

    await waitFor(() => hearth.emitted.some((e) => e.event === 'chat.delta'), { what: 'the first streamed text' });
    const firstPid = hearth.engine.status.pid;
    assert.ok(firstPid);
    process.kill(firstPid, 'SIGKILL');

    const interrupted = await finished(hearth, assistantMessage.id);
    assert.equal(interrupted.status, 'interrupted');
    assert.equal(interrupted.stopReason, 'engine_stopped');
    assert.match(interrupted.detail ?? '', /Engine stopped: killed \(SIGKILL\)/);
    assert.ok(interrupted.content.length > 0, 'the text streamed before the kill is kept');
    const notice = hearth.emitted.find((e) => e.event === 'notice');
    assert.match(JSON.stringify(notice?.payload), /Engine stopped: killed/);
    assert.equal(hearth.engine.status.lastExit?.reason.startsWith('killed (SIGKILL)'), true);

    const afterCrash = await hearth.call('conversations.get', { conversationId: conversation.id });
    assert.equal(afterCrash.messages[1]?.status, 'interrupted', 'the database agrees');
    assert.equal(afterCrash.messages[1]?.content, interrupted.content);

    await hearth.call('settings.update', { defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 } });
    const next = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Are you back?' });
    const answer = await finished(hearth, next.assistantMessage.id);
    assert.equal(answer.status, 'complete');
    assert.ok(answer.content.length > 0);
    assert.notEqual(hearth.engine.status.pid, firstPid, 'a new engine process answered');
    assert.equal(hearth.engine.status.restarts, 1);
  });

  test('stop keeps the partial answer, marked as stopped by the user', async () => {
    const hearth = startHearth();
    const conversation = await chatWith(hearth, forged.paths.mamba, 1500);
    const { assistantMessage } = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Go on.' });
    await waitFor(() => hearth.emitted.some((e) => e.event === 'chat.delta'), { what: 'streamed text' });
    assert.deepEqual(await hearth.call('chat.stop', { conversationId: conversation.id }), { stopped: true });
    const stopped = await finished(hearth, assistantMessage.id);
    assert.equal(stopped.status, 'interrupted');
    assert.equal(stopped.stopReason, 'user_stopped');
    assert.ok((stopped.stats?.completionTokens ?? 0) < 1500);
    assert.equal(hearth.engine.status.restarts, 0, 'stopping does not restart the engine');
  });

  test('regenerate replaces the last answer with a new one', async () => {
    const hearth = startHearth();
    const conversation = await chatWith(hearth, forged.paths.llama, 12);
    const first = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Hello' });
    const original = await finished(hearth, first.assistantMessage.id);
    const { assistantMessage } = await hearth.call('chat.regenerate', { conversationId: conversation.id });
    const again = await finished(hearth, assistantMessage.id);
    assert.equal(again.status, 'complete');
    assert.equal(again.content, original.content, 'greedy decoding gives the same answer again');
    const { messages } = await hearth.call('conversations.get', { conversationId: conversation.id });
    assert.deepEqual(
      messages.map((m) => m.role),
      ['user', 'assistant'],
    );
    assert.equal(messages[1]?.id, assistantMessage.id);
  });
});
