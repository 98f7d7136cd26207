import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

/** How the server misbehaves for one file. */
export interface ServedFile {
  path: string;
  /** Overrides the bytes sent (a corrupted copy), keeping the stated size. */
  body?: Buffer;
  /** Cut the connection after this many bytes of a response, for the first `cuts` responses with a body. */
  cutAfterBytes?: () => number;
  cuts?: number;
  /** Answer every request with this status instead. */
  status?: number;
  /** Bytes per second (roughly), so that a test can stop a download half way. */
  bytesPerSecond?: number;
}

export interface ModelServer {
  url(name: string): string;
  /** Every request seen: method, file, and the Range header. */
  readonly requests: { method: string; name: string; range: string | null }[];
  /** Bytes of file content sent, over all responses. */
  bytesSent(): number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 serving forged GGUF files with Range support (206 with
 * Content-Range), as model hosts do, and able to fail the ways they fail: cut connections,
 * wrong bytes, 404, 500, a slow link.
 */
export async function startModelServer(files: Record<string, ServedFile>): Promise<ModelServer> {
  const requests: ModelServer['requests'] = [];
  let sent = 0;
  const cutsLeft = new Map(Object.entries(files).map(([name, file]) => [name, file.cuts ?? 0]));
  const bodies = new Map<string, Buffer>();

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const name = decodeURIComponent((request.url ?? '/').split('?')[0]!.slice(1));
    const range = request.headers.range ?? null;
    requests.push({ method: request.method ?? 'GET', name, range });
    const file = files[name];
    if (!file) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (file.status) return void response.writeHead(file.status, { 'content-type': 'text/plain' }).end('failure');

    const body = file.body ?? bodies.get(name) ?? readFileSync(file.path);
    bodies.set(name, body);
    let start = 0;
    let end = body.length - 1;
    const match = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
    if (match) {
      start = Number(match[1]);
      end = match[2] ? Math.min(Number(match[2]), end) : end;
      if (start > end) {
        return void response.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      }
      response.writeHead(206, {
        'content-type': 'application/octet-stream',
        'content-length': end - start + 1,
        'content-range': `bytes ${start}-${end}/${body.length}`,
        'accept-ranges': 'bytes',
      });
    } else {
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': body.length,
        'accept-ranges': 'bytes',
      });
    }
    if (request.method === 'HEAD') return void response.end();

    const left = cutsLeft.get(name) ?? 0;
    // A 1-byte probe is never cut: the cut is meant for downloads of content.
    const cutAt = left > 0 && end - start > 0 && file.cutAfterBytes ? file.cutAfterBytes() : Infinity;
    if (cutAt !== Infinity) cutsLeft.set(name, left - 1);
    const chunk = file.bytesPerSecond ? Math.max(1024, Math.floor(file.bytesPerSecond / 20)) : 64 * 1024;
    let offset = start;
    let written = 0;
    const pump = () => {
      if (response.destroyed) return;
      while (offset <= end) {
        const size = Math.min(chunk, end - offset + 1, cutAt - written);
        if (size <= 0) {
          response.destroy(); // the connection drops mid-body
          return;
        }
        const piece = body.subarray(offset, offset + size);
        offset += size;
        written += size;
        sent += size;
        const more = response.write(piece);
        if (file.bytesPerSecond) return void setTimeout(pump, 50);
        if (!more) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  after(close);
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    requests,
    bytesSent: () => sent,
    close,
  };
}
