import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ApiCallName, apiCalls, apiEvents, engineCalls } from '../../contract/index.js';
import { startHearth } from '../support/startHearth.js';

const ID = '9b2f8a51-2f7e-4a55-9d2b-5b0e6a3c1d11';

/** Payloads no call accepts. */
const ALWAYS_BAD: unknown[] = [undefined, null, 'text', 42, [], { unexpectedKey: true }];

/** For each call, payloads that look nearly right but break one rule. */
const NEARLY_RIGHT: Partial<Record<ApiCallName, unknown[]>> = {
  'settings.update': [
    { theme: 'neon' },
    { contextSize: 1 },
    { defaultSampling: { temperature: 9, topP: 1, maxTokens: 5, seed: null } },
  ],
  'conversations.create': [{ title: 'x'.repeat(201) }, { modelId: '../../etc/passwd' }, { modelId: '/abs/model.gguf' }],
  'conversations.get': [{ conversationId: 'not-a-uuid' }, { conversationId: ID, extra: 1 }],
  'conversations.rename': [{ conversationId: ID, title: '   ' }, { conversationId: ID }],
  'conversations.update': [
    { conversationId: ID, sampling: { temperature: 0.5 } },
    { conversationId: ID, modelId: 'C:\\models\\x.gguf' },
  ],
  'conversations.delete': [{ conversationId: 7 }],
  'chat.send': [
    { conversationId: ID, content: '' },
    { conversationId: ID, content: '   ' },
    { conversationId: ID },
    { conversationId: ID, content: 5 },
  ],
  'chat.stop': [{ conversationId: '' }],
  'chat.regenerate': [{}],
  'models.load': [{ modelId: '' }, { modelId: 'a/../../b.gguf' }],
  'server.configure': [
    { port: 80 },
    { host: '10.0.0.1' },
    { allowedOrigins: ['javascript:alert(1)'] },
    { allowedOrigins: ['http://localhost:3000/path'] },
    { enabled: 'yes' },
  ],
  'server.createKey': [{ name: '   ' }, { name: 'x'.repeat(101) }],
  'server.revokeKey': [{ id: '' }],
};

describe('the contract at the renderer → main boundary', () => {
  test('every call rejects malformed payloads with invalid_input, and nothing changes', async () => {
    const hearth = startHearth();
    const before = hearth.db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM conversations) + (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM settings)',
      )
      .pluck()
      .get();
    let checked = 0;
    for (const method of Object.keys(apiCalls) as ApiCallName[]) {
      const inputs = [...ALWAYS_BAD, ...(NEARLY_RIGHT[method] ?? [])];
      for (const input of inputs) {
        const result = await hearth.dispatch(method, input, { origin: 'test' });
        assert.equal(result.ok, false, `${method} accepted ${JSON.stringify(input)}`);
        if (result.ok) continue;
        assert.equal(result.error.code, 'invalid_input', `${method} with ${JSON.stringify(input)}`);
        assert.ok(result.error.message.startsWith(`${method}:`), `the message names the call: ${result.error.message}`);
        assert.ok(!/\n\s+at /.test(result.error.message), 'no stack trace crosses the boundary');
        checked++;
      }
    }
    assert.ok(checked >= Object.keys(apiCalls).length * ALWAYS_BAD.length);
    const after = hearth.db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM conversations) + (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM settings)',
      )
      .pluck()
      .get();
    assert.equal(after, before, 'no row was written');
    assert.equal(hearth.engine.status.state, 'stopped', 'no engine was started');
    assert.deepEqual(hearth.emitted, [], 'no event was emitted');
  });

  test('unknown calls are refused by name', async () => {
    const hearth = startHearth();
    for (const method of ['app.quit', '__proto__', 'constructor', 42, null]) {
      const result = await hearth.dispatch(method, {}, { origin: 'test' });
      assert.deepEqual(result.ok, false);
      if (!result.ok) {
        assert.equal(result.error.code, 'invalid_input');
        assert.match(result.error.message, /Unknown call/);
      }
    }
  });

  test('well-formed calls pass and errors come back as {code, message} values', async () => {
    const hearth = startHearth();
    const created = await hearth.call('conversations.create', { title: 'Plans' });
    assert.equal(created.title, 'Plans');
    const missing = await hearth.dispatch('conversations.get', { conversationId: ID }, { origin: 'test' });
    assert.deepEqual(missing, {
      ok: false,
      error: {
        code: 'not_found',
        message: 'That conversation no longer exists.',
        text: { key: 'errors:conversationNotFound' },
      },
    });
    const noModel = await hearth.dispatch(
      'chat.send',
      { conversationId: created.id, content: 'Hi' },
      { origin: 'test' },
    );
    assert.equal(noModel.ok, false);
    if (!noModel.ok) assert.equal(noModel.error.code, 'no_model');
    const { messages } = await hearth.call('conversations.get', { conversationId: created.id });
    assert.deepEqual(messages, [], 'a refused send stores nothing');
  });

  test('every call and event has a schema, and the engine contract covers its methods', () => {
    for (const [name, spec] of Object.entries(apiCalls)) {
      assert.ok(spec.input && spec.output, name);
    }
    assert.ok(Object.keys(apiEvents).includes('chat.delta'));
    assert.deepEqual(Object.keys(engineCalls).sort(), [
      'abort',
      'complete',
      'embed',
      'generate',
      'inspectModel',
      'loadModel',
      'ping',
      'preload',
      'probeHardware',
      'rank',
      'renderChatTemplate',
      'unloadModel',
    ]);
  });
});
