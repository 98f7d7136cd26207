import type { IncomingMessage } from 'node:http';
import { ApiFailure, badRequest } from './apiErrors.js';

/**
 * A request's JSON body, at most `limit` bytes. A larger body is refused with 413 without being
 * kept: what is sent anyway is read and thrown away (so the client hears the 413 instead of a
 * reset connection), up to a few times the limit; beyond that the connection is closed.
 */
export function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const tooLarge = () =>
    new ApiFailure(
      413,
      'invalid_request_error',
      `The request body is larger than ${Math.round(limit / 1024)} KB, the most this server takes.`,
      'request_too_large',
    );
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? NaN);
    const drainLimit = limit * 4;
    if (declared > drainLimit) {
      request.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (over) {
        chunks.length = 0;
        if (size > drainLimit) {
          request.destroy();
          reject(tooLarge());
        }
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (over) {
        reject(tooLarge());
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(badRequest(`The request body is not valid JSON: ${(error as Error).message}`, null, 'invalid_json'));
      }
    });
  });
}
