import type { IncomingMessage } from 'node:http';
import type { ApiKeySummary, ApiServerSettings } from '../../contract/index.js';
import type { ApiServerStore } from '../storage/ApiServerStore.js';
import { ApiFailure } from './apiErrors.js';

/**
 * The checks every request passes before a route sees it, in this order:
 * 1. Host: on 127.0.0.1 the Host header must name this PC, so a web page cannot reach the API
 *    through a DNS name rebound to 127.0.0.1.
 * 2. Origin: a browser request from a web page is refused unless Settings allows that origin
 *    (CORS is off by default: a page the user visits must not use their models).
 * 3. Key: when any key exists (always on the LAN), `Authorization: Bearer <key>` must be one.
 */
export function corsHeaders(settings: ApiServerSettings, origin: string | undefined): Record<string, string> {
  if (!origin || !settings.allowedOrigins.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

export function checkHost(settings: ApiServerSettings, port: number, request: IncomingMessage): void {
  if (settings.host !== '127.0.0.1') return;
  const host = (request.headers.host ?? '').toLowerCase();
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!allowed.includes(host)) {
    throw new ApiFailure(
      403,
      'permission_error',
      `Requests must be addressed to this PC (Host ${host || 'missing'} refused).`,
      'host_not_allowed',
    );
  }
}

export function checkOrigin(settings: ApiServerSettings, request: IncomingMessage): void {
  const origin = request.headers.origin;
  if (origin === undefined || settings.allowedOrigins.includes(origin)) return;
  throw new ApiFailure(
    403,
    'permission_error',
    `Cross-origin requests from ${origin} are not allowed. Allow the origin in Hearth's Settings → Local server.`,
    'origin_not_allowed',
  );
}

/** The key the request presents; null when no key is needed. Throws 401 when one is needed and missing or wrong. */
export function authenticate(
  settings: ApiServerSettings,
  store: ApiServerStore,
  request: IncomingMessage,
): ApiKeySummary | null {
  const needed = store.hasKeys() || settings.host !== '127.0.0.1';
  if (!needed) return null;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const key = match?.[1] ? store.authenticate(match[1]) : null;
  if (key) return key;
  throw new ApiFailure(
    401,
    'authentication_error',
    match
      ? 'Incorrect API key provided. Keys are made and revoked in Hearth’s Settings → Local server.'
      : 'This server needs an API key: send it as "Authorization: Bearer <key>".',
    'invalid_api_key',
  );
}

/**
 * Requests per client address in a sliding minute. Keyed by address, not key, so that guessing
 * keys is limited too.
 */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #hits = new Map<string, number[]>();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  take(client: string, now = Date.now()): void {
    const since = now - 60_000;
    const hits = (this.#hits.get(client) ?? []).filter((at) => at > since);
    if (hits.length >= this.#perMinute) {
      this.#hits.set(client, hits);
      throw new ApiFailure(
        429,
        'rate_limit_error',
        `Too many requests: at most ${this.#perMinute} a minute. Try again shortly.`,
        'rate_limit_exceeded',
      );
    }
    hits.push(now);
    this.#hits.set(client, hits);
    // Old clients are forgotten, so the map stays small.
    if (this.#hits.size > 1_000) {
      for (const [address, times] of this.#hits) if ((times.at(-1) ?? 0) <= since) this.#hits.delete(address);
    }
  }
}
