import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import type { TestHearth } from './startHearth.js';
import { tempDir } from './tempDir.js';

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
export async function serveApi(hearth: Pick<TestHearth, 'call'>): Promise<string> {
  const status = await hearth.call('server.configure', { enabled: true, port: await freePort() });
  if (!status.url) throw new Error(`the API did not start: ${status.error ?? 'no reason given'}`);
  return status.url;
}

/** The official OpenAI client pointed at Hearth (no retries: a test sees the first answer). */
export function openaiClient(baseURL: string, apiKey = 'unused', timeoutMs = 120_000): OpenAI {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: timeoutMs });
}

/** A second Hearth in its own process serving its API (see remoteHearthProcess.ts), killed when the file ends. */
export async function spawnRemoteHearth(
  modelFile: string,
  options: { keyName?: string } = {},
): Promise<{ url: string; model: string; key: string | null; child: ChildProcess; stderr: () => string }> {
  const entry = fileURLToPath(new URL('./remoteHearthProcess.ts', import.meta.url));
  const args = [
    tempDir('hearth-remote-'),
    modelFile,
    String(await freePort()),
    ...(options.keyName ? [options.keyName] : []),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const ready = await new Promise<{ url: string; model: string; key: string | null }>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as never));
    child.once('exit', (code) => reject(new Error(`The remote Hearth exited (${code}):\n${stderr}`)));
  });
  return { ...ready, child, stderr: () => stderr };
}
