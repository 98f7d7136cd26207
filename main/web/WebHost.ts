import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { WS_MAX_CALLS_IN_FLIGHT, WS_MAX_FRAME_BYTES, type WsServerFrame } from '../../contract/index.js';
import type { Hearth } from '../app/createHearth.js';
import { cookieValue, newAccessToken, tokenCookieName, tokensMatch } from './accessToken.js';
import { securityHeaders } from './securityHeaders.js';
import { sendFrame, serveSocket } from './serveSocket.js';
import { readStaticFile } from './staticFiles.js';

export interface WebHostOptions {
  hearth: Pick<Hearth, 'dispatch' | 'events'>;
  /** The built renderer. */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Where the host's own log lines go (sockets closed after errors, …); stderr by default. */
  log?: (line: string) => void;
}

const SOCKET_PATH = '/ws';
/** A page uses one socket; more than this at once is a client gone wrong, not a user. */
const MAX_SOCKETS = 64;
/** Unread replies and events one socket may hold in main's memory before it is cut off. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * The local web host: the built renderer and the same services as the desktop app, over HTTP and
 * one WebSocket, bound to 127.0.0.1 only. Every request and socket needs a session cookie that
 * the per-launch token is traded for, once: the first visit with the token in the URL gets the
 * cookie (HttpOnly, named for this port) and a redirect to `/`; after that the token in a URL is
 * spent. Requests also need a Host header naming this server (against DNS rebinding) and, when a
 * browser sends one, this server's own Origin.
 */
