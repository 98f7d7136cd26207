import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, type ApiServerSettings, type ApiServerStatus, type ServedRequest } from '../../contract/index.js';
import { localized, type LocalizedText } from '../../contract/i18n/index.js';
import type { ApiServerStore } from '../storage/ApiServerStore.js';
import { ApiFailure, sendFailure, toApiFailure } from './apiErrors.js';
import { readJsonBody } from './readJsonBody.js';
import { authenticate, checkHost, checkOrigin, corsHeaders, RateLimiter } from './requestGate.js';
import { chatCompletions } from './routes/chatCompletions.js';
import { completions } from './routes/completions.js';
import { embeddings } from './routes/embeddings.js';
import { getModel, listModels } from './routes/models.js';
import type { ApiServices, Route, RouteContext } from './routes/RouteContext.js';

export interface ApiServerLimits {
  /** The largest request body (a chat with a long document in it still fits). */
  bodyBytes: number;
  /** Requests per client address per minute. */
  requestsPerMinute: number;
  /** Requests answered or waiting at once; more are refused (429) rather than queued without end. */
  maxInFlight: number;
}

export const DEFAULT_API_LIMITS: ApiServerLimits = {
  bodyBytes: 16 * 1024 * 1024,
  requestsPerMinute: 600,
  maxInFlight: 32,
};

export interface ApiServerOptions {
  store: ApiServerStore;
  services: ApiServices;
  limits?: Partial<ApiServerLimits>;
  /** Called whenever the status changes (started, stopped, a request came or went). */
  onChange?: (status: ApiServerStatus) => void;
  log?: (line: string) => void;
}

/** A change to the server's settings; turning the LAN on must be confirmed. */
export type ApiServerChange = Partial<ApiServerSettings> & { confirmLan?: boolean };

const RECENT_KEPT = 20;

const ROUTES: { method: string; pattern: RegExp; route: Route }[] = [
  { method: 'GET', pattern: /^\/v1\/models$/, route: listModels },
  { method: 'GET', pattern: /^\/v1\/models\/(?<id>.+)$/, route: getModel },
  { method: 'POST', pattern: /^\/v1\/chat\/completions$/, route: chatCompletions },
  { method: 'POST', pattern: /^\/v1\/completions$/, route: completions },
  { method: 'POST', pattern: /^\/v1\/embeddings$/, route: embeddings },
];

/**
 * Hearth's OpenAI-compatible API on Node's http server: off until Settings turns it on, on
 * 127.0.0.1 unless the user confirms the LAN (which needs a key). Each request passes the gate
 * (Host, Origin, rate, key), then its route, which answers through the same services as the UI.
 * Every failure is answered in OpenAI's error shape, and none stops the server.
 */
export class ApiServer {
  readonly #options: ApiServerOptions;
  readonly #limits: ApiServerLimits;
  readonly #rate: RateLimiter;
  #server: Server | null = null;
  #port: number | null = null;
  #error: { message: string; text: LocalizedText } | null = null;
  #inFlight = 0;
  #served = 0;
  readonly #recent: ServedRequest[] = [];
  /** Serialises starts and stops (a change while the last one is still applied waits for it). */
  #applying: Promise<unknown> = Promise.resolve();

  constructor(options: ApiServerOptions) {
    this.#options = options;
    this.#limits = { ...DEFAULT_API_LIMITS, ...options.limits };
    this.#rate = new RateLimiter(this.#limits.requestsPerMinute);
  }

