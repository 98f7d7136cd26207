import { z } from 'zod';

/**
 * The local API's wire format: OpenAI's chat completions, completions, embeddings and models, as
 * far as Hearth serves them. Requests are checked here before any service sees them. Fields
 * OpenAI clients send that change nothing here (user, metadata, store, …) are accepted and
 * ignored; fields asking for something Hearth cannot do (n > 1, logprobs, images) are refused by
 * name, never silently dropped.
 */

/** Stop sequences: one string or up to 4 (OpenAI's limit). */
const StopSchema = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(4)]).nullish();
const TemperatureSchema = z.number().min(0).max(2).nullish();
/** OpenAI accepts 0; llama.cpp needs more than 0 (0.01 keeps only the likeliest tokens anyway). */
const TopPSchema = z.number().min(0).max(1).nullish();
const MaxTokensSchema = z.int().min(1).max(32_768).nullish();
const SeedSchema = z
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .nullish();
/** One answer per request: Hearth runs one sequence. */
const OneChoiceSchema = z.literal(1).nullish();
const NoLogprobsSchema = z.literal(false).nullish();

const TextPartSchema = z.object({ type: z.literal('text'), text: z.string() });
/** Text, or text parts (images and audio are not understood by the local models Hearth runs). */
const ContentSchema = z.union([z.string(), z.array(TextPartSchema).max(1_000)]);

const ToolCallSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1).max(64), arguments: z.string().max(1_000_000) }),
});

export const ApiMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.enum(['system', 'developer']), content: ContentSchema }),
  z.object({ role: z.literal('user'), content: ContentSchema }),
  z.object({
    role: z.literal('assistant'),
    content: ContentSchema.nullish(),
    tool_calls: z.array(ToolCallSchema).max(64).nullish(),
  }),
  z.object({ role: z.literal('tool'), content: ContentSchema, tool_call_id: z.string().min(1).max(200) }),
]);
export type ApiMessage = z.infer<typeof ApiMessageSchema>;

const FunctionToolSchema = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'function names are letters, digits, _ and -, at most 64'),
    description: z.string().max(10_000).nullish(),
    parameters: z.record(z.string(), z.unknown()).nullish(),
    strict: z.boolean().nullish(),
  }),
});

const ResponseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string().min(1).max(64),
      description: z.string().max(10_000).nullish(),
      schema: z.record(z.string(), z.unknown()),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const ChatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(1024),
  messages: z.array(ApiMessageSchema).min(1).max(10_000),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  temperature: TemperatureSchema,
  top_p: TopPSchema,
  max_tokens: MaxTokensSchema,
  max_completion_tokens: MaxTokensSchema,
  seed: SeedSchema,
  stop: StopSchema,
  n: OneChoiceSchema,
  logprobs: NoLogprobsSchema,
  response_format: ResponseFormatSchema.nullish(),
  tools: z.array(FunctionToolSchema).min(1).max(64).nullish(),
  tool_choice: z
    .union([
      z.enum(['none', 'auto', 'required']),
      z.object({ type: z.literal('function'), function: z.object({ name: z.string().min(1).max(64) }) }),
    ])
    .nullish(),
  parallel_tool_calls: z.boolean().nullish(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;

export const CompletionRequestSchema = z.object({
  model: z.string().min(1).max(1024),
  /** One prompt: a string, or a list holding one string. */
  prompt: z.union([
    z.string().min(1).max(4_000_000),
    z.array(z.string().min(1).max(4_000_000)).length(1, 'Hearth completes one prompt per request'),
  ]),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  temperature: TemperatureSchema,
  top_p: TopPSchema,
  /** OpenAI's default for completions is 16 tokens. */
  max_tokens: MaxTokensSchema,
  seed: SeedSchema,
  stop: StopSchema,
  n: OneChoiceSchema,
  echo: z.literal(false).nullish(),
  suffix: z.null().optional(),
  logprobs: z.null().optional(),
  best_of: z.literal(1).nullish(),
});
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>;

/** Texts per embeddings request (OpenAI's limit is 2,048 inputs). */
export const EMBEDDING_INPUTS_MAX = 2_048;

export const EmbeddingRequestSchema = z.object({
  model: z.string().min(1).max(1024),
  input: z.union([z.string().max(20_000), z.array(z.string().max(20_000)).min(1).max(EMBEDDING_INPUTS_MAX)]),
  encoding_format: z.enum(['float', 'base64']).nullish(),
  dimensions: z.int().min(1).nullish(),
  user: z.string().nullish(),
});
export type EmbeddingRequest = z.infer<typeof EmbeddingRequestSchema>;

/** OpenAI's error body: every failure the API answers has this shape. */
export const ApiErrorBodySchema = z.strictObject({
  error: z.strictObject({
    message: z.string(),
    type: z.enum([
      'invalid_request_error',
      'authentication_error',
      'permission_error',
      'not_found_error',
      'rate_limit_error',
      'server_error',
    ]),
    param: z.string().nullable(),
    code: z.string().nullable(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
export type ApiErrorType = ApiErrorBody['error']['type'];
