import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { finished, greedyConversation } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth } from '../support/startHearth.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();

describe('chat turns through the services and the real engine', () => {
  test('history, system prompt and per-conversation sampling reach the engine', async () => {
    const hearth = startHearth();
    const conversation = await greedyConversation(hearth, forged.paths.mamba2, 6);
    await hearth.call('conversations.update', {
      conversationId: conversation.id,
      systemPrompt: 'You are terse.',
      sampling: { temperature: 0, topP: 1, maxTokens: 3, seed: 7 },
    });
    const first = await hearth.call('chat.send', { conversationId: conversation.id, content: 'One' });
    const a1 = await finished(hearth, first.assistantMessage.id);
    assert.equal(a1.stats?.completionTokens, 3, 'the conversation’s own max tokens applied');
    const second = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Two' });
    const a2 = await finished(hearth, second.assistantMessage.id);
    assert.equal(a2.status, 'complete');
    assert.equal(a2.parentId, second.userMessage.id);
    assert.equal(second.userMessage.parentId, a1.id, 'messages chain in order');
    assert.ok((a2.stats?.promptTokens ?? 0) > 0);
    const { messages } = await hearth.call('conversations.get', { conversationId: conversation.id });
    assert.deepEqual(
      messages.map((m) => [m.role, m.status]),
      [
        ['user', 'complete'],
        ['assistant', 'complete'],
        ['user', 'complete'],
        ['assistant', 'complete'],
      ],
    );
    assert.ok(messages.every((m) => m.role === 'user' || (m.stats?.tokensPerSecond ?? 0) >= 0));
  });

  test('a second send while answering is refused as busy, and nothing is stored', async () => {
    const hearth = startHearth();
    const conversation = await greedyConversation(hearth, forged.paths.llama, 1500);
    // Two sends at once, as from a double click: exactly one is stored and answered.
    const [won, lost] = await Promise.allSettled([
      hearth.call('chat.send', { conversationId: conversation.id, content: 'Long one' }),
      hearth.call('chat.send', { conversationId: conversation.id, content: 'Long one' }),
    ]);
    assert.equal(won.status, 'fulfilled');
    assert.equal(lost.status, 'rejected');
    if (won.status !== 'fulfilled') return;
    const { assistantMessage } = won.value;
    await assert.rejects(
      hearth.call('chat.send', { conversationId: conversation.id, content: 'Impatient' }),
      (error: Error & { code?: string }) => error.code === 'busy',
    );
    await hearth.call('chat.stop', { conversationId: conversation.id });
    await finished(hearth, assistantMessage.id);
    const { messages } = await hearth.call('conversations.get', { conversationId: conversation.id });
    assert.equal(messages.length, 2);
  });

  test('stop keeps the partial answer, marked as stopped by the user', async () => {
    const hearth = startHearth();
    const conversation = await greedyConversation(hearth, forged.paths.mamba, 1500);
    const { assistantMessage } = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Go on.' });
    await waitFor(() => hearth.emitted.some((e) => e.event === 'chat.delta'), { what: 'streamed text' });
    assert.deepEqual(await hearth.call('chat.stop', { conversationId: conversation.id }), { stopped: true });
    const stopped = await finished(hearth, assistantMessage.id);
    assert.equal(stopped.status, 'interrupted');
    assert.equal(stopped.stopReason, 'user_stopped');
    assert.ok((stopped.stats?.completionTokens ?? 0) < 1500);
    assert.equal(hearth.engine.status.restarts, 0, 'stopping does not restart the engine');
  });

  test('regenerate adds a new answer beside the old one, and the branch can be switched back', async () => {
    const hearth = startHearth();
    const conversation = await greedyConversation(hearth, forged.paths.llama, 12);
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
    assert.deepEqual(messages[1]?.siblingIds, [original.id, assistantMessage.id], 'two answers: 2/2 shown');
    const back = await hearth.call('conversations.selectBranch', {
      conversationId: conversation.id,
      messageId: original.id,
    });
    assert.equal(back.messages[1]?.id, original.id);
  });

  test('unload frees the model, and the next message loads it again', async () => {
    const hearth = startHearth();
    const conversation = await greedyConversation(hearth, forged.paths.qwen3moe, 4);
    const first = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Hi' });
    await finished(hearth, first.assistantMessage.id);
    assert.equal(hearth.engine.status.loaded?.architecture, 'qwen3moe');
    const status = await hearth.call('models.unload', {});
    assert.equal(status.loadedModel, null);
    assert.equal(status.state, 'idle');
    const second = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Again' });
    assert.equal((await finished(hearth, second.assistantMessage.id)).status, 'complete');
    assert.equal(hearth.engine.status.loaded?.architecture, 'qwen3moe');
    assert.ok(
      hearth.emitted.some((e) => e.event === 'engine.status' && (e.payload as { state: string }).state === 'loading'),
    );
  });
});