  status(): ApiServerStatus {
    const settings = this.#options.store.settings();
    const host = settings.host === '127.0.0.1' ? '127.0.0.1' : 'localhost';
    return {
      settings,
      running: this.#server !== null,
      url: this.#server && this.#port ? `http://${host}:${this.#port}/v1` : null,
      error: this.#error?.message ?? null,
      ...(this.#error && { errorText: this.#error.text }),
      keys: this.#options.store.keys(),
      inFlight: this.#inFlight,
      served: this.#served,
      recent: [...this.#recent],
    };
  }

  /** Starts listening when Settings has the server on (at app start). */
  async start(): Promise<ApiServerStatus> {
    await this.#apply();
    return this.status();
  }

  /**
   * Changes the settings and applies them (restarting the listener when the address changed). The
   * LAN needs `confirmLan` and at least one key; an invalid change is refused and changes nothing.
   */
  async configure(change: ApiServerChange): Promise<ApiServerStatus> {
    const { confirmLan, ...patch } = change;
    const { store } = this.#options;
    const current = store.settings();
    const next = { ...current, ...patch };
    if (next.host !== '127.0.0.1' && current.host === '127.0.0.1') {
      if (!confirmLan) {
        throw AppError.localized('invalid_input', 'errorLanNotConfirmed', undefined, 'settings');
      }
      if (!store.hasKeys()) {
        throw AppError.localized('invalid_input', 'errorLanNeedsKey', undefined, 'settings');
      }
    }
    store.saveSettings(next);
    await this.#apply();
    return this.status();
  }

  createKey(name: string): { key: string; status: ApiServerStatus } {
    const { key } = this.#options.store.createKey(name);
    return { key, status: this.#changed() };
  }

  revokeKey(id: string): { revoked: boolean; status: ApiServerStatus } {
    const revoked = this.#options.store.revokeKey(id);
    return { revoked, status: this.#changed() };
  }

  async close(): Promise<void> {
    await (this.#applying = this.#applying.then(() => this.#stop()));
  }

  #apply(): Promise<void> {
    const run = async () => {
      const settings = this.#options.store.settings();
      const wanted = settings.enabled ? settings : null;
      const address = this.#server?.address() as AddressInfo | null | undefined;
      const same = wanted && address && address.address === wanted.host && this.#port === wanted.port;
      // Nothing to start or stop (off and not listening, or listening where it should): no event.
      if (same || (!wanted && !this.#server && this.#error === null)) return;
      await this.#stop();
      this.#error = null;
      if (wanted) await this.#listen(wanted);
      this.#changed();
    };
    const applied = this.#applying.then(run, run);
    this.#applying = applied.catch(() => undefined);
    return applied;
  }

  async #listen(settings: ApiServerSettings): Promise<void> {
    const server = createServer((request, response) => void this.#handle(request, response));
    // Streams may run for minutes: no idle timeout on a request that is being answered.
    server.requestTimeout = 0;
    server.headersTimeout = 30_000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.#error =
        code === 'EADDRINUSE'
          ? localized('settings', 'errorPortInUse', { port: settings.port })
          : localized('settings', 'errorServerStart', { detail: (error as Error).message });
      this.#options.log?.(this.#error.message);
      return;
    }
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
  }

  async #stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    this.#port = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Open streams end with the server (their answers are aborted through their signals).
      server.closeAllConnections();
    });
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const settings = this.#options.store.settings();
    const headers = corsHeaders(settings, request.headers.origin);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const record: ServedRequest = {
      at: Date.now(),
      method: request.method ?? '',
      path,
      status: 0,
      model: null,
      ms: 0,
      promptTokens: null,
      cachedTokens: null,
      completionTokens: null,
      client: 'no key',
      aborted: false,
    };
    const controller = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    this.#inFlight++;
    this.#changed();
    try {
      checkHost(settings, this.#port ?? 0, request);
      checkOrigin(settings, request);
      if (request.method === 'OPTIONS') {
        response.writeHead(204, headers).end();
        return;
      }
      this.#rate.take(request.socket.remoteAddress ?? 'unknown');
      const key = authenticate(settings, this.#options.store, request);
      if (key) record.client = key.name;
      if (this.#inFlight > this.#limits.maxInFlight) {
        throw new ApiFailure(
          429,
          'rate_limit_error',
          'The server is answering too many requests at once. Try again shortly.',
          'too_many_requests',
        );
      }
      const { route, params } = this.#route(request.method ?? '', path);
      const body = request.method === 'POST' ? await readJsonBody(request, this.#limits.bodyBytes) : undefined;
      const context: RouteContext = {
        services: this.#options.services,
        body,
        params,
        signal: controller.signal,
        response,
        headers,
        log: (line) => this.#options.log?.(line),
        note: (served) => {
          record.model = served.model ?? null;
          record.promptTokens = served.promptTokens ?? null;
          record.cachedTokens = served.cachedTokens ?? null;
          record.completionTokens = served.completionTokens ?? null;
        },
      };
      await route(context);
    } catch (error) {
      const failure = toApiFailure(error);
      if (failure.status >= 500) this.#options.log?.(`API ${request.method} ${path}: ${failure.message}`);
      // A failure after the headers went out (a stream) was already told to the client.
      if (!controller.signal.aborted) sendFailure(response, failure, headers);
      record.status = failure.status;
    } finally {
      record.status ||= response.statusCode;
      record.aborted = controller.signal.aborted;
      record.ms = performance.now() - started;
      this.#inFlight--;
      this.#served++;
      this.#recent.unshift(record);
      this.#recent.length = Math.min(this.#recent.length, RECENT_KEPT);
      this.#changed();
    }
  }

  #route(method: string, path: string): { route: Route; params: Record<string, string> } {
    const matches = ROUTES.map((entry) => ({ entry, match: entry.pattern.exec(path) })).filter(({ match }) => match);
    const found = matches.find(({ entry }) => entry.method === method);
    if (found) {
      try {
        const params = Object.fromEntries(
          Object.entries(found.match?.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]),
        );
        return { route: found.entry.route, params };
      } catch {
        throw new ApiFailure(400, 'invalid_request_error', `The path ${path} is not valid.`, 'invalid_url');
      }
    }
    if (matches.length > 0) {
      throw new ApiFailure(405, 'invalid_request_error', `${method} is not allowed on ${path}.`, 'method_not_allowed');
    }
    throw new ApiFailure(404, 'invalid_request_error', `Unknown endpoint ${method} ${path}.`, 'unknown_url');
  }

  #changed(): ApiServerStatus {
    const status = this.status();
    this.#options.onChange?.(status);
    return status;
  }
}
