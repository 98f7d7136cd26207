import { randomUUID } from 'node:crypto';
import { ChatCompletionRequestSchema, type GenerateResult } from '../../../contract/index.js';
import { toApiFailure } from '../apiErrors.js';
import { toEngineChat, toOutputRules, toSampling } from '../openaiChat.js';
import type { PrefixPlan } from '../PrefixStates.js';
import { openEventStream } from '../sse.js';
import { parseRequest } from './parseRequest.js';
import { resolveModel } from './resolveModel.js';
import { type Route, sendJson } from './RouteContext.js';

/**
 * POST /v1/chat/completions, answered by the engine supervisor like a chat in the UI: the same
 * queue, crash recovery and hardware plan. A client that goes away aborts its answer (or its
 * place in the queue), which frees the engine for the next request.
 */
export const chatCompletions: Route = async (context) => {
  const request = parseRequest(ChatCompletionRequestSchema, context.body);
  const { services } = context;
  const chat = toEngineChat(request.messages);
  const output = toOutputRules(request);
  const sampling = toSampling(
    request,
    request.max_completion_tokens ?? request.max_tokens,
    services.settings.get().defaultSampling,
  );
  const modelPath = await resolveModel(services, request.model);
  const loadParams = await services.loadParams(modelPath);

  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const base = { id, created, model: request.model, system_fingerprint: null };
  // A forced function call's text is the call's JSON: it goes out as the call, not as content.
  const streamText = !(output.tools && output.tools.choice !== 'auto');
  const stream = request.stream ? openEventStream(context.response, context.headers) : null;
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  stream?.send(chunk({ role: 'assistant', content: '' }, null));

  let answered: (result: GenerateResult) => void = () => undefined;
  // The response ends when the answer is complete: the engine closes the turn after that.
  const answer = new Promise<GenerateResult>((resolve) => {
    answered = resolve;
  });
  const requestId = `api-${randomUUID()}`;
  let prefix: PrefixPlan | null = null;
  const generation = services.engine.generate(
    loadParams,
    async (loaded) => {
      // Built again only when a fresh engine loaded the model: the earlier plan's files go.
      await prefix?.discard();
      prefix = await services.prefixStates.plan({ requestId, ...chat, output, loaded });
      return {
        requestId,
        systemPrompt: chat.systemPrompt,
        history: chat.history,
        sampling,
        output,
        ...(prefix?.request ?? { resume: null, savePromptState: null, saveTurnState: null }),
      };
    },
    {
      signal: context.signal,
      onText: (text) => {
        if (text && streamText) stream?.send(chunk({ content: text }, null));
      },
      onAnswered: answered,
      onResumeCrashed: (reason) => prefix?.refuse(reason),
    },
  );
  // After the answer, off the response's path: the turn's state is stored for the next request.
  services.prefixStates.settle(
    () => prefix,
    generation,
    (line) => context.log(line),
  );
  let result: GenerateResult;
  try {
    result = await Promise.race([answer, generation]);
  } catch (error) {
    if (!stream) throw error;
    stream.fail(toApiFailure(error));
    return;
  }
  // The turn's closing may still fail after the answer: nothing the client waits for.
  generation.catch(() => undefined);
  const promptTokens = result.promptTokens + result.cachedTokens;
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: result.completionTokens,
    total_tokens: promptTokens + result.completionTokens,
    // As OpenAI reports its prompt caching: tokens the answer did not have to read.
    prompt_tokens_details: { cached_tokens: result.cachedTokens },
  };
  context.note({
    model: request.model,
    promptTokens: usage.prompt_tokens,
    cachedTokens: result.cachedTokens,
    completionTokens: usage.completion_tokens,
  });
  if (context.signal.aborted) return;

  const toolCalls = (result.toolCalls ?? []).map((call) => ({
    id: `call_${randomUUID().replaceAll('-', '')}`,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
  const finishReason = toolCalls.length > 0 ? 'tool_calls' : result.stopReason === 'max_tokens' ? 'length' : 'stop';

  if (stream) {
    if (!streamText && result.text) stream.send(chunk({ content: result.text }, null));
    if (toolCalls.length > 0)
      stream.send(chunk({ tool_calls: toolCalls.map((call, index) => ({ index, ...call })) }, null));
    stream.send(chunk({}, finishReason));
    if (request.stream_options?.include_usage)
      stream.send({ ...base, object: 'chat.completion.chunk', choices: [], usage });
    stream.done();
    return;
  }
  sendJson(context, 200, {
    ...base,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: toolCalls.length > 0 && !result.text ? null : result.text,
          refusal: null,
          ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
        },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage,
  });
};
