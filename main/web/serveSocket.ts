import { type RawData, WebSocket } from 'ws';
import { type CallResult, describeIssues, WsClientFrameSchema, type WsServerFrame } from '../../contract/index.js';

export interface ServeSocketOptions {
  dispatch(method: string, input: unknown): Promise<CallResult>;
  /** Calls under way at once; more are answered `busy` without running. */
  maxInFlight: number;
  /** Bytes queued to a socket that does not read; past this it is cut off rather than kept in memory. */
  maxBufferedBytes: number;
  log(line: string): void;
}

/**
 * Serves one WebSocket's calls. A protocol error (bad frame, bad UTF-8, too big) closes only this
 * socket, with the close code `ws` chose; a call is started only while its socket is open, and its
 * reply is dropped if the socket has gone meanwhile; a flood of calls is answered `busy`.
 */
export function serveSocket(ws: WebSocket, options: ServeSocketOptions): void {
  let inFlight = 0;
  // Without a listener, `ws` rethrows a protocol error and the whole host process ends.
  ws.on('error', (error) => options.log(`WebSocket closed after an error: ${error.message}`));
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      ws.close(1003, 'Frames must be text');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(rawText(data));
    } catch {
      ws.close(1007, 'Frames must be JSON');
      return;
    }
    const frame = WsClientFrameSchema.safeParse(json);
    if (!frame.success) {
      ws.close(1008, `Malformed frame: ${describeIssues(frame.error)}`.slice(0, 120));
      return;
    }
    const { id, method, input } = frame.data;
    if (inFlight >= options.maxInFlight) {
      const message = `Too many calls at once on this connection (${options.maxInFlight}): wait for some to finish.`;
      sendFrame(ws, { type: 'result', id, result: { ok: false, error: { code: 'busy', message } } }, options);
      return;
    }
    inFlight += 1;
    // Started on the next turn of the event loop, not inside the frame parser: frames that came in
    // one read are all counted first, and a socket that closed meanwhile gets no work done for it.
    setImmediate(() => {
      if (ws.readyState !== WebSocket.OPEN) {
        inFlight -= 1;
        return;
      }
      void options.dispatch(method, input).then((result) => {
        inFlight -= 1;
        sendFrame(ws, { type: 'result', id, result }, options);
      });
    });
  });
}

/** Sends a frame if the socket is still open; a socket whose client stopped reading is cut off. */
export function sendFrame(
  ws: WebSocket,
  frame: WsServerFrame,
  options: Pick<ServeSocketOptions, 'maxBufferedBytes' | 'log'>,
): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  if (ws.bufferedAmount > options.maxBufferedBytes) {
    options.log(`WebSocket cut off: its client left ${ws.bufferedAmount} bytes unread.`);
    ws.terminate();
    return;
  }
  ws.send(JSON.stringify(frame));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
