import type {
  ApiMessage,
  ChatCompletionRequest,
  ChatTurn,
  OutputRules,
  Sampling,
  ToolSpec,
} from '../../contract/index.js';
import { badRequest } from './apiErrors.js';

/** An OpenAI chat request as the engine takes it: one system prompt, then user and assistant turns. */
export interface EngineChat {
  systemPrompt: string;
  history: ChatTurn[];
}

/**
 * OpenAI messages → Hearth's turns. System (and developer) messages become the system prompt, in
 * order; a tool message's result joins the call it answers on the assistant turn before it. The
 * conversation must end with what the model answers: a user message, or tool results.
 */
export function toEngineChat(messages: readonly ApiMessage[]): EngineChat {
  const system: string[] = [];
  const history: ChatTurn[] = [];
  /** Calls of the last assistant turn still waiting for a result, by id. */
  let pending = new Map<string, { name: string; arguments: string }>();
  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(textOf(message.content));
        return;
      case 'user':
        history.push({ role: 'user', text: textOf(message.content) });
        pending = new Map();
        return;
      case 'assistant': {
        const calls = message.tool_calls ?? [];
        history.push({
          role: 'assistant',
          text: message.content ? textOf(message.content) : '',
          ...(calls.length > 0 && { toolCalls: [] }),
        });
        pending = new Map(calls.map((call) => [call.id, call.function]));
        return;
      }
      case 'tool': {
        const call = pending.get(message.tool_call_id);
        const turn = history.at(-1);
        if (!call || turn?.role !== 'assistant' || !turn.toolCalls) {
          throw badRequest(
            `${param} answers a tool call (${message.tool_call_id}) that the assistant message before it did not make.`,
            param,
          );
        }
        pending.delete(message.tool_call_id);
        turn.toolCalls.push({ ...call, result: textOf(message.content) });
        return;
      }
    }
  });
  const last = messages.at(-1);
  if (!last || (last.role !== 'user' && last.role !== 'tool')) {
    throw badRequest('The last message must be from the user (or a tool result): Hearth answers it.', 'messages');
  }
  return { systemPrompt: system.join('\n\n'), history };
}

function textOf(content: string | readonly { type: 'text'; text: string }[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

/** The request's sampling, each unset field taken from Hearth's defaults (Settings). */
export function toSampling(
  request: { temperature?: number | null; top_p?: number | null; seed?: number | null },
  maxTokens: number | null | undefined,
  defaults: Sampling,
): Sampling {
  return {
    temperature: request.temperature ?? defaults.temperature,
    // llama.cpp needs top_p above 0; OpenAI's 0 means "only the likeliest tokens".
    topP: request.top_p === null || request.top_p === undefined ? defaults.topP : Math.max(request.top_p, 0.01),
    maxTokens: maxTokens ?? defaults.maxTokens,
    seed: request.seed ?? defaults.seed,
  };
}

export function toStops(stop: string | readonly string[] | null | undefined): string[] {
  if (stop === null || stop === undefined) return [];
  return typeof stop === 'string' ? [stop] : [...stop];
}

/** Stop sequences, response format and tools, as the engine takes them. */
export function toOutputRules(request: ChatCompletionRequest): OutputRules {
  const format = request.response_format;
  const tools = request.tool_choice === 'none' ? null : (request.tools ?? null);
  if (tools && format && format.type !== 'text') {
    throw badRequest('Hearth cannot combine tools with a JSON response format in one request.', 'response_format');
  }
  if (!tools && request.tool_choice && request.tool_choice !== 'none' && request.tool_choice !== 'auto') {
    throw badRequest('tool_choice asks for a function call, but the request has no tools.', 'tool_choice');
  }
  const functions: ToolSpec[] | undefined = tools?.map(({ function: spec }) => ({
    name: spec.name,
    description: spec.description ?? '',
    parameters: spec.parameters ?? null,
  }));
  const choice = request.tool_choice;
  return {
    stop: toStops(request.stop),
    format:
      format?.type === 'json_schema'
        ? { type: 'json_schema', schema: format.json_schema.schema }
        : format?.type === 'json_object'
          ? { type: 'json' }
          : { type: 'text' },
    tools: functions
      ? {
          functions,
          choice:
            typeof choice === 'object' && choice
              ? { name: choice.function.name }
              : choice === 'required'
                ? 'required'
                : 'auto',
        }
      : null,
  };
}
