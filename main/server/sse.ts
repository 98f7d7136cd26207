import type { ServerResponse } from 'node:http';
import type { ApiFailure } from './apiErrors.js';

/**
 * Server-sent events as OpenAI streams them: one `data:` line of JSON per chunk, `data: [DONE]`
 * at the end. An error after the stream started is sent as an event with OpenAI's error body
 * (clients raise it), since the status line is already gone.
 */
export interface EventStream {
  send(chunk: unknown): void;
  fail(failure: ApiFailure): void;
  done(): void;
}

export function openEventStream(response: ServerResponse, headers: Record<string, string>): EventStream {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    // Proxies must pass each event on at once.
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
  const write = (data: string) => {
    if (!response.writableEnded && !response.destroyed) response.write(`data: ${data}\n\n`);
  };
  return {
    send: (chunk) => write(JSON.stringify(chunk)),
    fail: (failure) => {
      write(JSON.stringify(failure.body()));
      if (!response.writableEnded) response.end();
    },
    done: () => {
      write('[DONE]');
      if (!response.writableEnded) response.end();
    },
  };
}
