import type { ModelFile } from '../../../contract/index.js';
import { ApiFailure } from '../apiErrors.js';
import { type Route, sendJson } from './RouteContext.js';

/** GET /v1/models: the library's models that are not refused. */
export const listModels: Route = async (context) => {
  const models = (await context.services.listModels()).filter((model) => model.check !== 'broken');
  sendJson(context, 200, { object: 'list', data: models.map(toApiModel) });
};

/** GET /v1/models/{id} */
export const getModel: Route = async (context) => {
  const id = context.params.id ?? '';
  const model = (await context.services.listModels()).find((entry) => entry.id === id && entry.check !== 'broken');
  if (!model) {
    throw new ApiFailure(404, 'invalid_request_error', `The model '${id}' does not exist.`, 'model_not_found', 'model');
  }
  sendJson(context, 200, toApiModel(model));
};

function toApiModel(model: ModelFile) {
  return { id: model.id, object: 'model', created: Math.floor(model.modifiedAt / 1000), owned_by: 'hearth' };
}
