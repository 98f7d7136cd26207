import { randomUUID } from 'node:crypto';
import { CompletionRequestSchema } from '../../../contract/index.js';
import { toApiFailure } from '../apiErrors.js';
import { toSampling, toStops } from '../openaiChat.js';
import { openEventStream } from '../sse.js';
import { parseRequest } from './parseRequest.js';
import { resolveModel } from './resolveModel.js';
import { type Route, sendJson } from './RouteContext.js';

/** OpenAI's default answer length for /v1/completions. */
const DEFAULT_COMPLETION_TOKENS = 16;

/** POST /v1/completions: raw text continued by the model, no chat template. */
export const completions: Route = async (context) => {
  const request = parseRequest(CompletionRequestSchema, context.body);
  const { services } = context;
  const prompt = typeof request.prompt === 'string' ? request.prompt : (request.prompt[0] ?? '');
  const sampling = toSampling(
    request,
    request.max_tokens ?? DEFAULT_COMPLETION_TOKENS,
    services.settings.get().defaultSampling,
  );
  const modelPath = await resolveModel(services, request.model);
  const loadParams = await services.loadParams(modelPath);

  const base = {
    id: `cmpl-${randomUUID()}`,
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
  };
  const stream = request.stream ? openEventStream(context.response, context.headers) : null;
  const choice = (text: string, finishReason: string | null) => ({
    ...base,
    choices: [{ index: 0, text, logprobs: null, finish_reason: finishReason }],
  });
  let result;
  try {
    result = await services.engine.complete(
      loadParams,
      { requestId: `api-${randomUUID()}`, prompt, sampling, stop: toStops(request.stop) },
      {
        signal: context.signal,
        onText: (text) => {
          if (text) stream?.send(choice(text, null));
        },
      },
    );
  } catch (error) {
    if (!stream) throw error;
    stream.fail(toApiFailure(error));
    return;
  }
  const usage = {
    prompt_tokens: result.promptTokens,
    completion_tokens: result.completionTokens,
    total_tokens: result.promptTokens + result.completionTokens,
  };
  context.note({ model: request.model, promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens });
  if (context.signal.aborted) return;
  const finishReason = result.stopReason === 'max_tokens' ? 'length' : 'stop';
  if (stream) {
    stream.send(choice('', finishReason));
    if (request.stream_options?.include_usage) stream.send({ ...base, choices: [], usage });
    stream.done();
    return;
  }
  sendJson(context, 200, { ...choice(result.text, finishReason), usage });
};
