import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { describeIssues, WsClientFrameSchema, type WsServerFrame } from '../../contract/index.js';
import type { Hearth } from '../app/createHearth.js';
import { cookieValue, newAccessToken, TOKEN_COOKIE, tokensMatch } from './accessToken.js';
import { securityHeaders } from './securityHeaders.js';
import { readStaticFile } from './staticFiles.js';

export interface WebHostOptions {
  hearth: Hearth;
  /** The built renderer. */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

const MAX_FRAME_BYTES = 1024 * 1024;
const SOCKET_PATH = '/ws';

/**
 * The local web host: the built renderer and the same services as the desktop app, over HTTP and
 * one WebSocket, bound to 127.0.0.1 only. Every request and socket needs the per-launch token
 * (given once in the URL, then kept in an HttpOnly cookie), a Host header naming this server
 * (against DNS rebinding) and, when a browser sends one, this server's own Origin.
 */
export class WebHost {
  readonly token: string;
  readonly #options: WebHostOptions;
  readonly #server: Server;
  readonly #sockets: WebSocketServer;
  #port = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(options: WebHostOptions) {
    this.#options = options;
    this.token = options.token ?? newAccessToken();
    this.#server = createServer((request, response) => void this.#onRequest(request, response));
    this.#sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
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
  #refusal(request: IncomingMessage, url: URL): { status: number; reason: string } | null {
    const host = request.headers.host ?? '';
    if (![`127.0.0.1:${this.#port}`, `localhost:${this.#port}`].includes(host)) {
      return { status: 421, reason: 'This Hearth server answers only on 127.0.0.1.' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.#allowedOrigins().includes(origin)) {
      return { status: 403, reason: 'Requests from other sites are refused.' };
    }
    const token = url.searchParams.get('token') ?? cookieValue(request.headers.cookie, TOKEN_COOKIE);
    if (!tokensMatch(this.token, token)) {
      return { status: 401, reason: 'Open the address that `npm run web` printed: it carries the access token.' };
    }
    return null;
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const headers = securityHeaders(this.origin);
    const refusal = this.#refusal(request, url);
    if (refusal) {
      response.writeHead(refusal.status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`${refusal.reason}\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.searchParams.has('token')) {
      // Trade the token in the address for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('token');
      response.writeHead(303, {
        ...headers,
        'Set-Cookie': `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      response.end();
      return;
    }
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
    const url = new URL(request.url ?? '/', this.origin);
    const refusal = url.pathname === SOCKET_PATH ? this.#refusal(request, url) : { status: 404, reason: 'Not found' };
    // A browser always sends Origin on a WebSocket; a socket without one is not from our page.
    const origin = request.headers.origin;
    const denied = refusal ?? (origin === undefined ? { status: 403, reason: 'Origin required.' } : null);
    if (denied) {
      socket.end(`HTTP/1.1 ${denied.status} ${denied.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.#sockets.handleUpgrade(request, socket, head, (ws) => this.#serve(ws, origin ?? ''));
  }

  #serve(ws: WebSocket, origin: string): void {
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(1003, 'Frames must be text');
        return;
      }
      void this.#onFrame(ws, rawText(data), origin);
    });
  }

  async #onFrame(ws: WebSocket, text: string, origin: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      ws.close(1007, 'Frames must be JSON');
      return;
    }
    const frame = WsClientFrameSchema.safeParse(json);
    if (!frame.success) {
      ws.close(1008, `Malformed frame: ${describeIssues(frame.error)}`.slice(0, 120));
      return;
    }
    const result = await this.#options.hearth.dispatch(frame.data.method, frame.data.input, { origin });
    this.#send(ws, { type: 'result', id: frame.data.id, result });
  }

  #broadcast(frame: WsServerFrame): void {
    const text = JSON.stringify(frame);
    for (const client of this.#sockets.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
  }

  #send(ws: WebSocket, frame: WsServerFrame): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
