import { randomBytes } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';

export interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** false: send unmasked, which a client must never do. */
  mask?: boolean;
  /** A length to claim in the header instead of the payload's own (only the header is sent then). */
  claimedLength?: bigint;
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/**
 * A WebSocket client written byte by byte over a plain TCP socket, so that a test can send the
 * frames a conforming client never would. It does the real upgrade handshake first.
 */
export class RawWebSocket {
  readonly frames: ServerFrame[] = [];
  /** Resolves with the code of the server's close frame (or null when the connection just ended). */
  readonly closed: Promise<number | null>;
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #closeCode: number | null = null;
  #listeners = new Set<(frame: ServerFrame) => void>();

  private constructor(socket: Socket, rest: Buffer) {
    this.#socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve(this.#closeCode)));
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#onData(rest);
  }

  static open(port: number, headers: Record<string, string>): Promise<RawWebSocket> {
    return new Promise((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.on('error', () => {}); // a reset after a protocol error is expected; `closed` reports it
      socket.once('connect', () => {
        const lines = [
          'GET /ws HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        ];
        socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      });
      let head = Buffer.alloc(0);
      const onHandshake = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onHandshake);
        const status = head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '';
        if (!status.startsWith('HTTP/1.1 101')) {
          socket.destroy();
          reject(new Error(`Upgrade refused: ${status}`));
          return;
        }
        resolve(new RawWebSocket(socket, head.subarray(end + 4)));
      };
      socket.on('data', onHandshake);
      socket.once('close', () => reject(new Error('Closed during the handshake')));
    });
  }

  /** Writes one frame, or several joined into one write when given a list. */
  send(frames: FrameSpec | FrameSpec[]): void {
    this.#socket.write(Buffer.concat((Array.isArray(frames) ? frames : [frames]).map(encodeFrame)));
  }

  sendText(text: string): void {
    this.send({ opcode: 1, payload: Buffer.from(text, 'utf8') });
  }

  /** The next text frame whose JSON satisfies `match`. */
  nextJson<T>(match: (json: T) => boolean): Promise<T> {
    const find = (frame: ServerFrame): T | undefined => {
      if (frame.opcode !== 1) return undefined;
      const json = JSON.parse(frame.payload.toString('utf8')) as T;
      return match(json) ? json : undefined;
    };
    for (const frame of this.frames) {
      const found = find(frame);
      if (found !== undefined) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const listener = (frame: ServerFrame) => {
        const found = find(frame);
        if (found === undefined) return;
        this.#listeners.delete(listener);
        resolve(found);
      };
      this.#listeners.add(listener);
      void this.closed.then(() => {
        if (this.#listeners.delete(listener)) reject(new Error('The connection closed before the reply came'));
      });
    });
  }

  destroy(): void {
    this.#socket.destroy();
  }

  #onData(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const frame = decodeServerFrame(this.#buffer);
      if (!frame) return;
      this.#buffer = this.#buffer.subarray(frame.size);
      if (frame.opcode === 8) this.#closeCode = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
      this.frames.push(frame);
      for (const listener of this.#listeners) listener(frame);
    }
  }
}

function encodeFrame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const masked = spec.mask ?? true;
  const length = spec.claimedLength ?? BigInt(payload.length);
  const first = ((spec.fin ?? true) ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | (spec.opcode & 0x0f);
  let header: Buffer;
  if (length < 126n) {
    header = Buffer.from([first, Number(length)]);
  } else if (length < 65536n) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(Number(length), 2);
    header[1] = 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(length, 2);
    header[1] = 127;
  }
  header[0] = first;
  if (masked) header[1] = (header[1] ?? 0) | 0x80;
  if (spec.claimedLength !== undefined) {
    return masked ? Buffer.concat([header, randomBytes(4)]) : header;
  }
  if (!masked) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] ?? 0) ^ (key[i % 4] ?? 0);
  return Buffer.concat([header, key, body]);
}

function decodeServerFrame(buffer: Buffer): (ServerFrame & { size: number }) | null {
  if (buffer.length < 2) return null;
  const opcode = (buffer[0] ?? 0) & 0x0f;
  let length = (buffer[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return null;
  return { opcode, payload: Buffer.from(buffer.subarray(offset, offset + length)), size: offset + length };
}
