import { createServer } from 'node:net';
import OpenAI from 'openai';
import type { TestHearth } from './startHearth.js';

/** A port nothing listens on now (the OS picks it; the server takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Turns the test Hearth's API on at a free port on 127.0.0.1; returns its base URL (…/v1). */
export async function serveApi(hearth: TestHearth): Promise<string> {
  const status = await hearth.call('server.configure', { enabled: true, port: await freePort() });
  if (!status.url) throw new Error(`the API did not start: ${status.error ?? 'no reason given'}`);
  return status.url;
}

/** The official OpenAI client pointed at Hearth (no retries: a test sees the first answer). */
export function openaiClient(baseURL: string, apiKey = 'unused'): OpenAI {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 120_000 });
}
