import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { describe, test } from 'node:test';
import { type Message, remoteModelId } from '../../contract/index.js';
import { finished } from '../support/chatHelpers.js';
import { freePort, openaiClient, spawnRemoteHearth } from '../support/apiServer.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();

const GREEDY = { temperature: 0, topP: 1, maxTokens: 12, seed: 1 };

/** A conversation of the local Hearth on the remote engine's model. */
async function remoteConversation(hearth: TestHearth, engineId: string, model: string, maxTokens: number) {
  const conversation = await hearth.call('conversations.create', {
    modelId: remoteModelId(engineId, model),
    systemPrompt: 'You are terse.',
  });
  await hearth.call('conversations.update', { conversationId: conversation.id, sampling: { ...GREEDY, maxTokens } });
  return conversation;
}

const deltasOf = (hearth: TestHearth, messageId: string) =>
  hearth.emitted.filter(
    (entry) => entry.event === 'chat.delta' && (entry.payload as { messageId: string }).messageId === messageId,
  ).length;

describe('remote engines: another Hearth’s API as the engine of a conversation', () => {
  test('added with its key; answers stream and equal the remote’s own; stop works; a killed remote is an error that loses nothing', async () => {
    const remote = await spawnRemoteHearth(forged.paths.rwkv7, { keyName: 'office' });
    assert.ok(remote.key);
    const hearth = startHearth();

    await assert.rejects(
      hearth.call('engines.add', {
        name: 'Workstation',
        baseUrl: remote.url,
        preset: 'custom',
        apiKey: 'hearth-sk-wrong',
      }),
      (error: Error & { code?: string }) => error.code === 'forbidden' && /refused the API key/.test(error.message),
    );
    const nowhere = `http://127.0.0.1:${await freePort()}/v1`;
    await assert.rejects(
      hearth.call('engines.add', { name: 'Nowhere', baseUrl: nowhere, preset: 'custom', apiKey: null }),
      (error: Error & { code?: string }) => error.code === 'disconnected' && /Cannot reach Nowhere/.test(error.message),
    );
    assert.deepEqual(await hearth.call('engines.list', {}), [], 'an engine that did not answer is not kept');

    const { engine, models } = await hearth.call('engines.add', {
      name: 'Workstation',
      baseUrl: remote.url,
      preset: 'custom',
      apiKey: remote.key,
    });
    assert.deepEqual(models, [remote.model]);
    assert.equal(engine.hasKey, true);
    assert.ok(!JSON.stringify(await hearth.call('engines.list', {})).includes(remote.key), 'the key is not sent back');
    assert.deepEqual((await hearth.call('engines.models', { id: engine.id })).models, [remote.model]);

    // A conversation on the remote model: streamed, and the same text the remote gives its own API client.
    const conversation = await remoteConversation(hearth, engine.id, remote.model, 12);
    const { assistantMessage } = await hearth.call('chat.send', {
      conversationId: conversation.id,
      content: 'Hello there',
    });
    const answer = await finished(hearth, assistantMessage.id);
    assert.equal(answer.status, 'complete', answer.detail ?? '');
    assert.equal(answer.modelId, remoteModelId(engine.id, remote.model), 'the answer says which machine wrote it');
    assert.ok(deltasOf(hearth, assistantMessage.id) >= 1, 'the answer streamed');
    assert.equal(answer.stats?.completionTokens, 12);
    const direct = await openaiClient(remote.url, remote.key).chat.completions.create({
      model: remote.model,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Hello there' },
      ],
      ...{ temperature: 0, top_p: 1, max_tokens: 12, seed: 1 },
    });
    assert.equal(answer.content, direct.choices[0]?.message.content);
    assert.equal(hearth.engine.status.state, 'stopped', 'no local engine was started for it');

    // Stop: the remote's generation stops with it, and the conversation goes on.
    const long = await remoteConversation(hearth, engine.id, remote.model, 32_768);
    const stopped = await hearth.call('chat.send', { conversationId: long.id, content: 'Write forever' });
    await waitFor(() => deltasOf(hearth, stopped.assistantMessage.id) >= 2, { what: 'the long answer to stream' });
    await hearth.call('chat.stop', { conversationId: long.id });
    const interrupted = await finished(hearth, stopped.assistantMessage.id);
    assert.equal(interrupted.status, 'interrupted');
    assert.equal(interrupted.stopReason, 'user_stopped');
    assert.ok(interrupted.content.length > 0);

    // The remote dies mid-answer: a clear error, the text so far and the question kept.
    const dying = await hearth.call('chat.send', { conversationId: long.id, content: 'And again' });
    await waitFor(() => deltasOf(hearth, dying.assistantMessage.id) >= 2, { what: 'the answer to stream' });
    remote.child.kill('SIGKILL');
    const broken: Message = await finished(hearth, dying.assistantMessage.id);
    assert.equal(broken.status, 'error');
    assert.match(broken.detail ?? '', /Workstation|connection/);
    assert.ok(broken.content.length > 0, 'the text received before the remote died is kept');
    const { messages } = await hearth.call('conversations.get', { conversationId: long.id });
    assert.deepEqual(
      messages.map((message) => message.role),
      ['user', 'assistant', 'user', 'assistant'],
      'nothing of the conversation was lost',
    );
    // Afterwards the engine is unreachable, said so plainly.
    const after = await hearth.call('chat.send', { conversationId: conversation.id, content: 'Still there?' });
    const unreachable = await finished(hearth, after.assistantMessage.id);
    assert.equal(unreachable.status, 'error');
    assert.match(unreachable.detail ?? '', /Cannot reach Workstation/);
  });

  test('Hearth connects only to the engine’s address: a redirect elsewhere is refused, not followed', async () => {
    let elsewhereHits = 0;
    const elsewhere = await listen(
      createServer((_request, response) => {
        elsewhereHits++;
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"object":"list","data":[]}');
      }),
    );
    const redirecting = await listen(
      createServer((_request, response) => {
        response.writeHead(302, { Location: `${elsewhere.url}/v1/models` }).end();
      }),
    );
    try {
      const hearth = startHearth();
      await assert.rejects(
        hearth.call('engines.add', {
          name: 'Sly',
          baseUrl: `${redirecting.url}/v1`,
          preset: 'custom',
          apiKey: 'secret-key',
        }),
        (error: Error & { code?: string }) => error.code === 'forbidden' && /redirect/.test(error.message),
      );
      assert.equal(elsewhereHits, 0, 'nothing was sent to the other address');
      assert.deepEqual(await hearth.call('engines.list', {}), []);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()]);
    }
  });
});

async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
