import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { AppError } from '../../contract/index.js';
import { EngineClient } from '../../main/engine/EngineClient.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { waitFor } from '../support/waitFor.js';

describe('the contract at the main → engine boundary', () => {
  test('the engine refuses malformed frames and parameters, and keeps running', async () => {
    const transport = forkLauncher({});
    const protocolErrors: string[] = [];
    const client = new EngineClient(transport, {
      onEvent: () => undefined,
      onProtocolError: (m) => protocolErrors.push(m),
    });
    after(() => client.kill());
    await client.ready();

    transport.send({ hello: 'engine' });
    transport.send('not even an object');
    await waitFor(() => protocolErrors.length >= 2, { what: 'protocol errors' });
    assert.match(protocolErrors[0] ?? '', /Malformed request frame/);

    const badParams: [string, unknown][] = [
      ['loadModel', { modelPath: 5, contextSize: 512, threads: 1, gpu: false }],
      ['loadModel', { modelPath: '/m.gguf', contextSize: 0, threads: 1, gpu: false }],
      ['loadModel', { modelPath: '/m.gguf', contextSize: 512, threads: 1, gpu: 'npu' }],
      ['generate', { requestId: 'r', systemPrompt: '', history: [], sampling: {} }],
      ['abort', {}],
    ];
    for (const [method, params] of badParams) {
      await assert.rejects(client.request(method as 'abort', params as { requestId: string }), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'invalid_input', `${method} ${JSON.stringify(params)}`);
        assert.ok(error.message.startsWith(`${method}:`));
        return true;
      });
    }
    await assert.rejects(client.request('selfDestruct' as 'ping', {}), /Unknown engine method/);
    await assert.rejects(
      client.request('generate', {
        requestId: 'r1',
        systemPrompt: '',
        history: [{ role: 'user', text: 'hi' }],
        sampling: { temperature: 0, topP: 1, maxTokens: 4, seed: null },
        resume: null,
        savePromptState: null,
        saveTurnState: null,
      }),
      (error: unknown) => error instanceof AppError && error.code === 'no_model',
    );
    const ping = await client.request('ping', {});
    assert.equal(ping.pid, transport.pid, 'the same engine still answers');
  });
});
