import { type CallResult, CallResultSchema, WsServerFrameSchema } from '../../../contract/index.js';
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
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;

  const setConnected = (connected: boolean) => connectionListeners.forEach((listener) => listener(connected));

  // Frames still queued belong to calls failed here: drop them, or they would run after the
  // reconnect although the caller was told they failed (a message sent twice, say).
  const failPending = () => {
    queue.length = 0;
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'disconnected', message: 'Lost the connection to Hearth. Reconnecting…' } });
    }
    pending.clear();
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      setConnected(true);
      for (const frame of queue.splice(0)) ws.send(frame);
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
        pending.delete(frame.data.id);
        resolve?.(CallResultSchema.parse(frame.data.result));
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
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
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
