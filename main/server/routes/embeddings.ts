import { EmbeddingRequestSchema } from '../../../contract/index.js';
import { badRequest } from '../apiErrors.js';
import { parseRequest } from './parseRequest.js';
import { resolveModel } from './resolveModel.js';
import { type Route, sendJson } from './RouteContext.js';

/** Texts per engine call (the engine's limit). */
const ENGINE_BATCH = 64;

/**
 * POST /v1/embeddings with an embedding model from the library, run by the engine beside the
 * chat model (as document search runs it). Vectors are L2-normalised, as OpenAI's are.
 */
export const embeddings: Route = async (context) => {
  const request = parseRequest(EmbeddingRequestSchema, context.body);
  const { services } = context;
  const texts = typeof request.input === 'string' ? [request.input] : request.input;
  if (texts.some((text) => text.length === 0)) throw badRequest('Inputs must not be empty strings.', 'input');
  const modelPath = await resolveModel(services, request.model);
  const { threads } = await services.loadParams(modelPath);
  const vectors: number[][] = [];
  let tokens = 0;
  for (let start = 0; start < texts.length; start += ENGINE_BATCH) {
    if (context.signal.aborted) return;
    const batch = await services.engine.embed(modelPath, texts.slice(start, start + ENGINE_BATCH), threads);
    vectors.push(...batch.vectors);
    tokens += batch.tokens;
  }
  const dims = vectors[0]?.length ?? 0;
  if (request.dimensions && request.dimensions !== dims) {
    throw badRequest(
      `This model's embeddings have ${dims} dimensions; it cannot make ${request.dimensions}.`,
      'dimensions',
    );
  }
  context.note({ model: request.model, promptTokens: tokens, completionTokens: 0 });
  sendJson(context, 200, {
    object: 'list',
    data: vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: request.encoding_format === 'base64' ? toBase64(vector) : vector,
    })),
    model: request.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
};

/** OpenAI's base64 encoding: the vector's float32 values, little-endian. */
function toBase64(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}
