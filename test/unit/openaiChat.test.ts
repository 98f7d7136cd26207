import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChatCompletionRequestSchema, DEFAULT_SAMPLING } from '../../contract/index.js';
import { ApiFailure } from '../../main/server/apiErrors.js';
import { toEngineChat, toOutputRules, toSampling } from '../../main/server/openaiChat.js';

const request = (body: Record<string, unknown>) =>
  ChatCompletionRequestSchema.parse({ model: 'm', messages: [{ role: 'user', content: 'q' }], ...body });

describe('OpenAI chat requests as the engine takes them', () => {
  test('system and developer messages become the system prompt; text parts are joined', () => {
    const chat = toEngineChat([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'developer',
        content: [
          { type: 'text', text: 'Use ' },
          { type: 'text', text: 'metric.' },
        ],
      },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: [{ type: 'text', text: 'How far?' }] },
    ]);
    assert.equal(chat.systemPrompt, 'Be brief.\n\nUse metric.');
    assert.deepEqual(chat.history, [
      { role: 'user', text: 'Hi' },
      { role: 'assistant', text: 'Hello' },
      { role: 'user', text: 'How far?' },
    ]);
  });

  test('tool results join the calls they answer, in order', () => {
    const call = (id: string, name: string) => ({
      id,
      type: 'function' as const,
      function: { name, arguments: `{"id":"${id}"}` },
    });
    const chat = toEngineChat([
      { role: 'user', content: 'Weather and time?' },
      { role: 'assistant', content: null, tool_calls: [call('a', 'weather'), call('b', 'time')] },
      { role: 'tool', tool_call_id: 'b', content: '12:00' },
      { role: 'tool', tool_call_id: 'a', content: 'sunny' },
    ]);
    assert.deepEqual(chat.history[1], {
      role: 'assistant',
      text: '',
      toolCalls: [
        { name: 'time', arguments: '{"id":"b"}', result: '12:00' },
        { name: 'weather', arguments: '{"id":"a"}', result: 'sunny' },
      ],
    });
  });

  test('refused: a tool result nobody asked for, an answered call answered twice, an assistant last', () => {
    const refused = (messages: Parameters<typeof toEngineChat>[0], param: string) =>
      assert.throws(
        () => toEngineChat(messages),
        (error: unknown) => error instanceof ApiFailure && error.status === 400 && error.param === param,
      );
    refused(
      [
        { role: 'user', content: 'x' },
        { role: 'tool', tool_call_id: 'nope', content: '1' },
      ],
      'messages[1]',
    );
    const call = { id: 'a', type: 'function' as const, function: { name: 'f', arguments: '{}' } };
    refused(
      [
        { role: 'user', content: 'x' },
        { role: 'assistant', tool_calls: [call] },
        { role: 'tool', tool_call_id: 'a', content: '1' },
        { role: 'tool', tool_call_id: 'a', content: '2' },
      ],
      'messages[3]',
    );
    refused(
      [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: 'y' },
      ],
      'messages',
    );
  });

  test('sampling: unset fields follow Hearth’s defaults; top_p 0 becomes the smallest llama.cpp takes', () => {
    assert.deepEqual(toSampling({}, undefined, DEFAULT_SAMPLING), DEFAULT_SAMPLING);
    assert.deepEqual(toSampling({ temperature: 0, top_p: 0, seed: 5 }, 7, DEFAULT_SAMPLING), {
      temperature: 0,
      topP: 0.01,
      maxTokens: 7,
      seed: 5,
    });
  });

  test('output rules: stops, formats and tool choices', () => {
    assert.deepEqual(toOutputRules(request({ stop: 'END' })), { stop: ['END'], format: { type: 'text' }, tools: null });
    assert.deepEqual(toOutputRules(request({ response_format: { type: 'json_object' } })).format, { type: 'json' });
    const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: {} } } }];
    assert.equal(toOutputRules(request({ tools, tool_choice: 'none' })).tools, null);
    assert.equal(toOutputRules(request({ tools })).tools?.choice, 'auto');
    assert.equal(toOutputRules(request({ tools, tool_choice: 'required' })).tools?.choice, 'required');
    assert.deepEqual(
      toOutputRules(request({ tools, tool_choice: { type: 'function', function: { name: 'f' } } })).tools?.choice,
      { name: 'f' },
    );
    assert.throws(() => toOutputRules(request({ tool_choice: 'required' })), ApiFailure);
    assert.throws(() => toOutputRules(request({ tools, response_format: { type: 'json_object' } })), ApiFailure);
  });

  test('the schema refuses what Hearth cannot do, by name', () => {
    for (const body of [
      { n: 2 },
      { logprobs: true },
      { messages: [{ role: 'user', content: [{ type: 'image_url' }] }] },
    ]) {
      assert.equal(
        ChatCompletionRequestSchema.safeParse({ model: 'm', messages: [{ role: 'user', content: 'q' }], ...body })
          .success,
        false,
      );
    }
    // What changes nothing here is accepted: OpenAI clients send it.
    assert.ok(
      ChatCompletionRequestSchema.safeParse({
        model: 'm',
        messages: [{ role: 'user', content: 'q' }],
        user: 'u',
        store: false,
      }).success,
    );
  });
});