export class WebHost {
  /** The launch token: good for one trade against the session cookie. */
  readonly token: string;
  readonly #options: WebHostOptions;
  readonly #server: Server;
  readonly #sockets: WebSocketServer;
  readonly #log: (line: string) => void;
  /** The cookie's value, minted at the trade; null until the launch token has been used. */
  #session: string | null = null;
  #port = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(options: WebHostOptions) {
    this.#options = options;
    this.#log = options.log ?? ((line) => console.warn(`[hearth web] ${line}`));
    this.token = options.token ?? newAccessToken();
    this.#server = createServer((request, response) => {
      this.#onRequest(request, response).catch((error: unknown) => {
        // An unhandled rejection would end main: answer 500 and log instead.
        this.#log(`Request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) response.writeHead(500).end();
        else response.destroy();
      });
    });
    // No compression: over loopback it saves nothing and costs a zlib context per socket.
    this.#sockets = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_FRAME_BYTES, perMessageDeflate: false });
    // None of these may reach the process as an unhandled 'error' event: each ends one connection.
    this.#server.on('error', (error) => this.#log(`HTTP server error: ${error.message}`));
    this.#sockets.on('error', (error) => this.#log(`WebSocket server error: ${error.message}`));
    this.#sockets.on('wsClientError', (error, socket) => {
      this.#log(`WebSocket handshake refused: ${error.message}`);
      socket.destroy();
    });
    this.#server.on('upgrade', (request, socket, head) => this.#onUpgrade(request, socket, head));
  }

  get port(): number {
    return this.#port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** The address to open, token included. */
  get url(): string {
    return `${this.origin}/?token=${this.token}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port ?? 0, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    this.#unsubscribe = this.#options.hearth.events.subscribe((event, payload) => {
      this.#broadcast({ type: 'event', event, payload });
    });
  }

  async close(): Promise<void> {
    this.#unsubscribe?.();
    for (const client of this.#sockets.clients) client.terminate();
    this.#sockets.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #allowedOrigins(): string[] {
    return [`http://127.0.0.1:${this.#port}`, `http://localhost:${this.#port}`];
  }

  /** The checks every request and upgrade passes; returns an HTTP status to refuse with, or null. */
  #refusal(request: IncomingMessage): { status: number; reason: string } | null {
    const host = request.headers.host ?? '';
    if (![`127.0.0.1:${this.#port}`, `localhost:${this.#port}`].includes(host)) {
      return { status: 421, reason: 'This Hearth server answers only on 127.0.0.1.' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.#allowedOrigins().includes(origin)) {
      return { status: 403, reason: 'Requests from other sites are refused.' };
    }
    return null;
  }

  #hasSession(request: IncomingMessage): boolean {
    return tokensMatch(this.#session, cookieValue(request.headers.cookie, tokenCookieName(this.#port)));
  }

  #refuse(response: ServerResponse, headers: Record<string, string>, status: number, reason: string): void {
    response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`${reason}\n`);
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const headers = securityHeaders(this.origin);
    const refusal = this.#refusal(request);
    if (refusal) {
      this.#refuse(response, headers, refusal.status, refusal.reason);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const offered = url.searchParams.get('token');
    if (this.#hasSession(request)) {
      // Signed in already: a token left in the address only needs dropping from it.
      if (offered !== null) response.writeHead(303, { ...headers, Location: '/' }).end();
      else await this.#serveFile(url, request, response, headers);
      return;
    }
    if (offered !== null && this.#session === null && tokensMatch(this.token, offered)) {
      // The one trade: a session cookie for the launch token, which is spent from now on. The
      // redirect goes to a path built here, never to one taken from the request (`/.//evil.host`
      // would be a protocol-relative address off this host).
      this.#session = newAccessToken();
      const cookie = `${tokenCookieName(this.#port)}=${this.#session}; HttpOnly; SameSite=Strict; Path=/`;
      response.writeHead(303, { ...headers, 'Set-Cookie': cookie, Location: '/' }).end();
      return;
    }
    this.#refuse(
      response,
      headers,
      401,
      offered !== null && this.#session !== null && tokensMatch(this.token, offered)
        ? 'This address was opened once already, and its token works only once. Use the browser that opened it, or restart Hearth for a new address.'
        : 'Open the address that `npm run web` printed: it carries the access token.',
    );
  }

  async #serveFile(
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    headers: Record<string, string>,
  ): Promise<void> {
    const file = await readStaticFile(this.#options.staticDir, url.pathname);
    if (!file) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': file.contentType,
      'Cache-Control': url.pathname.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  #onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands the raw socket over without an error listener; a reset here must not end main.
    socket.on('error', (error) => this.#log(`Upgrade socket error: ${error.message}`));
    const denied = this.#upgradeRefusal(request);
    if (denied) {
      socket.end(`HTTP/1.1 ${denied.status} ${denied.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const origin = request.headers.origin ?? '';
    this.#sockets.handleUpgrade(request, socket, head, (ws) =>
      serveSocket(ws, {
        dispatch: (method, input) => this.#options.hearth.dispatch(method, input, { origin }),
        maxInFlight: WS_MAX_CALLS_IN_FLIGHT,
        maxBufferedBytes: MAX_BUFFERED_BYTES,
        log: this.#log,
      }),
    );
  }

  #upgradeRefusal(request: IncomingMessage): { status: number; reason: string } | null {
    if (new URL(request.url ?? '/', this.origin).pathname !== SOCKET_PATH) return { status: 404, reason: 'Not found' };
    const refusal = this.#refusal(request);
    if (refusal) return refusal;
    // A browser always sends Origin on a WebSocket; a socket without one is not from our page.
    if (request.headers.origin === undefined) return { status: 403, reason: 'Origin required.' };
    // Only the session cookie opens a socket: a token in the socket's URL is never accepted.
    if (!this.#hasSession(request)) return { status: 401, reason: 'Unauthorized' };
    if (this.#sockets.clients.size >= MAX_SOCKETS) return { status: 503, reason: 'Too many connections' };
    return null;
  }

  #broadcast(frame: WsServerFrame): void {
    for (const client of this.#sockets.clients) {
      if (client.readyState === WebSocket.OPEN) {
        sendFrame(client, frame, { maxBufferedBytes: MAX_BUFFERED_BYTES, log: this.#log });
      }
    }
  }
}
