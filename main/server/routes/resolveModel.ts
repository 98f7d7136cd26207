import { ApiFailure } from '../apiErrors.js';
import type { ApiServices } from './RouteContext.js';

/**
 * The path of the library model a request names. Only models the library lists can be named (a
 * request cannot reach any other file); a model whose check refused it is said to be unusable.
 */
export async function resolveModel(services: ApiServices, name: string): Promise<string> {
  const model = (await services.listModels()).find((entry) => entry.id === name);
  if (!model) {
    throw new ApiFailure(
      404,
      'invalid_request_error',
      `The model '${name}' does not exist in Hearth's library (GET /v1/models lists them).`,
      'model_not_found',
      'model',
    );
  }
  if (model.check === 'broken') {
    throw new ApiFailure(
      422,
      'invalid_request_error',
      `The model '${name}' cannot be used: ${model.problem ?? 'Hearth refused the file'}.`,
      'model_unusable',
      'model',
    );
  }
  return services.library.resolve(model.id);
}
