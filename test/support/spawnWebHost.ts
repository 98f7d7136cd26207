import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { tempDir } from './tempDir.js';
import type { HostMemory } from './webHostProcess.js';

export interface WebHostChild {
  port: number;
  origin: string;
  /** The Cookie header that the one trade of the launch token gave. */
  cookie: string;
  child: ChildProcess;
  /** Still running: no exit, no signal. */
  alive(): boolean;
  memory(): Promise<HostMemory>;
  /** Collects garbage and restarts the peak figures. */
  resetPeaks(): Promise<void>;
  /** Everything the child wrote to stderr. */
  stderr(): string;
}

const ENTRY = fileURLToPath(new URL('./webHostProcess.ts', import.meta.url));

/** The real web host in a child process of its own, stopped when the test file ends. */
export async function spawnWebHost(): Promise<WebHostChild> {
  const dataDir = tempDir('hearth-webhost-');
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ENTRY, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as { port: number; token: string }));
    child.once('exit', (code) => reject(new Error(`The web host exited (${code}) before listening:\n${stderr}`)));
  });
  const cookie = await tradeToken(ready.port, ready.token);
  const ask = <T>(message: string, isReply: (reply: unknown) => boolean) =>
    new Promise<T>((resolve) => {
      const onMessage = (reply: unknown) => {
        if (!isReply(reply)) return;
        child.off('message', onMessage);
        resolve(reply as T);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    port: ready.port,
    origin: `http://127.0.0.1:${ready.port}`,
    cookie,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    memory: () => ask<HostMemory>('memory', (reply) => typeof reply === 'object' && reply !== null),
    resetPeaks: () => ask<void>('reset-peaks', (reply) => reply === 'reset'),
    stderr: () => stderr,
  };
}

/** Opens the launch address once, as a browser would, and returns the cookie it was given. */
export function tradeToken(port: number, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/?token=${token}`, headers: { Host: `127.0.0.1:${port}` } },
      (res) => {
        res.resume();
        const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
        if (res.statusCode !== 303 || !cookie) reject(new Error(`The token trade answered ${res.statusCode}`));
        else resolve(cookie);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
