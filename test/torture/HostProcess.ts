import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { CallResultSchema, type CallResult } from '../../contract/index.js';
import { tradeToken } from '../support/spawnWebHost.js';
import { groupMembers } from './processTree.js';

const ENTRY = fileURLToPath(new URL('./hostChild.ts', import.meta.url));
// By absolute address: the host runs in its data folder (so relative paths a fuzzed call names
// land there), where a bare `tsx` would not resolve.
const TSX_LOADER = import.meta.resolve('tsx');

/**
 * Runner's side of a Hearth web host in a child process (hostChild.ts). The child leads its own
 * process group, so its engine and worker processes can be found (and cleaned up) after it is
 * killed: they keep the group even when re-parented.
 */
export class HostProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly token: string;
  /** The Cookie header the one trade of the launch token gave (the token alone opens nothing after). */
  readonly cookie: string;
  /** stderr of the host and its children, last lines kept for failure messages. */
  readonly output: string[];
  #exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  private constructor(child: ChildProcess, port: number, token: string, cookie: string, output: string[]) {
    this.child = child;
    this.port = port;
    this.token = token;
    this.cookie = cookie;
    this.output = output;
    child.once('exit', (code, signal) => (this.#exit = { code, signal }));
    // A send on the channel of a host that just died: its exit tells the story, not this error.
    child.on('error', () => undefined);
  }

  static async start(dataDir: string, safetyNetMs = 120_000): Promise<HostProcess> {
    const output: string[] = [];
    const child = fork(ENTRY, [dataDir], {
      execArgv: ['--import', TSX_LOADER],
      cwd: dataDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, HEARTH_GPU: 'cpu' },
      serialization: 'json',
    });
    const keep = (chunk: Buffer) => {
      output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      output.splice(0, Math.max(0, output.length - 40));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the host did not start (safety net)')), safetyNetMs);
      child.on('message', (message: { type?: string; port?: number; token?: string }) => {
        if (message.type === 'ready' && message.port && message.token) {
          clearTimeout(timer);
          resolve({ port: message.port, token: message.token });
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the host exited while starting (${signal ?? code}): ${output.slice(-3).join(' | ')}`));
      });
    });
    const cookie = await tradeToken(ready.port, ready.token);
    return new HostProcess(child, ready.port, ready.token, cookie, output);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get alive(): boolean {
    return this.#exit === null;
  }

  get exitDescription(): string {
    return this.#exit ? `host exited (${this.#exit.signal ?? `code ${this.#exit.code}`})` : 'host alive';
  }

  /** After a failed check: what happened to the host, once its exit (if it is dying) has arrived. */
  async describeAfterFailure(): Promise<string> {
    if (this.alive)
      await Promise.race([once(this.child, 'exit'), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    return this.exitDescription;
  }

  /** The host's process group, host excluded: its engines and workers. */
  children(): number[] {
    return groupMembers(this.pid)
      .map((info) => info.pid)
      .filter((pid) => pid !== this.pid);
  }

  /** Prototype keys added in the host since it started. */
  probePollution(safetyNetMs = 10_000): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer to the pollution probe')), safetyNetMs);
      const onMessage = (message: { type?: string; pollution?: string[] }) => {
        if (message.type !== 'probe') return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message.pollution ?? []);
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'probe' }, (error) => {
        if (error) reject(new Error(`the pollution probe could not be sent: ${this.exitDescription}`));
      });
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }

  /** Kills the host and every process of its group (clean-up, whatever happened). */
  async destroy(): Promise<void> {
    await this.kill('SIGKILL');
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // The group is already empty.
    }
  }

  async connect(): Promise<HostSocket> {
    try {
      return await HostSocket.open(this);
    } catch (error) {
      // A refused connection usually means the host is dying: give its exit a moment to arrive.
      throw new Error(`no socket to the host (${await this.describeAfterFailure()}): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

/** A WebSocket to the host that can make calls and wait for their results. */
export class HostSocket {
  readonly ws: WebSocket;
  readonly closed: Promise<number>;
  #nextId = 1;
  readonly #pending = new Map<number, (result: unknown) => void>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data: Buffer) => {
      let frame: { type?: string; id?: number; result?: unknown };
      try {
        frame = JSON.parse(data.toString('utf8')) as typeof frame;
      } catch {
        return;
      }
      if (frame.type === 'result' && typeof frame.id === 'number') this.#pending.get(frame.id)?.(frame.result);
    });
    // Refusals and resets are what the torture expects to see on some sockets; `closed` reports them.
    ws.on('error', () => undefined);
  }

  static open(host: HostProcess, safetyNetMs = 30_000): Promise<HostSocket> {
    const origin = `http://127.0.0.1:${host.port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, {
      origin,
      headers: { Cookie: host.cookie },
      maxPayload: 64 << 20,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket did not open (safety net)')), safetyNetMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new HostSocket(ws));
      });
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /**
   * Sends one call (any input, valid or not) and resolves with its validated result, or
   * with `{ closed: code }` when the host closes this socket instead of answering.
   */
  call(method: unknown, input: unknown): Promise<CallResult | { closed: number }> {
    return this.callRaw(JSON.stringify({ type: 'call', id: 0, method, input }));
  }

  /** The same for a frame's text as given (fuzzed), whose `"id":0` is replaced by this call's id. */
  async callRaw(frame: string): Promise<CallResult | { closed: number }> {
    const id = this.#nextId++;
    const answered = new Promise<unknown>((resolve) => this.#pending.set(id, resolve));
    this.ws.send(frame.replace('"id":0', `"id":${id}`));
    const outcome = await Promise.race([answered, this.closed.then((code) => ({ closed: code }))]);
    this.#pending.delete(id);
    if (typeof outcome === 'object' && outcome !== null && 'closed' in outcome) return outcome as { closed: number };
    const parsed = CallResultSchema.safeParse(outcome);
    if (!parsed.success) throw new Error(`malformed reply: ${JSON.stringify(outcome).slice(0, 200)}`);
    return parsed.data;
  }

  close(): void {
    this.ws.terminate();
  }
}
