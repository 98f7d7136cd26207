import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import OpenAI from 'openai';
import { ask } from '../support/chatHelpers.js';
import { freePort, openaiClient, serveApi } from '../support/apiServer.js';
import { useForgedModels, useMalformedModels } from '../support/forgedModels.js';
import { startHearth } from '../support/startHearth.js';
import { dropHotCopies } from '../support/stateHelpers.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const malformed = useMalformedModels();

/** A Hearth answering greedily with one thread, its API on, and the model `arch`. */
async function apiHearth(arch: 'rwkv7' | 'llama', options: Parameters<typeof startHearth>[0] = {}) {
  const hearth = startHearth(options);
  const model = hearth.addModel(forged.paths[arch]);
  await hearth.call('settings.update', {
    contextSize: 2048,
    threads: 1,
    defaultSampling: { temperature: 0, topP: 1, maxTokens: 24, seed: 1 },
  });
  const url = await serveApi(hearth);
  return { hearth, model, url, client: openaiClient(url) };
}

/** A streamed answer far longer than any test waits for (each test ends it its own way). */
const endlessStream = (client: OpenAI, model: string) =>
  client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Write forever' }],
    max_tokens: 32_768,
    stream: true,
  });

/** A raw request (for what the official client never sends: broken JSON, foreign origins, …). */
async function raw(url: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

const errorOf = (body: unknown) =>
  (body as { error: { type: string; code: string | null; param: string | null; message: string } }).error;

async function stillServes(url: string) {
  const { status } = await raw(url, '/models');
  assert.equal(status, 200, 'the server keeps serving');
}

describe('the local OpenAI-compatible API, with the official openai client', () => {
  test('lists models; answers plainly and streamed, the same answer the UI gives', async () => {
    const { hearth, model, client } = await apiHearth('rwkv7');
    const models = await client.models.list();
    assert.deepEqual(
      models.data.map((entry) => entry.id),
      [model],
    );
    assert.equal((await client.models.retrieve(model)).id, model);

    const system = 'You are terse.';
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      { role: 'user', content: 'Hello there' },
    ];
    const plain = await client.chat.completions.create({ model, messages, max_tokens: 12, temperature: 0 });
    const choice = plain.choices[0];
    assert.equal(choice?.finish_reason, 'length');
    assert.equal(plain.usage?.completion_tokens, 12);
    assert.ok((plain.usage?.prompt_tokens ?? 0) > 0);
    const text = choice?.message.content ?? '';
    assert.ok(text.length > 0);

    const stream = await client.chat.completions.create({
      model,
      messages,
      max_tokens: 12,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason ?? null;
      usage ??= chunk.usage;
    }
    assert.equal(streamed, text, 'streamed text equals the plain answer');
    assert.equal(finish, 'length');
    assert.equal(usage?.completion_tokens, 12);

    // The same question in a conversation of the UI: the API answers through the same engine path.
    const conversation = await hearth.call('conversations.create', { modelId: model, systemPrompt: system });
    await hearth.call('conversations.update', {
      conversationId: conversation.id,
      sampling: { temperature: 0, topP: 1, maxTokens: 12, seed: 1 },
    });
    const answer = await ask(hearth, conversation.id, 'Hello there');
    assert.equal(answer.content, text, 'the API and the UI give the same greedy answer');

    const served = (await hearth.call('server.status', {})).recent;
    assert.ok(
      served.some((entry) => entry.path === '/v1/chat/completions' && entry.status === 200 && entry.model === model),
    );
  });

  test('stop sequences, a JSON schema, forced and answered tool calls, completions and embeddings', async () => {
    const { model, client } = await apiHearth('rwkv7');
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Tell me a story' }];
    const full = (await client.chat.completions.create({ model, messages, max_tokens: 40, temperature: 0 })).choices[0]
      ?.message.content;
    assert.ok(full);
    // A stop sequence from the middle of the answer (two ASCII letters, so it is text for sure).
    const stop = /[A-Za-z]{2}/.exec(full.slice(2))?.[0];
    assert.ok(stop, `the greedy answer has two letters in a row to stop at: ${JSON.stringify(full)}`);
    const stopped = await client.chat.completions.create({
      model,
      messages,
      max_tokens: 40,
      temperature: 0,
      stop: [stop],
    });
    assert.equal(stopped.choices[0]?.message.content, full.slice(0, full.indexOf(stop)));
    assert.equal(stopped.choices[0]?.finish_reason, 'stop');

    const schema = {
      type: 'object',
      properties: { answer: { enum: ['yes', 'no'] }, sure: { type: 'boolean' } },
    };
    const json = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Is it raining?' }],
      max_tokens: 200,
      response_format: { type: 'json_schema', json_schema: { name: 'verdict', schema } },
    });
    const parsed = JSON.parse(json.choices[0]?.message.content ?? '') as { answer: string; sure: boolean };
    assert.ok(['yes', 'no'].includes(parsed.answer));
    assert.equal(typeof parsed.sure, 'boolean');

    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'The weather in a city',
          parameters: {
            type: 'object',
            properties: { city: { enum: ['Oslo', 'Paris'] }, celsius: { type: 'boolean' } },
          },
        },
      },
    ];
    const question: OpenAI.ChatCompletionMessageParam = { role: 'user', content: 'Weather in Oslo?' };
    const called = await client.chat.completions.create({
      model,
      messages: [question],
      max_tokens: 200,
      tools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    const call = called.choices[0]?.message.tool_calls?.[0];
    assert.equal(called.choices[0]?.finish_reason, 'tool_calls');
    assert.ok(call?.type === 'function');
    assert.equal(call.function.name, 'get_weather');
    const args = JSON.parse(call.function.arguments) as { city: string; celsius: boolean };
    assert.ok(['Oslo', 'Paris'].includes(args.city));
    assert.equal(called.choices[0]?.message.content, null);
    // The call's result goes back; the model answers with text.
    const after = await client.chat.completions.create({
      model,
      max_tokens: 8,
      tools,
      messages: [
        question,
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: '{"temperature": 21}' },
      ],
    });
    assert.ok(['stop', 'length', 'tool_calls'].includes(after.choices[0]?.finish_reason ?? ''));
    await assert.rejects(
      client.chat.completions.create({
        model,
        messages: [question, { role: 'tool', tool_call_id: 'call_nobody_made', content: '1' }],
      }),
      (error: unknown) => error instanceof OpenAI.BadRequestError,
      'a tool result for a call that was not made is refused',
    );

    const completion = await client.completions.create({ model, prompt: 'Once upon a time', max_tokens: 5 });
    assert.equal(completion.choices[0]?.finish_reason, 'length');
    assert.equal(completion.usage?.completion_tokens, 5);
    assert.ok((completion.choices[0]?.text ?? '').length > 0);
    // A chat right after a raw completion on the same sequence: the chat template's turn, as before.
    const afterCompletion = await client.chat.completions.create({ model, messages, max_tokens: 40, temperature: 0 });
    assert.equal(afterCompletion.choices[0]?.message.content, full, 'the same greedy answer as before the completion');

    const embedded = await client.embeddings.create({ model, input: ['one', 'two words'] });
    assert.equal(embedded.data.length, 2);
    for (const { embedding } of embedded.data) {
      assert.ok(Math.abs(Math.hypot(...embedding) - 1) < 1e-3, 'vectors are L2-normalised');
    }
    assert.notDeepEqual(embedded.data[0]?.embedding, embedded.data[1]?.embedding);
    assert.ok((embedded.usage.prompt_tokens ?? 0) >= 2);
    // base64 (what the client asks for by default) decodes to the same floats.
    const again = await client.embeddings.create({ model, input: 'one' });
    assert.deepEqual(
      again.data[0]?.embedding.map((value) => Math.fround(value)),
      embedded.data[0]?.embedding.map((value) => Math.fround(value)),
    );
  });

  test('a client that goes away mid-stream stops its answer and frees the engine', async () => {
    const { hearth, model, client } = await apiHearth('rwkv7');
    const stream = await endlessStream(client, model);
    let chunks = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) chunks++;
      if (chunks >= 3) break; // leaving the loop aborts the request
    }
    const record = await waitFor(
      async () =>
        (await hearth.call('server.status', {})).recent.find((entry) => entry.path === '/v1/chat/completions'),
      { what: 'the aborted request to be recorded' },
    );
    assert.equal(record.aborted, true);
    assert.ok((record.completionTokens ?? 0) < 32_768, 'the generation stopped with the client');
    const next = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 3,
    });
    assert.equal(next.usage?.completion_tokens, 3, 'the engine answers the next request');
    assert.equal((await hearth.call('server.status', {})).inFlight, 0);
  });

  test('an engine that dies mid-stream ends the stream with an error event; the next request gets a fresh engine', async () => {
    const { hearth, model, client } = await apiHearth('rwkv7');
    const stream = await endlessStream(client, model);
    const pid = hearth.engine.status.pid;
    assert.ok(pid);
    let chunks = 0;
    await assert.rejects(
      (async () => {
        for await (const chunk of stream) {
          if (chunk.choices[0]?.delta.content && ++chunks === 2) process.kill(pid, 'SIGKILL');
        }
      })(),
      (error: unknown) => error instanceof OpenAI.APIError && /engine/i.test(error.message),
    );
    const next = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 3,
    });
    assert.equal(next.usage?.completion_tokens, 3);
    assert.notEqual(hearth.engine.status.pid, pid, 'a fresh engine answered');
  });

  test('bad requests get OpenAI errors with their status, and the server keeps serving', async () => {
    const { hearth, model, url, client } = await apiHearth('rwkv7', { apiLimits: { bodyBytes: 64 * 1024 } });
    const post = (body: string, headers: Record<string, string> = {}) =>
      raw(url, '/chat/completions', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', ...headers },
      });

    const broken = await post('{"model": "x", "messages": [');
    assert.equal(broken.status, 400);
    assert.equal(errorOf(broken.body).type, 'invalid_request_error');
    assert.equal(errorOf(broken.body).code, 'invalid_json');

    const invalid = await post(JSON.stringify({ model, messages: [{ role: 'user', content: 'x' }], temperature: 9 }));
    assert.equal(invalid.status, 400);
    assert.equal(errorOf(invalid.body).param, 'temperature');

    await assert.rejects(
      client.chat.completions.create({ model: 'no-such-model.gguf', messages: [{ role: 'user', content: 'x' }] }),
      (error: unknown) => error instanceof OpenAI.NotFoundError && error.code === 'model_not_found',
    );
    await assert.rejects(
      client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x'.repeat(100 * 1024) }] }),
      (error: unknown) => error instanceof OpenAI.APIError && error.status === 413,
    );
    await assert.rejects(
      client.chat.completions.create({ model, messages: [{ role: 'assistant', content: 'I speak last' }] }),
      (error: unknown) => error instanceof OpenAI.BadRequestError && error.param === 'messages',
    );
    // A file the library refuses (its check fails): unusable, said so, and not listed once judged.
    const refused = hearth.addModel(malformed.paths.truncated, 'broken.gguf');
    await assert.rejects(
      client.chat.completions.create({ model: refused, messages: [{ role: 'user', content: 'x' }] }),
      (error: unknown) => error instanceof OpenAI.APIError && error.status === 422,
    );
    assert.deepEqual(
      (await client.models.list()).data.map((entry) => entry.id),
      [model],
      'a refused file is not offered',
    );
    const unknown = await raw(url, '/nothing/here');
    assert.equal(unknown.status, 404);
    const wrongMethod = await raw(url, '/chat/completions');
    assert.equal(wrongMethod.status, 405);

    // Cross-origin: refused unless allowed; an allowed origin gets CORS headers.
    const foreign = await raw(url, '/models', { headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(errorOf(foreign.body).code, 'origin_not_allowed');
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    await hearth.call('server.configure', { allowedOrigins: ['http://localhost:3000'] });
    const allowed = await raw(url, '/models', { headers: { Origin: 'http://localhost:3000' } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    const preflight = await fetch(`${url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    // A DNS name rebound to 127.0.0.1 is not this PC's name: refused.
    const rebound = await rawWithHost(url, 'attacker.example');
    assert.equal(rebound, 403);

    // Keys: once one exists, every request needs it; a revoked key stops working.
    const { key, status } = await hearth.call('server.createKey', { name: 'editor' });
    assert.ok(key.startsWith('hearth-sk-'));
    assert.ok(!JSON.stringify(status).includes(key), 'the key itself is never listed');
    await assert.rejects(client.models.list(), (error: unknown) => error instanceof OpenAI.AuthenticationError);
    const missing = await raw(url, '/models');
    assert.equal(missing.status, 401);
    assert.equal(errorOf(missing.body).code, 'invalid_api_key');
    const keyed = openaiClient(url, key);
    assert.equal((await keyed.models.list()).data.length, 1);
    const listed = (await hearth.call('server.status', {})).keys;
    assert.equal(listed[0]?.name, 'editor');
    assert.ok(listed[0]?.lastUsedAt, 'the key’s last use is shown');
    const stored = hearth.db.prepare('SELECT hash FROM api_keys').all() as { hash: string }[];
    assert.ok(
      stored.every((row) => row.hash !== key && !row.hash.includes(key)),
      'only a hash is stored',
    );
    // With a second key in place, the first is revoked: it stops working, the second still does.
    const second = await hearth.call('server.createKey', { name: 'script' });
    const { revoked } = await hearth.call('server.revokeKey', { id: listed[0]?.id ?? '' });
    assert.equal(revoked, true);
    await assert.rejects(keyed.models.list(), (error: unknown) => error instanceof OpenAI.AuthenticationError);
    const client2 = openaiClient(url, second.key);
    assert.equal((await client2.models.list()).data.length, 1);
    await hearth.call('server.revokeKey', { id: second.status.keys.find((k) => k.name === 'script')?.id ?? '' });
    // No key left: on 127.0.0.1 the API is open again, as before the first key was made.

    await stillServes(url);
    const after = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Still there?' }],
      max_tokens: 2,
    });
    assert.equal(after.usage?.completion_tokens, 2);
    const statuses = (await hearth.call('server.status', {})).recent.map((entry) => entry.status);
    for (const expected of [400, 401, 403, 404, 405, 413])
      assert.ok(statuses.includes(expected), `recorded ${expected}`);
  });
});

describe('saved states behind the stateless API (recurrent models)', () => {
  test('a resent history reads only the new message, answers as a re-read would, and survives a damaged state', async () => {
    const logged: string[] = [];
    const { hearth, model, client } = await apiHearth('rwkv7', { log: (line) => logged.push(line) });
    const apiStates = () =>
      hearth.db
        .prepare<[], { id: number }>("SELECT id FROM states WHERE kind = 'prompt' AND prompt_key LIKE 'api:%'")
        .all();
    const storedCount = async (count: number) =>
      waitFor(() => apiStates().length >= count, { what: `${count} API prefix states stored` });
    const send = async (messages: OpenAI.ChatCompletionMessageParam[]) => {
      const response = await client.chat.completions.create({ model, messages, max_tokens: 8, temperature: 0 });
      const usage = response.usage;
      const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
      return { text: response.choices[0]?.message.content ?? '', cached, read: (usage?.prompt_tokens ?? 0) - cached };
    };
    /** Another request in between, so the engine no longer holds the conversation: the state comes from SQLite. */
    const elsewhere = async () => send([{ role: 'user', content: `Something else ${Math.random()}` }]);

    const conversation = async (question: string) => {
      const first = await send([{ role: 'user', content: question }]);
      assert.equal(first.cached, 0);
      const before = apiStates().length;
      await elsewhere();
      await storedCount(before + 1);
      const messages: OpenAI.ChatCompletionMessageParam[] = [
        { role: 'user', content: question },
        { role: 'assistant', content: first.text },
        { role: 'user', content: 'And the second question?' },
      ];
      return { messages, second: await send(messages) };
    };
    const short = await conversation('A short first question');
    assert.ok(short.second.cached > 0, 'the second turn started from the stored state');
    const long = await conversation(`A much longer first question. ${'Tell me more about it. '.repeat(40)}`);
    assert.ok(long.second.cached > short.second.cached * 5);
    assert.equal(long.second.read, short.second.read, 'the tokens read do not depend on the history’s length');

    // Live: straight after an answer the engine still holds it and reads only the new message.
    const third = await send([
      ...long.messages,
      { role: 'assistant', content: long.second.text },
      { role: 'user', content: 'A third one' },
    ]);
    assert.ok(third.cached > long.second.cached);

    // The same second turn read from scratch: the same answer, token for token.
    await hearth.call('settings.update', { saveStates: false });
    await elsewhere();
    const reread = await send(short.messages);
    assert.equal(reread.cached, 0);
    assert.equal(reread.text, short.second.text, 'resumed and re-read answers are identical');

    // A damaged stored state (no hot copy to fall back on): refused, read again, same answer.
    await hearth.call('settings.update', { saveStates: true });
    await elsewhere();
    dropHotCopies(hearth);
    const damage = hearth.db.prepare(
      "UPDATE states SET data = zeroblob(length(data)) WHERE kind = 'prompt' AND prompt_key LIKE 'api:%'",
    );
    assert.ok(damage.run().changes > 0);
    const recovered = await send(short.messages);
    assert.equal(recovered.cached, 0, 'the damaged state was not used');
    assert.equal(recovered.text, short.second.text);
    await hearth.close();
    assert.deepEqual(
      logged.filter((line) => /prefix state was not stored/.test(line)),
      [],
      'every state was stored (or dropped) without an error, also while closing',
    );
    assert.ok(
      logged.some((line) => /refused/.test(line)),
      'the damaged state was refused in the log',
    );
  });
});

describe('the local API server’s settings', () => {
  test('off by default; on the LAN only when confirmed and with a key; a port in use is reported', async () => {
    const hearth = startHearth();
    const first = await hearth.call('server.status', {});
    assert.equal(first.running, false);
    assert.equal(first.settings.enabled, false);
    assert.equal(first.settings.host, '127.0.0.1');

    const url = await serveApi(hearth);
    await assert.rejects(hearth.call('server.configure', { host: '0.0.0.0' }), /must be confirmed/);
    await assert.rejects(hearth.call('server.configure', { host: '0.0.0.0', confirmLan: true }), /API key first/);
    assert.equal(
      (await hearth.call('server.status', {})).settings.host,
      '127.0.0.1',
      'a refused change changes nothing',
    );
    await stillServes(url);

    const { key } = await hearth.call('server.createKey', { name: 'laptop' });
    const lan = await hearth.call('server.configure', { host: '0.0.0.0', confirmLan: true });
    assert.equal(lan.running, true);
    assert.equal(lan.settings.host, '0.0.0.0');
    const lanUrl = `http://127.0.0.1:${lan.settings.port}/v1`;
    assert.equal((await raw(lanUrl, '/models')).status, 401);
    assert.equal((await raw(lanUrl, '/models', { headers: { Authorization: `Bearer ${key}` } })).status, 200);

    const off = await hearth.call('server.configure', { enabled: false });
    assert.equal(off.running, false);
    await assert.rejects(fetch(`${lanUrl}/models`), 'nothing listens once it is off');

    // A port another program holds: the status says so, nothing throws.
    const holder = await holdPort();
    try {
      const busy = await hearth.call('server.configure', { enabled: true, host: '127.0.0.1', port: holder.port });
      assert.equal(busy.running, false);
      assert.match(busy.error ?? '', /already in use/);
    } finally {
      await holder.close();
    }
  });

  test('too many requests from one client get 429, and the server still answers later ones', async () => {
    const hearth = startHearth({ apiLimits: { requestsPerMinute: 5 } });
    const url = await serveApi(hearth);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await raw(url, '/models')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    const limited = await raw(url, '/models');
    assert.equal(errorOf(limited.body).type, 'rate_limit_error');
    assert.equal(hearth.apiServer.status().running, true);
  });
});

/** A request whose Host header names another machine (fetch does not let a page set it). */
async function rawWithHost(url: string, host: string): Promise<number> {
  const { request } = await import('node:http');
  const target = new URL(`${url}/models`);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: target.hostname, port: target.port, path: target.pathname, headers: { Host: host } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function holdPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const { createServer } = await import('node:net');
  const port = await freePort();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
