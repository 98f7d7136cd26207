import {
  type CallResult,
  CallResultSchema,
  WS_MAX_CALLS_IN_FLIGHT,
  WS_MAX_FRAME_BYTES,
  WsServerFrameSchema,
} from '../../../contract/index.js';
import { localized } from '../../../contract/i18n/index.js';
import type { HearthBridge } from './HearthBridge.js';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/**
 * The web host's bridge: one WebSocket to the page's own origin. The per-launch token travels as
 * the HttpOnly cookie the server set when the page was opened, so no script here ever sees it.
 */
export function createWebSocketBridge(url = defaultSocketUrl()): HearthBridge {
  const pending = new Map<number, (result: CallResult) => void>();
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  /** Frames not sent yet: the socket is not open, or as many calls as the host takes are under way. */
  const queue: string[] = [];
  let sent = 0;
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;

  const setConnected = (connected: boolean) => connectionListeners.forEach((listener) => listener(connected));

  // Frames still queued belong to calls failed here: drop them, or they would run after the
  // reconnect although the caller was told they failed (a message sent twice, say).
  const failPending = () => {
    queue.length = 0;
    sent = 0;
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'disconnected', ...localized('errors', 'connectionLost') } });
    }
    pending.clear();
  };

  /** Sends queued frames while the host takes more calls (it answers `busy` beyond its limit). */
  const flush = () => {
    while (socket?.readyState === WebSocket.OPEN && sent < WS_MAX_CALLS_IN_FLIGHT && queue.length > 0) {
      socket.send(queue.shift() ?? '');
      sent += 1;
    }
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      setConnected(true);
      flush();
    });
    ws.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const frame = WsServerFrameSchema.safeParse(json);
      if (!frame.success) return;
      if (frame.data.type === 'event') {
        const { event, payload } = frame.data;
        eventListeners.forEach((listener) => listener(event, payload));
      } else {
        const resolve = pending.get(frame.data.id);
        if (!resolve) return;
        pending.delete(frame.data.id);
        sent -= 1;
        resolve(CallResultSchema.parse(frame.data.result));
        flush();
      }
    });
    ws.addEventListener('close', () => {
      socket = null;
      setConnected(false);
      failPending();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 4000;
      attempt += 1;
      setTimeout(connect, delay);
    });
  };
  connect();

  return {
    host: 'web',
    call(method, input) {
      const id = nextId++;
      const frame = JSON.stringify({ type: 'call', id, method, input });
      // Over the host's frame limit the host would close the socket, failing every call under way.
      if (new TextEncoder().encode(frame).length > WS_MAX_FRAME_BYTES) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_input', ...localized('errors', 'requestTooLarge') },
        });
      }
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        queue.push(frame);
        flush();
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

function defaultSocketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}
