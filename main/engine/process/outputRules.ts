import type {
  ChatHistoryItem,
  ChatModelFunctionCall,
  ChatModelFunctions,
  GbnfJsonSchema,
  LlamaChatResponse,
  LlamaGrammar,
  LlamaModel,
} from 'node-llama-cpp';
import { AppError, type AnswerToolCall, type ChatTurn, type OutputRules } from '../../../contract/index.js';

/** What an answer's output rules become for LlamaChat.generateResponse. */
export interface GenerationRules {
  customStopTriggers?: string[];
  grammar?: LlamaGrammar;
  functions?: ChatModelFunctions;
  /** Forced tool choice: the answer is a JSON `{ name, arguments }` the grammar shaped. */
  forcedTool: boolean;
}

/**
 * Turns the API's output rules into node-llama-cpp options. A JSON schema or a forced function
 * call becomes a grammar (llama.cpp then samples only tokens that keep the answer valid); 'auto'
 * tools are node-llama-cpp's function calling, in the chat template's own syntax. A schema
 * node-llama-cpp cannot turn into a grammar is the caller's error, said plainly.
 */
export async function generationRules(model: LlamaModel, rules: OutputRules | undefined): Promise<GenerationRules> {
  if (!rules) return { forcedTool: false };
  const stops = rules.stop.length > 0 ? { customStopTriggers: [...rules.stop] } : {};
  const tools = rules.tools;
  if (tools && tools.choice === 'auto') {
    const functions: ChatModelFunctions = Object.fromEntries(
      tools.functions.map((spec) => [
        spec.name,
        { description: spec.description, ...(spec.parameters && { params: spec.parameters as GbnfJsonSchema }) },
      ]),
    );
    return { ...stops, functions, forcedTool: false };
  }
  if (tools) {
    const choice = tools.choice;
    const allowed =
      typeof choice === 'object' ? tools.functions.filter((spec) => spec.name === choice.name) : tools.functions;
    if (allowed.length === 0) throw new AppError('invalid_input', 'tool_choice names a function that is not in tools.');
    const calls = allowed.map((spec) => ({
      type: 'object',
      properties: { name: { const: spec.name }, arguments: spec.parameters ?? { type: 'object', properties: {} } },
    }));
    const schema = calls.length === 1 ? calls[0] : { oneOf: calls };
    return { ...stops, grammar: await grammarFor(model, schema, 'a function’s parameters'), forcedTool: true };
  }
  if (rules.format.type === 'json_schema') {
    return {
      ...stops,
      grammar: await grammarFor(model, rules.format.schema, 'the response format'),
      forcedTool: false,
    };
  }
  if (rules.format.type === 'json')
    return { ...stops, grammar: await model.llama.getGrammarFor('json'), forcedTool: false };
  return { ...stops, forcedTool: false };
}

async function grammarFor(model: LlamaModel, schema: unknown, what: string): Promise<LlamaGrammar> {
  try {
    // Checked by node-llama-cpp as it builds the grammar (it throws on what it cannot express).
    const jsonSchema = schema as Readonly<Record<string, never>> & GbnfJsonSchema;
    return await model.llama.createGrammarForJsonSchema(jsonSchema);
  } catch (error) {
    throw new AppError('invalid_input', `The JSON schema of ${what} cannot be used: ${(error as Error).message}`);
  }
}

/** The function calls in an answer: node-llama-cpp's, or the forced call's JSON. */
export function answerToolCalls(
  rules: GenerationRules,
  response: LlamaChatResponse<ChatModelFunctions | undefined>,
): AnswerToolCall[] | undefined {
  if (rules.functions) {
    return (response.functionCalls ?? []).map((call) => ({
      name: call.functionName,
      arguments: JSON.stringify(call.params ?? {}),
    }));
  }
  if (!rules.forcedTool) return undefined;
  // Cut short (max tokens, stopped), the JSON is incomplete: no call, the text says what there was.
  try {
    const call = JSON.parse(response.response) as { name: string; arguments: unknown };
    return [{ name: call.name, arguments: JSON.stringify(call.arguments) }];
  } catch {
    return [];
  }
}

/** An answer as node-llama-cpp's history holds it: its text, then its function calls with their results. */
export function modelResponse(turn: ChatTurn): ChatHistoryItem {
  const calls: ChatModelFunctionCall[] = (turn.toolCalls ?? []).map((call) => ({
    type: 'functionCall',
    name: call.name,
    params: parseOr(call.arguments),
    result: parseOr(call.result),
  }));
  return { type: 'model', response: turn.text || calls.length === 0 ? [turn.text, ...calls] : calls };
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
