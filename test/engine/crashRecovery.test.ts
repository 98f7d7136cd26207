import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startHearth } from '../support/startHearth.js';
import { useForgedModels } from '../support/forgedModels.js';
import { waitFor } from '../support/waitFor.js';
import { finished, greedyConversation } from '../support/chatHelpers.js';

const forged = useForgedModels();

describe('engine crash recovery', () => {
  test('kill -9 mid-answer: the partial answer is kept as interrupted, and a new engine answers next', async () => {
    const hearth = startHearth();
    const conversation = await greedyConversation(hearth, forged.paths.rwkv6, 1500);
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
});
