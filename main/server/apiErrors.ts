import type { ServerResponse } from 'node:http';
import { type ApiErrorBody, type ApiErrorType, toErrorValue } from '../../contract/index.js';

/** A request the API answers with OpenAI's error shape and an HTTP status. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code: string | null;
  readonly param: string | null;

  constructor(
    status: number,
    type: ApiErrorType,
    message: string,
    code: string | null = null,
    param: string | null = null,
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  body(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new ApiFailure(400, 'invalid_request_error', message, code, param);

/**
 * What an error from Hearth's services becomes on the wire: the user-facing message kept, the
 * status from the error's code (a model that is not there is the caller's 404, a crashed engine
 * is the server's 503: try again).
 */
export function toApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const value = toErrorValue(error);
  switch (value.code) {
    case 'invalid_input':
    case 'unsupported':
      return badRequest(value.message);
    case 'not_found':
    case 'no_model':
      return new ApiFailure(404, 'invalid_request_error', value.message, 'model_not_found', 'model');
    case 'model_invalid':
    case 'model_load_failed':
      return new ApiFailure(422, 'invalid_request_error', value.message, 'model_unusable', 'model');
    case 'forbidden':
      return new ApiFailure(403, 'permission_error', value.message);
    case 'busy':
    case 'engine_stopped':
      return new ApiFailure(503, 'server_error', value.message, 'engine_unavailable');
    case 'disk_full':
      return new ApiFailure(507, 'server_error', value.message, 'disk_full');
    case 'aborted':
    case 'disconnected':
    case 'generation_failed':
    case 'storage_failed':
    case 'internal':
      return new ApiFailure(500, 'server_error', value.message, value.code);
  }
}

/** Writes the error (when the response has not started; a started stream gets an error event instead). */
export function sendFailure(response: ServerResponse, failure: ApiFailure, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const body = JSON.stringify(failure.body());
  response.writeHead(failure.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
